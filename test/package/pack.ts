/** `npm pack` of the public service-blueprint package (its prepack script bundles it first). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_FOLDER = fileURLToPath(new URL('../../packages/blueprint-cli', import.meta.url));

/** Packs into `destination` and returns the tarball's path. */
export function packServiceBlueprint(destination: string): string {
    const packed = spawnSync('npm', ['pack', '--json', '--pack-destination', destination], { cwd: PACKAGE_FOLDER, encoding: 'utf8', timeout: 180_000 });
    if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
    const [{ filename }] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as Array<{ filename: string }>;
    return join(destination, filename);
}
