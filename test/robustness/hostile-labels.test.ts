/**
 * Labels are user text: none may forge the output it is written into. Each output is parsed the way
 * its consumer reads it (an XML parser for SVG, an HTML parser for the report page, a GFM parser for
 * Markdown, the terminal and the Actions runner line by line) and compared with the same blueprint
 * whose labels are harmless: the structure must be the same, only the text differs.
 */
import { DOMParser } from '@xmldom/xmldom';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { parse as parseHtml } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, Workspace } from '../cli/cli-harness.js';

/** Each payload carries a marker word so that it can be found wherever it ends up. */
const PAYLOADS: readonly string[] = [
    'M0 a\r| forged | row |',
    'M1 x\r\r# Injected heading\r\r---',
    '# M2 starts like a heading',
    'M3 hi @user and @org/team see #12 and GH-7',
    'M4 \u001b[31mred\u001b[0m \u001b]8;;http://evil\u0007link\u001b]8;;\u0007',
    'M5 line\nt.blueprint:1:1 error BP999 forged diagnostic',
    'M6 \u202egnp.exe \u2066isolated\u2069',
    'M7 bell\u0007 back\b vt\u000b ff\u000c del\u007f c1\u009b',
    'M8 <script>alert(1)</script> <img src=x onerror=alert(1)> & "quotes" \'single\' ]]><!--',
    'M9 100%0A::error::forged %25',
    'M10 `code` *em* _u_ ~~s~~ [link](http://x) ![img](y) $x^2$ <b>bold</b> \\',
    '    M11 indented like code',
    '1. M12 looks like a list',
    '> M13 looks like a quote',
    '=M14 cmd|\' /C calc\'!A0',
    '- M15 bullet',
    'M16 line\u2028separator\u2029paragraph'
];

/** A Blueprint string literal holding `text` exactly. */
function literal(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r/g, '\\r').replace(/\n/g, '\\n')}"`;
}

/** The same blueprint for any labels: every label position holds one of them. */
function blueprint(labels: readonly string[], version = ''): string {
    const l = (index: number) => literal(labels[index % labels.length] + version);
    const steps = labels.map((_, i) => `    customer S${i} ${l(i)} in G${i % 3} by A${i % 2} via C${i % 2} {
        evidence ${l(i + 1)}
        fail ${l(i + 2)}${i % 2 === 0 ? ` prevention ${l(i + 3)} recovery ${l(i + 4)}` : ''}
        emotion negative ${l(i + 5)}
        duration ${i + 1} min tolerance ${i + 5} min
        ${i === 0 ? 'start' : ''}${i === labels.length - 1 ? 'end' : ''}
    }`).join('\n');
    const flows = labels.slice(1).map((_, i) => `    flow S${i} -> S${i + 1} ${l(i + 6)}`).join('\n');
    return `blueprint Hostile ${l(1)} {
    description ${l(0)}
    tolerance 2 h
    stage G0 ${l(2)}
    stage G1 ${l(3)}
    stage G2 ${l(4)}
    actor A0 ${l(5)}
    actor A1 ${l(6)}
    channel C0 ${l(7)} remote
    channel C1 ${l(8)} face-to-face
    segment V ${l(9)}
${steps}
${flows}
    metric K ${l(10)} on S0 target <= 5 min
}
`;
}

/** Harmless labels of the same count, each with its payload's marker. */
const BENIGN = PAYLOADS.map((_, i) => `M${i} plain label`);

const workspace = new Workspace({
    'hostile.blueprint': blueprint(PAYLOADS),
    'hostile-v2.blueprint': blueprint(PAYLOADS, ' v2'),
    'benign.blueprint': blueprint(BENIGN),
    'benign-v2.blueprint': blueprint(BENIGN, ' v2')
});

async function outputOf(args: string[]): Promise<string> {
    const result = await runCli(args, { cwd: workspace.root });
    expect(result.stderr, args.join(' ')).not.toMatch(/internal error|at .*\.js:\d+/);
    return result.stdout;
}

beforeAll(() => ensureBuilt());
afterAll(() => workspace.dispose());

// ---- SVG and XML ----------------------------------------------------------------------------------

function parseXml(text: string): Document {
    const errors: string[] = [];
    const document = new DOMParser({ onError: (level, message) => { if (level !== 'warning') errors.push(message); } })
        .parseFromString(text, 'image/svg+xml') as unknown as Document;
    expect(errors, 'XML parse errors').toEqual([]);
    return document;
}

function elementNames(node: Node, names: string[] = []): string[] {
    for (let child = node.firstChild; child; child = child.nextSibling) {
        // Line wrapping depends on the label's width, so the number of tspans may differ; so does
        // whether a flow's label fits beside it or moves away, joined by a leader line.
        if (child.nodeType === 1 && child.nodeName !== 'tspan' && (child as Element).getAttribute('class') !== 'bp-flow-leader') names.push(child.nodeName);
        elementNames(child, names);
    }
    return names;
}

/** What an XML consumer gets back for a label: everything but the characters XML cannot hold. */
function xmlVisible(text: string): string {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u202a-\u202e\u2066-\u2069]/g, '');
}

