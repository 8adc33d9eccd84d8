/**
 * `npm run typecheck` (run by `npm test`, so by CI) reaches every TypeScript project of the
 * workspace: the packages `tsc -b` builds through the root references, and the type-check-only
 * projects (the webview's browser code with the DOM lib, the extension, the published CLI's
 * entries) named in the script. A package added without either would go unchecked.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const rootPackage = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string>; workspaces: string[] };
/** tsconfig files may hold comments (as tsc allows). */
const readConfig = (path: string) => JSON.parse(readFileSync(path, 'utf8').replace(/^\s*\/\/.*$/gm, '')) as { references?: Array<{ path: string }> };

describe('npm run typecheck', () => {
    test('npm test runs it before the tests, and it covers every tsconfig of every package', () => {
        expect(rootPackage.scripts.test).toMatch(/npm run typecheck && vitest run$/);
        const script = rootPackage.scripts.typecheck;
        expect(script).toMatch(/^tsc -b(\s|$)/);
        const built = new Set(readConfig(join(repo, 'tsconfig.json')).references!.map(ref => join(ref.path, 'tsconfig.json')));
        const checked = new Set([...script.matchAll(/tsc -p (\S+)/g)].map(match => match[1]));
        const packages = readdirSync(join(repo, 'packages')).filter(name => existsSync(join(repo, 'packages', name, 'src')));
        const configs = packages.flatMap(name => readdirSync(join(repo, 'packages', name))
            .filter(file => /^tsconfig.*\.json$/.test(file)).map(file => `packages/${name}/${file}`));
        // Every package with sources has a project, and each project is built or checked.
        for (const name of packages) expect(configs.some(config => config.startsWith(`packages/${name}/`)), name).toBe(true);
        expect(configs.filter(config => !built.has(config) && !checked.has(config))).toEqual([]);
        for (const workspace of rootPackage.workspaces) expect(packages, workspace).toContain(workspace.replace('packages/', ''));
    });

    test('the browser projects are checked with the DOM lib', () => {
        const browser = readFileSync(join(repo, 'packages/webview/tsconfig.browser.json'), 'utf8');
        expect(browser).toMatch(/"lib":\s*\[[^\]]*"DOM"/);
        expect(rootPackage.scripts.typecheck).toContain('tsc -p packages/webview/tsconfig.browser.json');
    });
});
