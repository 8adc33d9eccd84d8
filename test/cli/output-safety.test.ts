/**
 * No command writes over a blueprint source: an output path (`-o`, the files of `--out-dir` and
 * `--sheet all`, the pages of a PNG) that is one of the command's inputs, or any `.blueprint` file,
 * is refused with exit 2 before anything is written, also through `./x` and symbolic links.
 * `import` writes blueprint text, so a `.blueprint` output is fine there, but never its spreadsheet.
 */
import { linkSync, readdirSync, symlinkSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CLEAN, Workspace, ensureBuilt } from './cli-harness.js';

let workspace: Workspace;

beforeAll(() => ensureBuilt());
afterEach(() => workspace?.dispose());

const OTHER = 'stage Desk "Desk"\nactor Clerk "Clerk"\n';

function setUp(): void {
    workspace = new Workspace({ 'hotel.blueprint': CLEAN, 'shared.blueprint': OTHER });
}

/** The folder's files with their contents: nothing may change when a write is refused. */
function snapshot(): Record<string, string> {
    return Object.fromEntries(readdirSync(workspace.root, { recursive: true, withFileTypes: true })
        .filter(entry => entry.isFile())
        .map(entry => {
            const relative = `${entry.parentPath ?? entry.path}/${entry.name}`.slice(workspace.root.length + 1);
            return [relative, workspace.read(relative)];
        }));
}

async function expectRefused(args: string[], message: RegExp): Promise<void> {
    const before = snapshot();
    const result = await workspace.run(args);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(snapshot()).toEqual(before);
}

describe('an output path over the input file', () => {
    test.each([
        ['render', ['render', 'hotel.blueprint', '-o', 'hotel.blueprint'], 'the SVG'],
        ['render through ./', ['render', 'hotel.blueprint', '-o', './hotel.blueprint'], 'the SVG'],
        ['render --format png', ['render', 'hotel.blueprint', '--format', 'png', '-o', 'hotel.blueprint'], 'the PNG'],
        ['render --format json', ['render', 'hotel.blueprint', '--format', 'json', '-o', 'hotel.blueprint'], 'the layout \\(JSON\\)'],
        ['report', ['report', 'hotel.blueprint', '-o', 'hotel.blueprint'], 'the Markdown report'],
        ['export mermaid', ['export', 'hotel.blueprint', '--format', 'mermaid', '-o', 'hotel.blueprint'], 'the Mermaid diagram'],
        ['export xlsx', ['export', 'hotel.blueprint', '--format', 'xlsx', '-o', 'hotel.blueprint'], 'the workbook'],
        ['diff', ['diff', 'hotel.blueprint', 'hotel.blueprint', '-o', 'hotel.blueprint'], 'the diff']
    ])('%s is refused, exit 2, nothing written', async (_name, args, what) => {
        setUp();
        await expectRefused(args, new RegExp(`^blueprint: hotel\\.blueprint is an input of this command; refusing to overwrite it with ${what} \\(write to another file\\)\\n$`));
    });

    test('a symbolic link to the input is refused and says where it leads', async () => {
        setUp();
        symlinkSync(workspace.path('hotel.blueprint'), workspace.path('picture.svg'));
        await expectRefused(['render', 'hotel.blueprint', '-o', 'picture.svg'],
            /^blueprint: picture\.svg \(a link to hotel\.blueprint\) is an input of this command; refusing/);
    });

    test('a path through a linked folder and a hard link are the same file', async () => {
        setUp();
        symlinkSync(workspace.root, workspace.path('here'));
        await expectRefused(['render', 'hotel.blueprint', '-o', 'here/hotel.blueprint'], /is an input of this command/);
        linkSync(workspace.path('hotel.blueprint'), workspace.path('hard.svg'));
        await expectRefused(['render', 'hotel.blueprint', '-o', 'hard.svg'], /^blueprint: hard\.svg is an input of this command/);
    });
});

