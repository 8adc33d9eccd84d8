/**
 * Parses and validates text in memory, with optional extra files (path relative to `uri` → text) it
 * may import: a test helper on Langium's public services, so tests need no file system.
 */
import type { BlueprintCoreServices } from '@blueprint/language';
import { URI, type LangiumDocument } from 'langium';

export async function validateText(services: BlueprintCoreServices, text: string,
    uri = URI.parse('memory:///main.blueprint'), files: Record<string, string> = {}): Promise<LangiumDocument> {
    const shared = services.shared;
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = shared.workspace.LangiumDocuments;
    const all: LangiumDocument[] = [services.workspace.BuiltinLibrary.document];
    for (const [path, content] of [[uri.toString(), text] as const, ...Object.entries(files)]) {
        const target = path === uri.toString() ? uri : URI.parse(new URL(path, uri.toString()).toString());
        // A test may validate several texts at one URI with the same services.
        if (documents.hasDocument(target)) documents.deleteDocument(target);
        const document = factory.fromString(content, target);
        documents.addDocument(document);
        all.push(document);
    }
    await shared.workspace.DocumentBuilder.build(all, { validation: true });
    return all[1];
}
