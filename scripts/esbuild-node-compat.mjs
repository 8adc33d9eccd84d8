// esbuild settings shared by every Node bundle (the extension's server, the service-blueprint
// package): `Object.groupBy` becomes the function in packages/language/src/node-compat.ts, so the
// bundles run on Node 20 without patching the global object.
import { fileURLToPath } from 'node:url';

export const nodeCompat = {
    inject: [fileURLToPath(new URL('../packages/language/src/node-compat.ts', import.meta.url))],
    define: { 'Object.groupBy': 'objectGroupBy' }
};
