/**
 * The export condition under which every workspace package's `exports` map points at its TypeScript
 * sources (before `types`/`default`, which point at dist/). Vitest and the esbuild bundles resolve
 * with it, so they go through each package's public entry points without a prior `tsc -b`; Node and
 * tsc do not know it and take dist/.
 */
export const SOURCE_CONDITION = '@blueprint/source';

/**
 * The conditions to give esbuild: the source condition, and `module`, which esbuild adds on its own
 * only while no conditions are configured (without it some dependencies resolve to larger builds).
 */
export const ESBUILD_CONDITIONS = [SOURCE_CONDITION, 'module'];
