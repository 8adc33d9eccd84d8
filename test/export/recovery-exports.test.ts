/**
 * A fail point's corrective sub-process in every export (Shostack's shoeshine: remove the wrong
 * polish and polish again): Mermaid styles its flows (`linkStyle`) and explains them in the legend,
 * draw.io draws them in the recovery colour with a tooltip naming the fail point, the PNG and the
 * PDF in the teal of the SVG. A blueprint without such steps has none of it; labels stay escaped.
 */
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { mermaidId } from '@blueprint/escape';
import { layoutBlueprint, type BlueprintLayout } from '@blueprint/diagram';
import { exportDrawio, exportImage, exportMermaid } from '@blueprint/export';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { modelFromText } from '../diagram/diagram-helpers.js';
import { EXAMPLES_ROOT, decodePng, layoutOf } from './export-helpers.js';
import { parseFlowchart } from './mermaid-parser.js';

const SHOESHINE = EXAMPLES_ROOT + 'shostack-shoeshine.blueprint';
const RECOVERY_FLOWS = ['Polish->Strip', 'Strip->Repolish', 'Repolish->Buff'];
const TEAL = '#0f766e';

interface DrawioCell { readonly '@_id': string; readonly '@_style'?: string; readonly '@_tooltip'?: string; readonly '@_value'?: string; readonly '@_edge'?: string }

function drawioCells(xml: string): DrawioCell[] {
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: name => name === 'mxCell' }).parse(xml) as {
        mxfile: { diagram: { mxGraphModel: { root: { mxCell: DrawioCell[] } } } }
    };
    return parsed.mxfile.diagram.mxGraphModel.root.mxCell;
}

/** Pixels of (nearly) the recovery's teal. */
function tealPixels(png: ReturnType<typeof decodePng>): number {
    let count = 0;
    for (let i = 0; i < png.data.length; i += 4) {
        if (Math.abs(png.data[i] - 0x0f) < 24 && Math.abs(png.data[i + 1] - 0x76) < 24 && Math.abs(png.data[i + 2] - 0x6e) < 24) count++;
    }
    return count;
}

/** The colours a PDF page strokes and fills with (pdf.js's operator list). */
async function pdfColours(bytes: Uint8Array): Promise<Set<string>> {
    const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
    const page = await document.getPage(1);
    const operators = await page.getOperatorList();
    const colours = new Set<string>();
    operators.fnArray.forEach((fn, index) => {
        if (fn === OPS.setStrokeRGBColor) colours.add(`stroke ${operators.argsArray[index][0]}`);
        if (fn === OPS.setFillRGBColor) colours.add(`fill ${operators.argsArray[index][0]}`);
    });
    await document.destroy();
    return colours;
}

