/**
 * Loading a set of blueprint files outside a language server (CLI, tools, benchmarks): the files
 * given, every file they import (transitively, when it exists), and the built-in library; then one
 * build with validation of those not built yet (the same services may load several sets in turn).
 */
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { BlueprintCoreServices } from '../blueprint-module.js';
import { importedUris } from './imports.js';

export interface LoadResult {
    /** The documents for the requested URIs, in the order given. */
    readonly documents: LangiumDocument[];
    /** Imported documents loaded on the way, not requested themselves. */
    readonly imported: LangiumDocument[];
}

export async function loadAndValidate(services: BlueprintCoreServices, uris: URI[]): Promise<LoadResult> {
    const shared = services.shared;
    const documents = shared.workspace.LangiumDocuments;
    const fileSystem = shared.workspace.FileSystemProvider;
    services.workspace.BuiltinLibrary.document; // registers the built-in library

    const requested: LangiumDocument[] = [];
    const imported: LangiumDocument[] = [];
    const seen = new Set<string>();
    // Breadth first, one level of imports at a time; the files of a level are read concurrently.
    let level: Array<{ uri: URI; requested: boolean }> = uris.map(uri => ({ uri, requested: true }));
    while (level.length > 0) {
        const fresh = level.filter(({ uri }) => {
            const key = uri.toString();
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
        });
        const loaded = await Promise.all(fresh.map(async entry => {
            const existing = documents.getDocument(entry.uri);
            if (existing) return existing;
            // A missing imported file is reported as BP003 by the importer, not thrown here.
            if (!entry.requested && !(await exists(fileSystem, entry.uri))) return undefined;
            return documents.getOrCreateDocument(entry.uri);
        }));
        const next: Array<{ uri: URI; requested: boolean }> = [];
        fresh.forEach((entry, index) => {
            const document = loaded[index];
            if (!document) return;
            (entry.requested ? requested : imported).push(document);
            for (const uri of importedUris(document)) next.push({ uri, requested: false });
        });
        level = next;
    }
    // Documents an earlier call built (a batch of a check, the built-in library) stay as they are:
    // built again with validation, each would be validated again for nothing.
    const unbuilt = [services.workspace.BuiltinLibrary.document, ...requested, ...imported].filter(document => document.state < DocumentState.Validated);
    if (unbuilt.length > 0) await shared.workspace.DocumentBuilder.build(unbuilt, { validation: true });
    return { documents: requested, imported };
}

async function exists(fileSystem: BlueprintCoreServices['shared']['workspace']['FileSystemProvider'], uri: URI): Promise<boolean> {
    try {
        return await fileSystem.exists(uri);
    } catch {
        return false;
    }
}
