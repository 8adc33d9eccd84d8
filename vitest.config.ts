import { defaultServerConditions } from 'vite';
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

export default defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    test: {
        include: ['test/**/*.test.ts'],
        // The end-to-end test in code-server has its own config and command (npm run test:e2e).
        exclude: ['test/e2e/**', '**/node_modules/**'],
        testTimeout: 30_000,
        hookTimeout: 60_000,
        pool: 'forks'
    }
});
