/**
 * One thread of the parse floor (check-floor.mjs): builds the language services and their parser
 * as a check worker does before its first file, says it is ready, and on `go` parses its share of
 * the files (given as text: no disk) into documents that it keeps, as a check keeps them; the
 * result says how much CPU time the thread itself spent parsing (Linux; the rest of the floor's
 * CPU time is V8's compiler and garbage collector threads).
 */
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { createBlueprintCoreServices } from '@blueprint/language';
import { EmptyFileSystem, URI } from 'langium';

const { threadCpuMs } = createRequire(import.meta.url)('./thread-cpu.cjs');

const { Blueprint } = createBlueprintCoreServices({ ...EmptyFileSystem }, { batch: true });
const factory = Blueprint.shared.workspace.LangiumDocumentFactory;
void Blueprint.parser.LangiumParser; // built now, as the check builds it before its first file
const share = workerData.files;
parentPort.once('message', () => {
    const cpuBefore = threadCpuMs();
    const documents = share.map(([path, text]) => factory.fromString(text, URI.parse(`memory:///bench/${path}`)));
    const errors = documents.reduce((sum, d) => sum + d.parseResult.parserErrors.length + d.parseResult.lexerErrors.length, 0);
    const cpuAfter = threadCpuMs();
    parentPort.postMessage({ errors, documents: documents.length, threadCpuMs: cpuAfter === undefined ? undefined : cpuAfter - cpuBefore });
});
parentPort.postMessage('ready');