describe('an output path over another blueprint', () => {
    test('an existing .blueprint file is refused', async () => {
        setUp();
        await expectRefused(['render', 'hotel.blueprint', '-o', 'shared.blueprint'],
            /^blueprint: shared\.blueprint is a blueprint source; refusing to overwrite it with the SVG \(write to another file\)\n$/);
        await expectRefused(['report', 'hotel.blueprint', '--format', 'html', '-o', 'shared.blueprint'], /is a blueprint source; refusing to overwrite it with the HTML report/);
    });

    test('a new .blueprint name is refused too: only blueprint text may have one', async () => {
        setUp();
        await expectRefused(['export', 'hotel.blueprint', '--format', 'mermaid', '-o', 'out/new.blueprint'],
            /^blueprint: out\/new\.blueprint: refusing to write the Mermaid diagram under a \.blueprint name/);
    });

    test('diff --out-dir checks every file it would write before writing the first', async () => {
        setUp();
        // diff.json is a link to a blueprint: diff.md, written first otherwise, must not appear either.
        workspace.write('review/.keep', '');
        symlinkSync(workspace.path('shared.blueprint'), workspace.path('review/diff.json'));
        await expectRefused(['diff', 'hotel.blueprint', 'hotel.blueprint', '--out-dir', 'review'],
            /^blueprint: review\/diff\.json \(a link to shared\.blueprint\) is a blueprint source/);
    });

    test('export --sheet all checks every table file', async () => {
        setUp();
        workspace.write('tables/.keep', '');
        symlinkSync(workspace.path('hotel.blueprint'), workspace.path('tables/touchpoints.csv'));
        await expectRefused(['export', 'hotel.blueprint', '--format', 'csv', '--sheet', 'all', '-o', 'tables'],
            /^blueprint: tables\/touchpoints\.csv \(a link to hotel\.blueprint\) is an input of this command/);
    });

    test('ordinary outputs are still written', async () => {
        setUp();
        const render = await workspace.run(['render', 'hotel.blueprint', '-o', 'hotel.svg']);
        expect(render.code).toBe(0);
        expect(workspace.read('hotel.svg')).toMatch(/^<svg /);
        const report = await workspace.run(['report', 'hotel.blueprint', '-o', 'out/hotel.md']);
        expect(report.code).toBe(0);
        expect(workspace.read('out/hotel.md')).toContain('Help at the counter');
        expect(workspace.read('hotel.blueprint')).toBe(CLEAN);
    });
});

describe('import writes blueprint text', () => {
    const CSV = 'stage,lane,label\nVisit,customer,Walk in\nVisit,frontstage,Greet\n';

    test('to a .blueprint name (new or existing), but never over the spreadsheet it reads', async () => {
        workspace = new Workspace({ 'board.csv': CSV, 'old.blueprint': CLEAN });
        const written = await workspace.run(['import', 'board.csv', '-o', 'old.blueprint']);
        expect(written.stderr).not.toMatch(/refusing/);
        expect(workspace.read('old.blueprint')).toContain('blueprint Board "board" {');
        expect(workspace.read('old.blueprint')).not.toBe(CLEAN);
        await expectRefused(['import', 'board.csv', '-o', 'board.csv'],
            /^blueprint: board\.csv is an input of this command; refusing to overwrite it with the imported blueprint/);
        expect(workspace.read('board.csv')).toBe(CSV);
    });
});

describe('fmt and check --fix still rewrite their own files', () => {
    test('fmt formats the file in place', async () => {
        workspace = new Workspace({ 'messy.blueprint': 'blueprint A "A" {\ncustomer Ask "Ask" {\nstart\nend\n}\n}\n' });
        const result = await workspace.run(['fmt', 'messy.blueprint']);
        expect(result.code).toBe(0);
        expect(workspace.read('messy.blueprint')).toContain('    customer Ask "Ask" {\n        start');
    });
});
