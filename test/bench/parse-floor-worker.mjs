/**
 * One thread of the parse floor (check-floor.mjs): builds the language services and their parser
 * as a check worker does before its first file, says it is ready, and on `go` parses its share of
 * the files (given as text: no disk) into documents that it keeps, as a check keeps them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createBlueprintCoreServices } from '@blueprint/language';
import { EmptyFileSystem, URI } from 'langium';

const { Blueprint } = createBlueprintCoreServices({ ...EmptyFileSystem }, { batch: true });
const factory = Blueprint.shared.workspace.LangiumDocumentFactory;
void Blueprint.parser.LangiumParser; // built now, as the check builds it before its first file
const share = workerData.files;
parentPort.once('message', () => {
    const documents = share.map(([path, text]) => factory.fromString(text, URI.parse(`memory:///bench/${path}`)));
    const errors = documents.reduce((sum, d) => sum + d.parseResult.parserErrors.length + d.parseResult.lexerErrors.length, 0);
    parentPort.postMessage({ errors, documents: documents.length });
});
parentPort.postMessage('ready');
