/**
 * Import from a spreadsheet: a CSV (and the workbook) made from each example's export reproduces its
 * steps, lanes and stages; headers are matched leniently; what cannot be placed is reported with
 * its row number.
 */
import { describe, expect, it } from 'vitest';
import { createBlueprintServices } from '@blueprint/language';
import { type BlueprintModel } from '@blueprint/model';
import { exportCsv, exportMermaid, exportXlsx, importSpreadsheet, type ImportMap } from '@blueprint/export';
import { layoutBlueprint, stripRanges } from '@blueprint/diagram';
import { EmptyFileSystem } from 'langium';
import { listExamples, loadExampleModel } from '../diagram/diagram-helpers.js';
import { validateText } from '../helpers/validate-text.js';

const EXAMPLES = listExamples().filter(file => !file.endsWith('shared.blueprint'));
const encode = (text: string) => new TextEncoder().encode(text);

async function exampleModel(file: string): Promise<BlueprintModel> {
    const { model, errors } = await loadExampleModel(file);
    if (!model || errors.length > 0) throw new Error(`${file}: ${errors.join('; ')}`);
    return model;
}

async function parsed(text: string): Promise<{ model: BlueprintModel; errors: string[] }> {
    const services = createBlueprintServices(EmptyFileSystem).Blueprint;
    const document = await validateText(services, text);
    const errors = (document.diagnostics ?? []).filter(d => d.severity === 1).map(d => `${d.range.start.line + 1}: ${d.message}`);
    return { model: services.model.BlueprintModelProvider.getDocumentModel(document)!, errors };
}

/** Custom lanes are not guessed: the map says which lane values are lanes of their own, and where they go. */
function customLaneMap(model: BlueprintModel): ImportMap {
    const above = (index: number) => {
        const lane = model.lanes[index - 1];
        return lane.kind === 'custom' ? lane.label : lane.kind;
    };
    return { lanes: Object.fromEntries(model.lanes.flatMap((lane, index) => lane.kind === 'custom' ? [[lane.label, `custom below ${above(index)}`]] : [])) };
}

/** What a spreadsheet can carry: each step with its lane (kind and label) and stage label, and the flows. */
function shape(model: BlueprintModel) {
    const lane = (id: string) => model.lanes.find(l => l.id === id)!;
    const stage = (id: string | undefined) => model.stages.find(s => s.id === id)?.label;
    return {
        steps: model.steps.map(step => ({
            id: step.id, label: step.label, lane: lane(step.lane).kind, laneLabel: lane(step.lane).label, stage: stage(step.stage),
            actor: model.actors.find(a => a.id === step.actor)?.label, evidence: step.evidence,
            duration: step.duration?.seconds, wait: step.wait?.expected?.seconds, fails: step.failPoints.map(f => ({
                cause: f.cause, rate: f.rate,
                remedies: [...f.preventionDetails, ...f.recoveryDetails].map(r => ({ text: r.text, pokaYoke: r.pokaYoke, steps: r.steps }))
            })),
            moment: step.moment !== undefined, emotion: step.emotion?.feeling,
            segments: step.segments.map(id => model.segments.find(s => s.id === id)?.label)
        })),
        lanes: model.lanes.filter(l => model.steps.some(s => s.lane === l.id)).map(l => ({ kind: l.kind, label: l.label })),
        stages: model.stages.filter(st => model.steps.some(s => s.stage === st.id)).map(st => st.label),
        flows: model.flows.map(f => `${f.from} ${f.kind} ${f.to}`).sort()
    };
}

