/**
 * The workbook export: every example re-read with exceljs has the seven sheets with headers in the
 * blueprint's language, row counts equal to the model and the review's figures, a frozen header
 * row and an autofilter; CSV is the same table with a BOM; formula-like labels stay text.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { analyseBlueprint, localisation, type BlueprintAnalysis, type BlueprintModel } from '@blueprint/model';
import { exportCsv, exportXlsx, workbookTables, writeCsv } from '@blueprint/export';
import { listExamples, loadExampleModel, modelFromText } from '../diagram/diagram-helpers.js';

async function exampleModel(file: string): Promise<BlueprintModel> {
    const { model, errors } = await loadExampleModel(file);
    if (!model || errors.length > 0) throw new Error(`${file}: ${errors.join('; ')}`);
    return model;
}

async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return workbook;
}

function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
    return (sheet.getRow(row).values as unknown[]).slice(1);
}

/** The review's own figures, as `blueprint report --format json` gives them. */
function expectedRows(model: BlueprintModel, analysis: BlueprintAnalysis): number[] {
    // The expected time, the most likely path and the worst case, then each exception path.
    const figures = [analysis.time, ...analysis.segments]
        .reduce((sum, t) => sum + [t.expected, t.mostLikelyPath, t.criticalPath].filter(Boolean).length + t.exceptionPaths.length, 0);
    // The names sheet: the blueprint (its description and policies), each standard lane in its own words, each lane of its own a
    // step uses, each line declared or renamed, then every stage, actor, system, declared channel, segment and persona, used or not.
    const { lanes, lines } = localisation(model.language);
    const names = 1 + (model.description ? 1 : 0) + model.policies.length
        + model.lanes.filter(lane => lane.kind === 'custom' ? model.steps.some(step => step.lane === lane.id) : lane.label !== lanes[lane.kind]).length
        + model.lines.filter(line => ['implementation', 'order-penetration'].includes(line.kind) || line.label !== lines[line.kind]).length
        + model.stages.length + model.actors.length + model.channels.filter(channel => !Object.hasOwn(localisation('en').channels, channel.id)).length
        + model.segments.length + model.personas.length;
    return [model.steps.length, analysis.counts.touchpoints, analysis.failPoints.total, analysis.counts.metrics, figures, analysis.handOffs.length, names];
}

const EXAMPLES = listExamples().filter(file => !file.endsWith('shared.blueprint'));

