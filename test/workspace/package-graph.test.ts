/**
 * The workspace's shape, from the import specifiers of every TypeScript file under packages/<pkg>/src,
 * packages/<pkg>/test and test/, and from each package.json:
 * - a test in test/ imports the packages by name only (through their `exports`), never a path into packages/;
 * - a package's sources import no file of another package, and its own tests none of another's;
 * - a package name is imported only with an entry its `exports` map has, and only by a package that
 *   declares it in package.json;
 * - the dependency graph (declared and imported) runs down the pipeline with no back edge.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The pipeline from text to picture, first to last; an edge may only point to an earlier layer.
 * protocol comes after diagram and diff: the messages carry their layout and change types. It imports
 * only their types (checked below), so nothing of theirs runs or is bundled where protocol is used;
 * of the model it uses a function of plain data (`sameData`).
 */
const PIPELINE: readonly (readonly string[])[] = [
    ['model', 'escape'],
    ['language'],
    ['diagram'],
    ['diff'],
    ['report'],
    ['protocol'],
    ['export', 'tools'],
    ['server', 'cli', 'webview'],
    ['blueprint-cli', 'extension']
];

interface WorkspacePackage {
    /** The folder under packages/. */
    readonly folder: string;
    readonly name: string;
    readonly exports: readonly string[];
    readonly declared: readonly string[];
}

function workspacePackages(): WorkspacePackage[] {
    const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { workspaces: string[] };
    return root.workspaces.map(workspace => {
        const manifest = JSON.parse(readFileSync(join(ROOT, workspace, 'package.json'), 'utf8')) as {
            name: string; exports?: Record<string, unknown>; dependencies?: Record<string, string>; devDependencies?: Record<string, string>;
        };
        return {
            folder: workspace.replace(/^packages\//, ''),
            name: manifest.name,
            exports: Object.keys(manifest.exports ?? {}),
            declared: [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})]
        };
    });
}

interface ImportSpecifier {
    readonly specifier: string;
    /** `import type`/`export type`, or `typeof import(...)`: nothing is loaded at run time. */
    readonly typeOnly: boolean;
}

/** Every module specifier a file names: imports, re-exports, `import()` calls and `import('…')` types. */
export function importSpecifiers(fileName: string, text: string): ImportSpecifier[] {
    const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const found: ImportSpecifier[] = [];
    const visit = (node: ts.Node): void => {
        if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
            const clause = node.importClause;
            const typeOnly = clause !== undefined && (clause.isTypeOnly || (!clause.name && clause.namedBindings !== undefined
                && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every(element => element.isTypeOnly)));
            found.push({ specifier: node.moduleSpecifier.text, typeOnly });
        } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
            found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
        } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
            found.push({ specifier: node.argument.literal.text, typeOnly: true });
        } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
            found.push({ specifier: node.arguments[0].text, typeOnly: false });
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
}

/** Where a file belongs: a package's sources or its own tests, or the repository's tests. */
type Place = { readonly kind: 'src' | 'test'; readonly folder: string } | { readonly kind: 'tests' } | { readonly kind: 'other' };

function placeOf(file: string): Place {
    const parts = relative(ROOT, file).split(sep);
    if (parts[0] === 'packages' && parts.length > 2 && (parts[2] === 'src' || parts[2] === 'test')) return { kind: parts[2], folder: parts[1] };
    if (parts[0] === 'packages' && parts.length > 1) return { kind: 'src', folder: parts[1] };
    if (parts[0] === 'test') return { kind: 'tests' };
    return { kind: 'other' };
}

/** The bare specifier's package name and export entry ('.' or './sub'). */
function packageEntry(specifier: string): { name: string; entry: string } {
    const parts = specifier.split('/');
    const length = specifier.startsWith('@') ? 2 : 1;
    const rest = parts.slice(length).join('/');
    return { name: parts.slice(0, length).join('/'), entry: rest ? `./${rest}` : '.' };
}

export interface Violation {
    readonly file: string;
    readonly specifier: string;
    readonly problem: string;
}

/** The rules for one file's imports; `edges` collects the package-to-package imports of package sources. */
export function checkImports(file: string, specifiers: readonly ImportSpecifier[], packages: readonly WorkspacePackage[],
    edges: Array<{ from: string; to: string; typeOnly: boolean; entry?: string }> = []): Violation[] {
    const place = placeOf(file);
    const violations: Violation[] = [];
    const byName = new Map(packages.map(pkg => [pkg.name, pkg]));
    const shown = relative(ROOT, file);
    for (const { specifier, typeOnly } of specifiers) {
        if (specifier.startsWith('.')) {
            const target = placeOf(resolve(dirname(file), specifier));
            if (place.kind === 'tests' && (target.kind === 'src' || target.kind === 'test')) {
                violations.push({ file: shown, specifier, problem: `reaches into packages/${target.folder}: import the package by name` });
            } else if ((place.kind === 'src' || place.kind === 'test') && (target.kind === 'src' || target.kind === 'test') && target.folder !== place.folder) {
                violations.push({ file: shown, specifier, problem: `reaches from packages/${place.folder} into packages/${target.folder}: import the package by name` });
            } else if (place.kind === 'src' && target.kind === 'tests') {
                violations.push({ file: shown, specifier, problem: 'package sources import a test file' });
            }
            continue;
        }
        const { name, entry } = packageEntry(specifier);
        const imported = byName.get(name);
        if (!imported) continue;
        if (!imported.exports.includes(entry)) {
            violations.push({ file: shown, specifier, problem: `${name} exports no '${entry}' (its exports: ${imported.exports.join(', ') || 'none'})` });
        }
        if (place.kind === 'src') {
            const importer = packages.find(pkg => pkg.folder === place.folder);
            if (importer && importer.name !== name && !importer.declared.includes(name)) {
                violations.push({ file: shown, specifier, problem: `${importer.name} does not declare ${name} in package.json` });
            }
            if (importer && importer.name !== name) edges.push({ from: importer.folder, to: imported.folder, typeOnly, entry });
        }
    }
    return violations;
}