describe('round trip: an example\'s exported steps imported again', () => {
    it.each(EXAMPLES.map(file => [file.replace(/.*examples\//, ''), file]))('%s (CSV)', async (_name, file) => {
        const original = await exampleModel(file);
        const result = await importSpreadsheet(encode(exportCsv(original)), { fileName: 'steps.csv', map: customLaneMap(original) });
        expect(result.problems.filter(p => p.severity === 'error')).toEqual([]);
        const { model, errors } = await parsed(result.text!);
        expect(errors).toEqual([]);
        expect(model.language).toBe(original.language);
        const expected = shape(original), actual = shape(model);
        expect(actual.steps).toEqual(expected.steps);
        expect(actual.lanes).toEqual(expected.lanes);
        expect(new Set(actual.stages)).toEqual(new Set(expected.stages));
        expect(actual.flows).toEqual(expected.flows);
    });

    it('reads the workbook itself (xlsx) the same way', async () => {
        const original = await exampleModel(EXAMPLES.find(file => file.endsWith('credit-card-hotline.blueprint'))!);
        const result = await importSpreadsheet(await exportXlsx(original), { fileName: 'hotline.xlsx' });
        expect(result.problems.filter(p => p.severity === 'error')).toEqual([]);
        const { model, errors } = await parsed(result.text!);
        expect(errors).toEqual([]);
        expect(shape(model).steps).toEqual(shape(original).steps);
        expect(shape(model).flows).toEqual(shape(original).flows);
    });
});

describe('lenient columns', () => {
    it('reads a sticky-note board export: Content, Frame, Swimlane; flows in reading order, customer line first', async () => {
        const csv = 'Content,Frame,Swim Lane,Owner\n'
            + 'Print the ticket,Arrive,Frontstage,Kiosk system\n'
            + 'Take a number,Arrive,Customer,\n'
            + 'Call the number,Wait,Onstage,Teller\n'
            + 'Wait for the call,Wait,customer actions,\n'
            + 'Queue ticket,Arrive,Physical evidence,\n'
            + 'Log the call,Wait,Back stage,Teller\n';
        const result = await importSpreadsheet(encode(csv), { fileName: 'board.csv' });
        expect(result.problems.filter(p => p.severity === 'error')).toEqual([]);
        const { model, errors } = await parsed(result.text!);
        expect(errors).toEqual([]);
        expect(model.steps.map(s => [s.label, s.lane, model.stages.find(st => st.id === s.stage)?.label])).toEqual([
            ['Print the ticket', 'frontstage', 'Arrive'], ['Take a number', 'customer', 'Arrive'], ['Call the number', 'frontstage', 'Wait'],
            ['Wait for the call', 'customer', 'Wait'], ['Log the call', 'backstage', 'Wait']
        ]);
        const label = (id: string) => model.steps.find(s => s.id === id)!.label;
        expect(model.flows.map(f => `${label(f.from)} -> ${label(f.to)}`)).toEqual([
            'Take a number -> Print the ticket', 'Print the ticket -> Wait for the call',
            'Wait for the call -> Call the number', 'Call the number -> Log the call'
        ]);
        expect(model.evidence.map(e => e.label)).toEqual(['Queue ticket']);
        expect(model.actors.find(a => a.label === 'Kiosk system')?.kind).toBe('system');
    });

    it('takes unusual headers and lane values from a map', async () => {
        const csv = 'Wer,Schritt,Phase,Dauer (s)\nKunde,Nummer ziehen,Ankunft,30\nMitarbeiter,Aufrufen,Ankunft,45\n';
        const result = await importSpreadsheet(encode(csv), {
            fileName: 'kunde.csv',
            map: { columns: { Wer: 'lane', Schritt: 'label', Dauer: 'duration' }, lanes: { Kunde: 'customer', Mitarbeiter: 'frontstage' } }
        });
        expect(result.problems.filter(p => p.severity === 'error')).toEqual([]);
        const { model } = await parsed(result.text!);
        expect(model.steps.map(s => [s.label, s.lane, s.duration?.seconds])).toEqual([['Nummer ziehen', 'customer', 30], ['Aufrufen', 'frontstage', 45]]);
    });

    it('detects semicolons and a byte order mark, and reads CJK headers and values', async () => {
        const csv = '\ufeff阶段;泳道;步骤;渠道\n到达;顾客行为;在取号机取号;自助终端\n到达;前台员工行为;打印号票;自助终端\n';
        const result = await importSpreadsheet(encode(csv), { fileName: '存款.csv' });
        expect(result.problems.filter(p => p.severity === 'error')).toEqual([]);
        const { model, errors } = await parsed(result.text!);
        expect(errors).toEqual([]);
        expect(model.language).toBe('zh');
        expect(model.steps.map(s => [s.label, s.lane, s.channel])).toEqual([['在取号机取号', 'customer', 'kiosk'], ['打印号票', 'frontstage', 'kiosk']]);
    });
});

describe('rows that cannot be placed', () => {
    const errorsOf = async (csv: string) => (await importSpreadsheet(encode(csv), { fileName: 'x.csv' })).problems.filter(p => p.severity === 'error');

    it('reports an unknown lane with its row and a suggestion', async () => {
        expect(await errorsOf('Stage,Lane,Label\nA,Customer,Arrive\nA,Custmer,Pay\n')).toEqual([
            expect.objectContaining({ row: 3, message: expect.stringMatching(/unknown lane "Custmer" \(did you mean "customer"\?\)/) })
        ]);
    });

    it('reports ragged rows, empty labels and duplicate ids by row number', async () => {
        // Row 6 only ends in empty cells (a trailing delimiter): nothing is lost, so it is placed.
        const errors = await errorsOf('Id,Stage,Lane,Label\nA,S,customer,One\nB,S,customer,Two,extra\nA,S,frontstage,Three\nC,S,support,\nD,S,support,Four,,\nE,S,support\n');
        expect(errors.map(e => e.row)).toEqual([3, 4, 5, 7]);
        expect(errors[0].message).toMatch(/has 5 cells, the header has 4/);
        expect(errors[1].message).toMatch(/id "A" is already used by row 2/);
        expect(errors[2].message).toMatch(/has no label/);
        expect(errors[3].message).toMatch(/has 3 cells, the header has 4/);
    });

    it('reports an empty file and a file without a label or lane column', async () => {
        expect((await errorsOf('')).map(e => e.message)).toEqual([expect.stringMatching(/the file is empty/)]);
        expect((await errorsOf('\ufeff\r\n')).map(e => e.message)).toEqual([expect.stringMatching(/the file is empty/)]);
        expect((await errorsOf('Colour,Size\nred,3\n'))[0]).toMatchObject({ row: 1, message: expect.stringMatching(/no label and no lane column/) });
    });

    it('reports a time it cannot read and a next step that does not exist', async () => {
        const errors = await errorsOf('Stage,Lane,Label,Duration,Next\nA,customer,One,soon,Two\nA,frontstage,Two,2 min,Tree\n');
        expect(errors).toEqual([
            expect.objectContaining({ row: 2, message: expect.stringMatching(/"soon" is not a time/) }),
            expect.objectContaining({ row: 3, message: expect.stringMatching(/next step "Tree"/) })
        ]);
    });

    it('reports a quote that is never closed, with the line csv-parse found', async () => {
        expect(await errorsOf('Stage,Lane,Label\nA,customer,"unclosed\nB,frontstage,x\n')).toEqual([
            expect.objectContaining({ message: expect.stringMatching(/the CSV cannot be read: Quote Not Closed.*line 3/) })
        ]);
    });

    it('refuses a file that is not UTF-8', async () => {
        const latin1 = Uint8Array.from([...'Stage,Lane,Label\nA,customer,Caf'].map(c => c.charCodeAt(0)).concat([0xe9, 0x0a]));
        const result = await importSpreadsheet(latin1, { fileName: 'x.csv' });
        expect(result.problems).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/not UTF-8/) })]);
    });
});