describe('xlsx export of every example', () => {
    it.each(EXAMPLES.map(file => [file.replace(/.*examples\//, ''), file]))('%s', async (_name, file) => {
        const model = await exampleModel(file);
        const analysis = analyseBlueprint(model);
        const workbook = await readWorkbook(await exportXlsx(model, analysis));
        const { serviceReport: s, workbook: w } = localisation(model.language);
        expect(workbook.worksheets.map(sheet => sheet.name)).toEqual([s.steps, s.touchpoints, s.failPoints, s.serviceStandards, s.time, s.handOffs, w.namesSheet]);
        expect(workbook.worksheets.map(sheet => sheet.actualRowCount - 1)).toEqual(expectedRows(model, analysis));
        const tables = workbookTables(model, analysis);
        for (const [index, sheet] of workbook.worksheets.entries()) {
            expect(rowValues(sheet, 1), sheet.name).toEqual(tables[index].columns.map(c => c.header));
            expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
            expect(sheet.autoFilter).toBeDefined();
            expect(sheet.getColumn(1).width).toBeGreaterThan(5);
            expect(sheet.getRow(1).font?.bold).toBe(true);
        }
        const steps = workbook.worksheets[0];
        expect(rowValues(steps, 1).slice(0, 4)).toEqual([w.id, s.step, s.lane, s.stage]);
        model.steps.forEach((step, index) => {
            const values = rowValues(steps, index + 2);
            expect(values[0]).toBe(step.id);
            expect(values[1]).toBe(step.label.replace(/^[=+\-@]/, '\'$&'));
            // A lane of the blueprint's own also says where it goes, for the import.
            const lane = model.lanes.find(candidate => candidate.id === step.lane)!;
            if (lane.kind === 'custom') expect(values[2]).toMatch(new RegExp(`^'?${lane.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\[(above|below) [^\\]]+\\]$`));
            else expect(values[2]).toBe(lane.label);
            if (step.duration?.seconds !== undefined) expect(values[7]).toBeCloseTo(step.duration.seconds / 60, 1);
        });
        const failPoints = workbook.worksheets[2];
        analysis.failPoints.entries.forEach((entry, index) => {
            expect(rowValues(failPoints, index + 2)[0]).toBe(entry.step);
            expect(rowValues(failPoints, index + 2)[12]).toBe(entry.covered ? s.yes : s.no);
        });
        // The base path's expected total, in minutes, as the report computes it.
        if (analysis.time.expected) expect(rowValues(workbook.worksheets[4], 2)[2]).toBeCloseTo(analysis.time.expected.totalSeconds / 60, 1);
    });
});

describe('csv cells of several lines', () => {
    it('are quoted, so that a spreadsheet keeps each in one cell', async () => {
        const model = await modelFromText(`blueprint Lines "Lines" {
    actor A "Agent" { note "First note" note "Second note" }
    customer S "Start" by A { evidence "One" evidence "Two" }
}`);
        const names = writeCsv(workbookTables(model, analyseBlueprint(model)).find(table => table.name === 'names')!);
        expect(names).toContain('"First note\nSecond note"');
        expect(exportCsv(model)).toContain('"One\nTwo"');
        // Split at every line break outside quotes, as a spreadsheet does: still one record a row.
        expect(parse(names, { bom: true, record_delimiter: ['\r\n', '\n'] }) as string[][]).toHaveLength(workbookTables(model, analyseBlueprint(model))[6].rows.length + 1);
    });
});

describe('the names sheet', () => {
    it('declares the telecom store\'s personas in their segments, its channels with distance and self-service, and notes', async () => {
        const model = await exampleModel(EXAMPLES.find(file => file.endsWith('telecom-store.blueprint'))!);
        const sheet = (await readWorkbook(await exportXlsx(model))).getWorksheet('Names')!;
        const rows = Array.from({ length: sheet.actualRowCount }, (_, index) => Array.from(rowValues(sheet, index + 1), cell => cell ?? ''));
        expect(rows[0]).toEqual(['Kind', 'Id', 'Label', 'Segment', 'Distance', 'Self-service', 'Notes']);
        expect(rows).toContainEqual(['persona', 'Zhang', 'Mr Zhang, runs a trading company; 12 lines on one account', 'Diamond customers', '', '',
            'Has no time to queue; expects the account manager to know his accounts']);
        expect(rows).toContainEqual(['persona', 'Chen', 'Ms Chen, office worker upgrading her handset', 'Gold customers']);
        expect(rows).toContainEqual(['channel', 'webHall', 'Online business hall', '', 'remote', 'yes']);
        expect(rows).toContainEqual(['channel', 'storeStaff', 'Store staff', '', 'face-to-face', 'no']);
        // Declared in the blueprint's order, also a segment no step is a variant for.
        expect(rows.filter(row => row[0] === 'segment').map(row => row[1])).toEqual(['Diamond', 'Gold', 'Silver', 'Ordinary']);
    });
});

describe('csv export of every example', () => {
    it.each(EXAMPLES.map(file => [file.replace(/.*examples\//, ''), file]))('%s', async (_name, file) => {
        const model = await exampleModel(file);
        const analysis = analyseBlueprint(model);
        const csv = exportCsv(model, 'steps', analysis);
        expect(csv.startsWith('\ufeff')).toBe(true);
        expect(csv).toContain('\r\n');
        const records = parse(csv, { bom: true }) as string[][];
        expect(records[0]).toEqual(workbookTables(model, analysis)[0].columns.map(c => c.header));
        expect(records).toHaveLength(model.steps.length + 1);
        expect(records.slice(1).map(r => r[0])).toEqual(model.steps.map(step => step.id));
        // Every table as CSV has its own row count.
        for (const [index, table] of workbookTables(model, analysis).entries()) {
            expect(parse(writeCsv(table), { bom: true }) as string[][]).toHaveLength(expectedRows(model, analysis)[index] + 1);
        }
    });
});

describe('what a consultant opens', () => {
    it('makes rows as tall as their wrapped lines and prints landscape with the header on every page', async () => {
        const model = await exampleModel(EXAMPLES.find(file => file.endsWith('bank-deposit.blueprint'))!);
        const steps = (await readWorkbook(await exportXlsx(model))).worksheets[0];
        const rowOf = (id: string) => steps.getRow(model.steps.findIndex(s => s.id === id) + 2);
        // Stamp has two pieces of evidence (two lines); Verify has one line everywhere.
        expect(rowOf('Stamp').height).toBeGreaterThanOrEqual(2 * rowOf('Verify').height);
        expect(rowOf('Stamp').getCell(7).value).toBe('Printed slip\nStamped passbook');
        expect(steps.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, printTitlesRow: '1:1' });
        // The time sheet carries the report's verdict against the 20 min standard, in minutes.
        const time = (await readWorkbook(await exportXlsx(model))).worksheets[4];
        expect(rowValues(time, 1)[9]).toBe('Against the time standard');
        expect(rowValues(time, 2).slice(0, 2)).toEqual(['base path (all customers)', 'Expected']);
        expect(rowValues(time, 2)[8]).toBe(20);
        // Some steps have no time (Call, Stamp): the report says "within so far", and so does the sheet.
        expect(rowValues(time, 2)[6]).toBeGreaterThan(0);
        expect(rowValues(time, 2)[9]).toBe('within so far');
    });
});

describe('the time sheet\'s paths', () => {
    it('show the parallel work beside the branch a path takes, as the report does', async () => {
        const model = await modelFromText(`blueprint Diner "Diner" {
    customer Order "=Order" via store { evidence "Menu" duration 1 min }
    frontstage Take "Take the order" via store { duration 1 min }
    customer PayCard "Pay by card" via store { evidence "Card reader" duration 1 min }
    customer PayCash "Pay cash" via store { evidence "Till" duration 2 min }
    backstage Cook "Cook" { duration 10 min }
    frontstage Serve "Serve" via store { duration 1 min }
    customer Eat "Eat" via store { evidence "Plate" duration 20 min end }
    flow Order -> Take
    decision Take "How does the guest pay?" {
        -> PayCard 80 %
        -> PayCash 20 %
    }
    parallel Take "Cook while the guest pays" {
        ~> Cook
    } join Serve
    flow PayCard -> Serve
    flow PayCash -> Serve
    flow Cook -> Serve -> Eat
}`);
        const path = '=Order → Take the order → Pay by card ∥ Cook → Serve → Eat';
        const rows = workbookTables(model, analyseBlueprint(model)).find(table => table.name === 'time')!.rows;
        const mostLikely = rows.find(row => row[1] === 'Most likely path')!;
        expect(mostLikely[10]).toBe(path);
        expect(mostLikely[2]).toBe(33);
        // Escaped by the writers as every cell is: a path starting with = is text, not a formula.
        const sheet = (await readWorkbook(await exportXlsx(model))).worksheets[4];
        const cells: unknown[] = [];
        sheet.eachRow(row => cells.push(rowValues(row.worksheet, row.number)[10]));
        expect(cells).toContain(`'${path}`);
        sheet.eachRow(row => row.eachCell(cell => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    });
});

describe('the time sheet\'s exception paths', () => {
    const KIND = 11, BRANCH = 12, CHANCE = 13;

    it('the shoeshine: the recovery from the wrong polish in a row of its own, with its kind, branch, chance and time', async () => {
        const model = await exampleModel(EXAMPLES.find(file => file.endsWith('shostack-shoeshine.blueprint'))!);
        const analysis = analyseBlueprint(model);
        const table = workbookTables(model, analysis).find(item => item.name === 'time')!;
        expect(table.columns.slice(KIND).map(column => column.header)).toEqual(['Kind', 'Branch', 'Chance of the branch']);
        const exceptions = table.rows.filter(row => row[1] === 'Exception paths');
        expect(exceptions).toHaveLength(1);
        const [row] = exceptions;
        expect([row[KIND], row[BRANCH], row[CHANCE]]).toEqual(['recovery', 'Recovery from "Wrong colour of polish" at Apply polish', '10 %']);
        // Its time as the analysis gives it: the polish stripped and done again (3.75 min against 2.25 for the likely path).
        const recovery = analysis.time.exceptionPaths[0];
        expect(row[2]).toBeCloseTo(recovery.totalSeconds / 60, 2);
        expect(row[2]).toBe(3.75);
        expect(row[10]).toContain('Remove the wrong polish → Polish again with the right colour');
        // The other figures' rows leave the three cells empty.
        for (const other of table.rows.filter(item => item[1] !== 'Exception paths')) expect(other.slice(KIND)).toEqual([undefined, undefined, undefined]);
    });

    it('every example: one row per exception path of each segment, kinds and chances as the analysis has them', async () => {
        for (const file of EXAMPLES) {
            const model = await exampleModel(file);
            const analysis = analyseBlueprint(model);
            const s = localisation(model.language).serviceReport;
            const rows = workbookTables(model, analysis).find(item => item.name === 'time')!.rows.filter(row => row[1] === s.exceptionPaths);
            const expected = [analysis.time, ...analysis.segments].flatMap(time => time.exceptionPaths);
            expect(rows.map(row => row[KIND]), file).toEqual(expected.map(path => path.kind));
            expect(rows.map(row => row[CHANCE]), file).toEqual(expected.map(path => path.share === undefined ? s.rateUnknown : `${Math.round(path.share * 1000) / 10} %`));
        }
    });

    it('an alternative reads from → to with its label, in the blueprint\'s language', async () => {
        const model = await modelFromText(`blueprint Visit "柜台" {
    language zh
    customer Arrive "到店" { start duration 1 min }
    frontstage Desk "办理" { duration 2 min }
    frontstage Card "刷卡" { duration 1 min }
    frontstage Cash "现金" { duration 3 min }
    customer Leave "离店" { end }
    flow Arrive -> Desk
    decision Desk "如何付款？" {
        -> Card 3 "多数刷卡"
        -> Cash 1 "<b>=现金</b>"
    }
    flow Card -> Leave
    flow Cash -> Leave
}`);
        const table = workbookTables(model, analyseBlueprint(model)).find(item => item.name === 'time')!;
        const s = localisation('zh').serviceReport;
        expect(table.columns.slice(KIND).map(column => column.header)).toEqual([s.kind, s.branch, s.branchChance]);
        const row = table.rows.find(item => item[1] === s.exceptionPaths)!;
        expect([row[KIND], row[BRANCH], row[CHANCE]]).toEqual(['alternative', '办理 → 现金 (<b>=现金</b>)', '25 %']);
        // A cell is text, whatever it says: in the CSV the label is quoted text, never a formula or markup run.
        const csv = parse(writeCsv(table), { bom: true }) as string[][];
        expect(csv.find(record => record[1] === s.exceptionPaths)![BRANCH]).toBe('办理 → 现金 (<b>=现金</b>)');
    });
});

describe('headers in the blueprint\'s language', () => {
    it('writes a Chinese blueprint\'s headers and sheet names in Chinese', async () => {
        const model = await exampleModel(EXAMPLES.find(file => file.endsWith('zh-bank-deposit.blueprint'))!);
        const workbook = await readWorkbook(await exportXlsx(model));
        expect(workbook.worksheets[0].name).toBe('步骤');
        expect(rowValues(workbook.worksheets[0], 1).slice(0, 5)).toEqual(['标识', '步骤', '泳道', '阶段', '执行者']);
        expect(rowValues(workbook.worksheets[0], 2)[2]).toBe('顾客行为（到网点办理）');
    });

    it('writes a Korean blueprint\'s CSV in Korean, readable as UTF-8', async () => {
        const model = await exampleModel(EXAMPLES.find(file => file.endsWith('ko-card-loss-hotline.blueprint'))!);
        const records = parse(exportCsv(model), { bom: true }) as string[][];
        expect(records[0].slice(0, 3)).toEqual(['ID', '단계', '레인']);
        expect(records.slice(1).some(r => /[\uac00-\ud7af]/u.test(r[1]))).toBe(true);
    });
});

const HOSTILE = `blueprint Hostile "=HYPERLINK(\\"http://evil.example\\",\\"click\\")" {
    stage S "+1 stage"
    actor A "@SUM(A1:A9)" { note "=HYPERLINK(\\"http://evil.example\\",\\"note\\")" }
    segment G "-Gold"
    persona P "+Pat" in G { note "@once" }
    channel C "=chan" remote
    customer Start "=HYPERLINK(\\"http://evil.example\\",\\"click\\")" in S {
        evidence "-2+3"
        note "<script>alert(1)</script>"
    }
    frontstage Greet "@SUM(1+1)" in S by A {
        fail "+cmd|' /C calc'!A0" prevention "=1+1"
    }
    flow Start -> Greet
}`;

describe('hostile labels', () => {
    it('neutralises formula prefixes in every cell of the workbook and keeps markup as plain text', async () => {
        const model = await modelFromText(HOSTILE);
        const workbook = await readWorkbook(await exportXlsx(model));
        const texts: string[] = [];
        for (const sheet of workbook.worksheets) {
            sheet.eachRow(row => row.eachCell(cell => {
                expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
                if (typeof cell.value === 'string') texts.push(cell.value);
            }));
        }
        for (const text of texts) expect(text, text).not.toMatch(/^[=+\-@\t\r]/);
        expect(texts).toContain('\'=HYPERLINK("http://evil.example","click")');
        expect(texts).toContain('\'@SUM(1+1)');
        expect(texts).toContain('<script>alert(1)</script>');
        expect(texts).toContain('\'+cmd|\' /C calc\'!A0');
        // The names sheet's notes, persona, segment and channel.
        expect(texts).toEqual(expect.arrayContaining(['\'=HYPERLINK("http://evil.example","note")', '\'+Pat', '\'-Gold', '\'@once', '\'=chan']));
    });

    it('neutralises them in every CSV cell', async () => {
        const model = await modelFromText(HOSTILE);
        for (const table of workbookTables(model, analyseBlueprint(model))) {
            const records = parse(writeCsv(table), { bom: true }) as string[][];
            for (const cell of records.flat()) expect(cell, `${table.name}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
        }
        const steps = parse(exportCsv(model), { bom: true }) as string[][];
        expect(steps[1][1]).toBe('\'=HYPERLINK("http://evil.example","click")');
        expect(steps[1][6]).toBe('\'-2+3');
        expect(steps[2][4]).toBe('\'@SUM(A1:A9)');
    });
});
