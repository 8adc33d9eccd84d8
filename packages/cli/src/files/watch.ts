/**
 * `--watch`: run a command once, then again whenever a `.blueprint` file or a config file under the
 * watched paths changes (changes within 150 ms are taken together). Runs until interrupted; a failed
 * run is reported and the watch goes on.
 */
import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import * as path from 'node:path';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../errors.js';
import { CONFIG_FILE_NAME } from '@blueprint/language/core';

const SETTLE_MS = 150;

export async function watchAndRerun(context: CliContext, inputs: readonly string[], run: () => Promise<number>): Promise<never> {
    const roots = watchedFolders(inputs, context.cwd);
    const runSafely = async () => {
        try {
            await run();
        } catch (error) {
            context.stderr.write(`blueprint: ${error instanceof Error ? error.message : String(error)}\n`);
        }
        context.stderr.write(`[watch] waiting for changes (Ctrl+C to stop)\n`);
    };
    let timer: NodeJS.Timeout | undefined;
    // Watching starts before the first run, so that no change during it is missed.
    let running: Promise<void> = Promise.resolve();
    const changed = new Set<string>();
    const watchers: FSWatcher[] = roots.map(root => watch(root, { recursive: true }, (_event, name) => {
        const file = name ? path.join(root, name.toString()) : root;
        if (!file.endsWith('.blueprint') && path.basename(file) !== CONFIG_FILE_NAME) return;
        changed.add(path.relative(context.cwd, file).split(path.sep).join('/'));
        clearTimeout(timer);
        timer = setTimeout(() => {
            const names = [...changed].sort().join(', ');
            changed.clear();
            running = running.then(() => {
                context.stderr.write(`[watch] changed: ${names}\n`);
                return runSafely();
            });
        }, SETTLE_MS);
    }));
    running = running.then(runSafely);
    return new Promise<never>(() => {
        process.once('SIGINT', () => {
            for (const watcher of watchers) watcher.close();
            process.exit(context.exitCode);
        });
    });
}

/** The folders to watch: each folder given, the folder of each file, the base folder of each pattern. */
function watchedFolders(inputs: readonly string[], cwd: string): string[] {
    const folders = new Set<string>();
    for (const input of inputs) {
        if (input === '-') throw new CliError("--watch cannot read standard input ('-')");
        const absolute = path.resolve(cwd, input);
        if (existsSync(absolute)) {
            folders.add(statSync(absolute).isDirectory() ? absolute : path.dirname(absolute));
        } else {
            // A glob pattern: its part before the first wildcard.
            const base = input.split(/[*?[{]/)[0];
            folders.add(path.resolve(cwd, base.endsWith('/') || base === '' ? base : path.dirname(base)));
        }
    }
    return [...folders];
}