/** Newcomer trial 4, finding 9: a Mermaid file was read as a CSV and blamed for its quotes. */
describe('files of another format', () => {
    const READS = 'it reads CSV (.csv, .tsv or .txt: UTF-8 text, comma, semicolon or tab between cells) and Excel workbooks (.xlsx)';
    const refusal = async (bytes: Uint8Array, fileName: string) => {
        const result = await importSpreadsheet(bytes, { fileName });
        expect(result.text).toBeUndefined();
        expect(result.problems).toHaveLength(1);
        expect(result.problems[0].severity).toBe('error');
        return result.problems[0].message;
    };

    it('a Mermaid diagram (our own export) is named, by its extension and by its content, with the formats import reads', async () => {
        const model = await exampleModel(EXAMPLES.find(file => file.endsWith('shostack-shoeshine.blueprint'))!);
        const mermaid = encode(exportMermaid(stripRanges(await layoutBlueprint(model))));
        for (const fileName of ['shoeshine.mmd', 'shoeshine.csv', 'shoeshine']) {
            const message = await refusal(mermaid, fileName);
            expect(message).toBe(`this is a Mermaid diagram, which import does not read: ${READS}; Mermaid is an output of \`blueprint export\` only: to bring a blueprint into a spreadsheet and back, use \`blueprint export --format xlsx\` (or csv) and import that file`);
            expect(message).not.toMatch(/CSV cannot be read|Quote/);
        }
        expect(await refusal(encode('%% a comment\ngraph LR\n  A --> B\n'), 'board.txt')).toMatch(/^this is a Mermaid diagram/);
    });

    it('a blueprint, an old or OpenDocument spreadsheet, a PDF and JSON are named too', async () => {
        expect(await refusal(encode('// shop\nblueprint Shop "Shop" {\n}\n'), 'shop.csv')).toMatch(/^this is a blueprint, which import does not read: .*a \.blueprint file needs no import/);
        expect(await refusal(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'board')).toMatch(/^this is an Excel 97–2003 workbook \(\.xls\).*save it from the spreadsheet as \.xlsx or as "CSV UTF-8"$/);
        const ods = encode('PK\u0003\u0004\u0014\u0000\u0000\u0000\u0000\u0000mimetypeapplication/vnd.oasis.opendocument.spreadsheet');
        expect(await refusal(ods, 'board.zip')).toMatch(/^this is an OpenDocument spreadsheet \(\.ods\)/);
        expect(await refusal(encode('%PDF-1.7\n'), 'board.csv')).toMatch(/^this is a picture or document/);
        expect(await refusal(encode('[{"stage": "A"}]'), 'board.txt')).toMatch(/^this is JSON/);
        expect(await refusal(encode('Stage,Lane,Label\n'), 'board.numbers')).toMatch(/^this is an Apple Numbers spreadsheet/);
    });

    it('a CSV whose first words look like another format\'s is still a CSV', async () => {
        for (const csv of ['Graph,Lane,Label\nA,customer,Ask\n', 'graph stage,lane,label\nA,customer,Ask\n', '{Stage},Lane,Label\nA,customer,Ask\n']) {
            const result = await importSpreadsheet(encode(csv), { fileName: 'board.csv' });
            expect(result.problems.filter(problem => problem.severity === 'error').map(problem => problem.message).join()).not.toMatch(/import does not read/);
        }
        const plain = await importSpreadsheet(encode('Stage,Lane,Label\nA,customer,Ask\n'), { fileName: 'board.tsv' });
        expect(plain.text).toContain('customer');
    });
});

describe('hostile cells', () => {
    it('keeps formula-like and markup labels as text, escaped in the blueprint', async () => {
        const csv = 'Stage,Lane,Label\nS,customer,"\'=HYPERLINK(""http://x"",""y"")"\nS,frontstage,"<script>alert(1)</script> \\ ""quoted"""\n';
        const result = await importSpreadsheet(encode(csv), { fileName: 'x.csv' });
        const { model, errors } = await parsed(result.text!);
        expect(errors).toEqual([]);
        expect(model.steps.map(s => s.label)).toEqual(['=HYPERLINK("http://x","y")', '<script>alert(1)</script> \\ "quoted"']);
    });
});
