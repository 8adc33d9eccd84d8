/**
 * `blueprint check --fix`: applies the safe quick fixes (those that only restate what a file already
 * says; see the language's code actions) to the files checked, before they are checked and reported.
 */
import { loadAndValidate, safeFixesOf } from '@blueprint/language';
import { URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CliContext } from './cli-context.js';
import { FileError } from './errors.js';
import { writeFileAtomic } from './files/atomic-write.js';
import { displayPath, reasonOf } from './files/paths.js';
import { createCliEditingServices } from './editing-services.js';

/** Fixes the files in place; returns how many edits were made in how many files. */
export async function applySafeFixes(files: readonly string[], context: CliContext): Promise<{ edits: number; files: number }> {
    const services = await createCliEditingServices(context.cwd);
    const { documents } = await loadAndValidate(services, files.map(file => URI.file(file)));
    let edits = 0, fixedFiles = 0;
    for (const document of documents) {
        const fixes = safeFixesOf(services, document);
        if (fixes.length === 0) continue;
        const text = TextDocument.applyEdits(document.textDocument as TextDocument, fixes);
        // Its own input, on purpose (like `fmt`): atomically, so that a failure leaves the old text.
        await writeFileAtomic(document.uri.fsPath, text).catch((error: NodeJS.ErrnoException) => {
            throw new FileError(displayPath(document.uri.fsPath, context.cwd), `cannot write: ${reasonOf(error)}`);
        });
        context.stderr.write(`fixed ${fixes.length} in ${displayPath(document.uri.fsPath, context.cwd)}\n`);
        edits += fixes.length;
        fixedFiles++;
    }
    return { edits, files: fixedFiles };
}