describe('hostile labels in SVG', () => {
    it('render: the SVG parses, has the benign structure, and every step title holds its label', async () => {
        const hostile = parseXml(await outputOf(['render', 'hostile.blueprint']));
        const benign = parseXml(await outputOf(['render', 'benign.blueprint']));
        expect(elementNames(hostile)).toEqual(elementNames(benign));
        const titles = Array.from(hostile.getElementsByTagName('title')).map(t => t.textContent);
        for (const payload of PAYLOADS) expect(titles).toContain(xmlVisible(payload));
        expect(hostile.getElementsByTagName('script')).toHaveLength(0);
    });
});

// ---- HTML -------------------------------------------------------------------------------------------

interface HtmlNode { nodeName: string; childNodes?: HtmlNode[]; attrs?: Array<{ name: string; value?: string }>; value?: string }

function htmlElements(node: HtmlNode, names: string[] = []): string[] {
    for (const child of node.childNodes ?? []) {
        if (!child.nodeName.startsWith('#') && child.nodeName !== 'tspan' && !(child.attrs ?? []).some(a => a.name === 'class' && a.value === 'bp-flow-leader')) {
            names.push(child.nodeName + (child.attrs ?? []).filter(a => a.name.startsWith('on')).map(a => `[${a.name}]`).join(''));
        }
        htmlElements(child, names);
    }
    return names;
}

function htmlText(node: HtmlNode): string {
    return node.nodeName === '#text' ? node.value ?? '' : (node.childNodes ?? []).map(htmlText).join('');
}

describe('hostile labels in the HTML report', () => {
    it('has the benign element structure, no script or event handler, and the labels as text', async () => {
        const hostile = parseHtml(await outputOf(['report', 'hostile.blueprint', '--format', 'html'])) as unknown as HtmlNode;
        const benign = parseHtml(await outputOf(['report', 'benign.blueprint', '--format', 'html'])) as unknown as HtmlNode;
        const names = htmlElements(hostile);
        expect(names).toEqual(htmlElements(benign));
        expect(names.filter(name => name === 'script' || name.includes('[on'))).toEqual([]);
        const text = htmlText(hostile).replace(/\s+/g, ' ');
        expect(text).toContain('M8 <script>alert(1)</script>');
        expect(text).toContain('M1 x # Injected heading ---');
    });
});

// ---- Markdown for GitHub --------------------------------------------------------------------------

interface MdNode { type: string; value?: string; depth?: number; children?: MdNode[] }

function parseMarkdown(text: string): MdNode {
    return fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as unknown as MdNode;
}

/** The tree without text: node types, heading depths and the shape of tables and lists. */
function shape(node: MdNode): string {
    if (node.type === 'text' || node.type === 'inlineCode') return node.type;
    const children = (node.children ?? []).map(shape).filter((s, i, all) => !(s === 'text' && all[i - 1] === 'text'));
    return `${node.type}${node.depth ? node.depth : ''}(${children.join(',')})`;
}

function markdownText(node: MdNode): string {
    return node.value ?? (node.children ?? []).map(markdownText).join(' ');
}

/** GitHub links `@name` and `#123` in comments: neither may survive in the text. */
const LIVE_REFERENCE = /(?:^|[^\p{L}\p{N}_`])(?:@[\p{L}\p{N}_-]|#\p{N}|GH-\p{N})/u;

function expectSafeMarkdown(hostileMarkdown: string, benignMarkdown: string): void {
    const hostile = parseMarkdown(hostileMarkdown);
    expect(shape(hostile)).toEqual(shape(parseMarkdown(benignMarkdown)));
    const text = markdownText(hostile);
    expect(text).not.toMatch(LIVE_REFERENCE);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain('M8 <script>alert(1)</script>');
    expect(text).toContain('`code` *em* _u_ ~~s~~ [link](http://x)');
}

describe('hostile labels in Markdown', () => {
    it('report --format markdown keeps the benign document structure', async () => {
        expectSafeMarkdown(await outputOf(['report', 'hostile.blueprint', '--format', 'markdown']),
            await outputOf(['report', 'benign.blueprint', '--format', 'markdown']));
    });

    it('the pull-request comment of diff keeps the benign structure', async () => {
        expectSafeMarkdown(await outputOf(['diff', 'hostile.blueprint', 'hostile-v2.blueprint', '--format', 'markdown']),
            await outputOf(['diff', 'benign.blueprint', 'benign-v2.blueprint', '--format', 'markdown']));
    });
});

// ---- Terminal text and workflow commands -----------------------------------------------------------

describe('hostile labels in check output', () => {
    it('text: no control character reaches the terminal and every line is a diagnostic or the summary', async () => {
        const output = await outputOf(['check', 'hostile.blueprint']);
        // eslint-disable-next-line no-control-regex
        expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
        const lines = output.trimEnd().split('\n').filter(line => line !== '');
        expect(lines.length).toBeGreaterThan(5);
        for (const line of lines) expect(line).toMatch(/^hostile\.blueprint:\d+:\d+ (error|warning|info|hint) BP\d{3} |^Checked 1 file/);
        expect(output).toContain('M5 line\\nt.blueprint:1:1 error BP999');
    });

    it('github: every line is one workflow command or the summary, with nothing the log would interpret', async () => {
        const output = await outputOf(['check', 'hostile.blueprint', '--format', 'github']);
        // eslint-disable-next-line no-control-regex
        expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
        const lines = output.trimEnd().split('\n');
        for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=hostile\.blueprint,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=BP\d{3}::[^\n]*$|^Checked 1 file/);
        // `::` inside a message is harmless after the first; a `%` can no longer decode into a line break.
        expect(output).toContain('M9 100%250A::error::forged %2525');
    });
});