describe('a recovery in the exports', { timeout: 180_000 }, () => {
    it('Mermaid: the recovery\'s flows styled in its colour, the way in labelled F1, the legend explaining it; none elsewhere', async () => {
        const layout = await layoutOf(SHOESHINE);
        for (const dialect of ['flowchart', 'swimlane'] as const) {
            const parsed = await parseFlowchart(exportMermaid(layout, { dialect }));
            const edge = (id: string) => {
                const flow = layout.flows.find(item => item.id === id)!;
                return parsed.edges.find(item => item.start === mermaidId('s', flow.from) && item.end === mermaidId('s', flow.to))!;
            };
            for (const id of RECOVERY_FLOWS) expect(edge(id).styles.join(';'), `${dialect} ${id}`).toContain(`stroke:${TEAL}`);
            expect(edge('Polish->Buff').styles, dialect).toEqual([]);
            expect(edge('Polish->Strip').text).toBe('F1');
            // The fail step says the same number.
            expect(parsed.vertices.find(vertex => vertex.id === mermaidId('s', 'Polish'))!.text).toMatch(/^F1 Apply polish/);
            if (dialect === 'flowchart') {
                const legend = parsed.vertices.find(vertex => vertex.id === 'legend_recovery');
                expect(legend?.text).toBe('recovery: the corrective sub-process of a fail point');
                expect(legend?.classes).toContain('recovery');
            }
        }
        const plain = exportMermaid(await layoutOf(EXAMPLES_ROOT + 'bank-deposit.blueprint'));
        expect(plain).not.toContain('recovery');
        expect(plain).not.toContain(TEAL);
    });

    it('Mermaid: the legend in the blueprint\'s language', async () => {
        const layout = await layoutOf(SHOESHINE);
        const parsed = await parseFlowchart(exportMermaid(layout, { language: 'zh' }));
        expect(parsed.vertices.find(vertex => vertex.id === 'legend_recovery')?.text).toBe('补救：失败点的纠正子流程');
    });

    it('draw.io: the recovery\'s edges in its colour with a tooltip naming the fail point; the main flow as before', async () => {
        const layout = await layoutOf(SHOESHINE);
        const cells = drawioCells(exportDrawio(layout));
        const edge = (id: string) => cells.find(cell => cell['@_id'] === `flow-${id.replace('->', '-_3e_')}`)!;
        for (const id of RECOVERY_FLOWS) {
            expect(edge(id)['@_style'], id).toContain(`strokeColor=${TEAL};strokeWidth=2;`);
            expect(edge(id)['@_style']!.match(/strokeColor=/g), id).toHaveLength(1);
            expect(edge(id)['@_tooltip'], id).toBe('Recovery of F1: the corrective sub-process of the fail point');
        }
        expect(edge('Polish->Strip')['@_value']).toBe('F1');
        expect(edge('Polish->Buff')['@_style']).toContain('strokeColor=#424a53;');
        expect(edge('Polish->Buff')['@_tooltip']).toBeUndefined();
        const plain = drawioCells(exportDrawio(await layoutOf(EXAMPLES_ROOT + 'bank-deposit.blueprint')));
        expect(plain.filter(cell => cell['@_edge'] === '1' && cell['@_style']?.includes(TEAL))).toEqual([]);
    });

    it('draw.io and Mermaid: a label on the way into a recovery stays text', async () => {
        const model = await modelFromText(`blueprint Shine "Shine" {
    customer Sit "Sit" { start }
    frontstage Polish "Apply polish" { fail "Wrong colour" rate 10 % recovery "Strip it" by Strip }
    frontstage Strip "Remove the polish"
    frontstage Buff "Buff"
    customer Pay "Pay" { end }
    flow Sit -> Polish -> Buff -> Pay
    flow Polish -> Strip "<img src=x onerror=alert(1)> & |x|"
    flow Strip -> Buff
}
`);
        const layout: BlueprintLayout = await layoutBlueprint(model);
        const xml = exportDrawio(layout);
        expect(xml).not.toContain('<img');
        // Escaped as HTML for draw.io's html=1 labels, then as XML: the parsed value is the HTML-escaped text.
        const cell = drawioCells(xml).find(item => item['@_id'] === 'flow-Polish-_3e_Strip')!;
        expect(cell['@_value']).toBe('F1 · &lt;img src=x onerror=alert(1)&gt; &amp; |x|');
        const parsed = await parseFlowchart(exportMermaid(layout));
        const edge = parsed.edges.find(item => item.start === mermaidId('s', 'Polish') && item.end === mermaidId('s', 'Strip'))!;
        expect(edge.text).toBe('F1 · <img src=x onerror=alert(1)> & |x|');
        expect(edge.styles.join(';')).toContain(`stroke:${TEAL}`);
    });

    it('PNG and PDF: the recovery is drawn in its teal; a blueprint without one has none', async () => {
        const shoeshine = await layoutOf(SHOESHINE);
        const plain = await layoutOf(EXAMPLES_ROOT + 'bank-deposit.blueprint');
        const teal = async (layout: BlueprintLayout) => tealPixels(decodePng((await exportImage(layout, { format: 'png', scale: 1 })).files[0]));
        // Three flows 2 px wide, their arrowheads, the F1 label and the legend's sample.
        expect(await teal(shoeshine)).toBeGreaterThan(300);
        expect(await teal(plain)).toBe(0);
        const colours = await pdfColours((await exportImage(shoeshine, { format: 'pdf' })).files[0]);
        expect(colours).toContain(`stroke ${TEAL}`);
        // The arrowheads and the F1 label.
        expect(colours).toContain(`fill ${TEAL}`);
        const plainColours = await pdfColours((await exportImage(plain, { format: 'pdf' })).files[0]);
        expect([...plainColours].filter(colour => colour.endsWith(TEAL))).toEqual([]);
    });
});
