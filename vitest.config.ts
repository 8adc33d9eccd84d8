import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
    resolve: {
        // Tests run against the sources; the CLI tests spawn the built binary instead.
        alias: {
            '@blueprint/escape': src('escape'),
            '@blueprint/model': src('model'),
            '@blueprint/language': src('language'),
            '@blueprint/diagram': src('diagram'),
            '@blueprint/server': src('server'),
            '@blueprint/diff': src('diff'),
            '@blueprint/report': src('report'),
            '@blueprint/webview': src('webview'),
            // Before '@blueprint/export', which would otherwise swallow the subpath.
            '@blueprint/export/workbook': fileURLToPath(new URL('./packages/export/src/workbook/index.ts', import.meta.url)),
            '@blueprint/export': src('export'),
            '@blueprint/tools': src('tools')
        }
    },
    test: {
        include: ['test/**/*.test.ts'],
        // The end-to-end test in code-server has its own config and command (npm run test:e2e).
        exclude: ['test/e2e/**', '**/node_modules/**'],
        testTimeout: 30_000,
        hookTimeout: 60_000,
        pool: 'forks'
    }
});
