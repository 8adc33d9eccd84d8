/**
 * Loading a set of blueprint files outside a language server (CLI, tests, benchmarks): the files
 * given, every file they import (transitively, when it exists), and the built-in library; then one
 * build with validation.
 */
import { URI, type LangiumDocument } from 'langium';
import type { BlueprintServices } from '../blueprint-module.js';
import { importedUris } from './imports.js';

export interface LoadResult {
    /** The documents for the requested URIs, in the order given. */
    readonly documents: LangiumDocument[];
    /** Imported documents loaded on the way, not requested themselves. */
    readonly imported: LangiumDocument[];
}

export async function loadAndValidate(services: BlueprintServices, uris: URI[]): Promise<LoadResult> {
    const shared = services.shared;
    const documents = shared.workspace.LangiumDocuments;
    const fileSystem = shared.workspace.FileSystemProvider;
    services.workspace.BuiltinLibrary.document; // registers the built-in library

    const requested: LangiumDocument[] = [];
    const imported: LangiumDocument[] = [];
    const seen = new Set<string>();
    const queue: Array<{ uri: URI; requested: boolean }> = uris.map(uri => ({ uri, requested: true }));
    for (let i = 0; i < queue.length; i++) {
        const { uri, requested: isRequested } = queue[i];
        const key = uri.toString();
        if (seen.has(key)) continue;
        seen.add(key);
        let document = documents.getDocument(uri);
        if (!document) {
            if (!isRequested && !(await exists(fileSystem, uri))) continue; // reported as BP003 by the importer
            document = await documents.getOrCreateDocument(uri);
        }
        (isRequested ? requested : imported).push(document);
        for (const next of importedUris(document)) queue.push({ uri: next, requested: false });
    }
    const builtin = services.workspace.BuiltinLibrary.document;
    await shared.workspace.DocumentBuilder.build([builtin, ...requested, ...imported], { validation: true });
    return { documents: requested, imported };
}

/** Parses and validates text in memory, with optional extra files (path → text) it may import. */
export async function validateText(services: BlueprintServices, text: string,
    uri = URI.parse('memory:///main.blueprint'), files: Record<string, string> = {}): Promise<LangiumDocument> {
    const shared = services.shared;
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = shared.workspace.LangiumDocuments;
    const all: LangiumDocument[] = [services.workspace.BuiltinLibrary.document];
    for (const [path, content] of [[uri.toString(), text] as const, ...Object.entries(files)]) {
        const target = path === uri.toString() ? uri : URI.parse(new URL(path, uri.toString()).toString());
        if (documents.hasDocument(target)) documents.deleteDocument(target);
        const document = factory.fromString(content, target);
        documents.addDocument(document);
        all.push(document);
    }
    await shared.workspace.DocumentBuilder.build(all, { validation: true });
    return all[1];
}

async function exists(fileSystem: BlueprintServices['shared']['workspace']['FileSystemProvider'], uri: URI): Promise<boolean> {
    try {
        return await fileSystem.exists(uri);
    } catch {
        return false;
    }
}
