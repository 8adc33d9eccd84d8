import { defaultServerConditions, type Plugin } from 'vite';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { SOURCE_CONDITION } from './scripts/source-condition.mjs';

/**
 * Tests import the workspace packages by name, so each import goes through the package's `exports`
 * map (a name a package does not export fails to resolve). The `@blueprint/source` condition picks
 * the TypeScript sources of those exports instead of dist/: no build before a test run, source lines
 * in stack traces and coverage, watch mode that follows edits. The CLI tests spawn the built binary.
 */
// Vitest's own default for Node tests is Vite's server conditions without `module`.
const conditions = [SOURCE_CONDITION, ...defaultServerConditions.filter(condition => condition !== 'module')];

/**
 * Vitest also hands the SSR conditions to Node (`--conditions`) for the test processes, and worker
 * threads inherit them: the built layout worker or parallel check a test starts would then load
 * TypeScript sources Node cannot run. The sources are for Vite's resolver (the test environment's
 * own copy of the conditions), so Node's copy goes without them.
 */
function keepSourcesOutOfNode(): Plugin {
    return {
        name: 'blueprint-keep-sources-out-of-node',
        configResolved(config) {
            const ssr = config.ssr.resolve as { conditions?: string[] } | undefined;
            if (ssr?.conditions) ssr.conditions = ssr.conditions.filter(condition => condition !== SOURCE_CONDITION);
        }
    };
}

export default defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    plugins: [keepSourcesOutOfNode()],
    test: {
        // test/: the packages through their public surfaces; packages/<app>/test/: the unit tests of an
        // application's own parts (the webview page, the extension), which have no library surface.
        include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
        // The end-to-end test in code-server has its own config and command (npm run test:e2e).
        exclude: ['test/e2e/**', '**/node_modules/**'],
        testTimeout: 30_000,
        hookTimeout: 60_000,
        pool: 'forks',
        // Vitest's default is one fork fewer than the cores: one fork on a 2-core machine (CI's), where
        // the suite took 800 s. Most files wait on child processes (the CLI, the server, Chromium), so
        // two forks there kept both cores busy: 530 s, the same tests passing.
        maxWorkers: Math.max(2, availableParallelism() - 1)
    }
});
