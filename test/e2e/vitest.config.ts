// The end-to-end test in real VS Code (code-server + Chromium): `npm run test:e2e`. Separate from the
// unit suite because it installs code-server on first run and takes tens of seconds.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
    root: fileURLToPath(new URL('../..', import.meta.url)),
    test: {
        include: ['test/e2e/**/*.e2e.test.ts'],
        env: { BLUEPRINT_E2E: '1' },
        testTimeout: 120_000,
        // Setup installs Node 24 and code-server the first time (about 2.5 minutes).
        hookTimeout: 600_000,
        pool: 'forks',
        fileParallelism: false
    }
});
