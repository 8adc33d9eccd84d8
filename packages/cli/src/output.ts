/** Writing a command's result: to the file named by `-o` (and nowhere else), or to stdout. */
import * as path from 'node:path';
import type { CliContext } from './cli-context.js';
import { FileError } from './errors.js';
import { writeFileAtomic } from './files/atomic-write.js';
import { ensureSafeOutputs, type OutputGuard } from './files/output-guard.js';
import { displayPath, reasonOf } from './files/paths.js';

/** `guard` says what the file must not be (an input, a blueprint source): see `output-guard.ts`. */
export async function writeOutput(context: CliContext, output: string | undefined, content: string, guard: OutputGuard): Promise<void> {
    if (output === undefined || output === '-') {
        context.stdout.write(content);
        return;
    }
    const target = path.resolve(context.cwd, output);
    ensureSafeOutputs([target], guard);
    try {
        await writeFileAtomic(target, content, { createFolders: true });
    } catch (error) {
        throw new FileError(displayPath(target, context.cwd), reasonOf(error as NodeJS.ErrnoException));
    }
}