function typeScriptFiles(folder: string): string[] {
    let entries: string[];
    try {
        entries = readdirSync(folder);
    } catch {
        return [];
    }
    return entries.flatMap(entry => {
        const path = join(folder, entry);
        if (entry === 'node_modules' || entry === 'dist' || entry === 'fixtures') return [];
        if (statSync(path).isDirectory()) return typeScriptFiles(path);
        return /\.(m?ts|tsx)$/.test(entry) && !entry.endsWith('.d.ts') && !entry.endsWith('.d.mts') ? [path] : [];
    });
}

const packages = workspacePackages();
const files = [
    ...typeScriptFiles(join(ROOT, 'test')),
    ...packages.flatMap(pkg => [...typeScriptFiles(join(ROOT, 'packages', pkg.folder, 'src')), ...typeScriptFiles(join(ROOT, 'packages', pkg.folder, 'test'))])
];
const edges: Array<{ from: string; to: string; typeOnly: boolean; entry?: string }> = [];
const violations = files.flatMap(file => checkImports(file, importSpecifiers(file, readFileSync(file, 'utf8')), packages, edges));
const layerOf = (folder: string) => PIPELINE.findIndex(layer => layer.includes(folder));

describe('the package graph', () => {
    it('knows every workspace package, and each has an exports map', () => {
        expect(packages.map(pkg => pkg.folder).filter(folder => layerOf(folder) < 0)).toEqual([]);
        expect(packages.filter(pkg => pkg.exports.length === 0 && pkg.folder !== 'extension').map(pkg => pkg.name)).toEqual([]);
        expect(files.length).toBeGreaterThan(300);
    });

    it('has no test reaching into a package, no package reaching into another, and only exported, declared entries', () => {
        expect(violations).toEqual([]);
    });

    it('runs down the pipeline: every declared or imported dependency points to an earlier layer', () => {
        const declared = packages.flatMap(pkg => pkg.declared
            .map(name => packages.find(other => other.name === name))
            .filter((other): other is WorkspacePackage => other !== undefined)
            .map(other => ({ from: pkg.folder, to: other.folder })));
        const backEdges = [...declared, ...edges]
            .filter(edge => layerOf(edge.to) >= layerOf(edge.from))
            .map(edge => `${edge.from} → ${edge.to}`);
        expect([...new Set(backEdges)]).toEqual([]);
    });

    // Besides the import-free list of fields that move with a box (`@blueprint/diagram/geometry`), which
    // the layout patches are made with: neither the layout engine nor the diff is bundled with the messages.
    it('protocol takes only types from diagram and diff, and the geometry\'s field list', () => {
        const fromProtocol = edges.filter(edge => edge.from === 'protocol' && (edge.to === 'diagram' || edge.to === 'diff'));
        expect(fromProtocol.length).toBeGreaterThan(0);
        expect(fromProtocol.filter(edge => !edge.typeOnly && !(edge.to === 'diagram' && edge.entry === './geometry'))).toEqual([]);
    });
});

describe('the import checks themselves', () => {
    const at = (path: string) => join(ROOT, path);

    it('find a test importing a package source, a package importing another one\'s file and an entry that is not exported', () => {
        const found = [
            ...checkImports(at('test/model/x.test.ts'), importSpecifiers('x.ts', "import { a } from '../../packages/model/src/time.js';"), packages),
            ...checkImports(at('packages/diagram/src/x.ts'), importSpecifiers('x.ts', "import type { B } from '../../language/src/index.js';"), packages),
            ...checkImports(at('packages/webview/test/x.test.ts'), importSpecifiers('x.ts', "const m = await import('../../diagram/src/layout.js');"), packages),
            ...checkImports(at('test/diagram/x.test.ts'), importSpecifiers('x.ts', "export * from '@blueprint/diagram/src/layout';"), packages),
            ...checkImports(at('packages/model/src/x.ts'), importSpecifiers('x.ts', "let t: typeof import('@blueprint/diagram');"), packages)
        ];
        expect(found.map(violation => violation.problem)).toEqual([
            'reaches into packages/model: import the package by name',
            'reaches from packages/diagram into packages/language: import the package by name',
            'reaches from packages/webview into packages/diagram: import the package by name',
            expect.stringMatching(/^@blueprint\/diagram exports no '\.\/src\/layout' \(its exports: \.[,)]/),
            '@blueprint/model does not declare @blueprint/diagram in package.json'
        ]);
    });

    it('let a package test its own parts and a test import the public entries', () => {
        expect([
            ...checkImports(at('packages/webview/test/x.test.ts'), importSpecifiers('x.ts', "import { buildGraph } from '../src/graph-builder.js';"), packages),
            ...checkImports(at('test/x.test.ts'), importSpecifiers('x.ts', "import { layoutBlueprint } from '@blueprint/diagram'; import '@blueprint/server/main';"), packages)
        ]).toEqual([]);
    });

    it('tell type-only imports from the others', () => {
        expect(importSpecifiers('x.ts', "import type { A } from 'a'; import { type B } from 'b'; import { C } from 'c'; export type { D } from 'd';"))
            .toEqual([{ specifier: 'a', typeOnly: true }, { specifier: 'b', typeOnly: true }, { specifier: 'c', typeOnly: false }, { specifier: 'd', typeOnly: true }]);
    });
});
