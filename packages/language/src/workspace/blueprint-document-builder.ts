/**
 * Rebuilds what imports a changed file. Langium relinks a document only when one of its references
 * failed or pointed into a changed document; an importer must also be relinked and revalidated when
 * an imported file appears, disappears or changes (new declarations to resolve, BP003 for a missing
 * file, BP004 for a new cycle), even if none of its references pointed there before.
 */
import { DefaultDocumentBuilder, type LangiumDocument } from 'langium';
import { importedUris } from './imports.js';

export class BlueprintDocumentBuilder extends DefaultDocumentBuilder {
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return super.shouldRelink(document, changedUris) || importedUris(document).some(uri => changedUris.has(uri.toString()));
    }
}
