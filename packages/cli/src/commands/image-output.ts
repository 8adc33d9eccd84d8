/**
 * Writing exported pictures (PNG, PDF, paged SVG) for `render` and the export formats for `export`:
 * to `-o`, or to stdout when it is not a terminal (binary output would garble a terminal). A PNG of
 * several pages goes to numbered files beside `-o`: `deck.png` → `deck-1.png`, `deck-2.png`.
 */
import * as path from 'node:path';
import type { CliContext } from '../cli-context.js';
import { CliError, FileError } from '../errors.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { ensureSafeOutputs, type OutputGuard } from '../files/output-guard.js';
import { displayPath, reasonOf } from '../files/paths.js';

export async function writeExportedFiles(context: CliContext, output: string | undefined, files: readonly Uint8Array[], what: string,
    guard: Omit<OutputGuard, 'what'>): Promise<string[]> {
    if (output === undefined || output === '-') {
        if (files.length !== 1) throw new CliError(`${what} has ${files.length} pages: give -o FILE and they are written as FILE-1, FILE-2, …`);
        if (context.stdout.isTTY) throw new CliError(`${what} is binary: give -o FILE, or redirect stdout to a file`);
        (context.stdout as unknown as { write(chunk: Uint8Array): unknown }).write(files[0]);
        return [];
    }
    const target = path.resolve(context.cwd, output);
    const extension = path.extname(target);
    const targets = files.length === 1 ? [target] : files.map((_file, index) => `${target.slice(0, target.length - extension.length)}-${index + 1}${extension}`);
    // Every page's name first: a refused one must not leave the others written.
    ensureSafeOutputs(targets, { ...guard, what });
    try {
        // Each page atomically, like every file the CLI writes: a failure never leaves half a picture.
        for (const [index, file] of files.entries()) await writeFileAtomic(targets[index], file, { createFolders: true });
    } catch (error) {
        throw new FileError(displayPath(target, context.cwd), `cannot write: ${reasonOf(error as NodeJS.ErrnoException)}`);
    }
    return targets.map(file => displayPath(file, context.cwd));
}
