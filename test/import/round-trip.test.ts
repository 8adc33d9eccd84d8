/**
 * The spreadsheet round trip keeps a blueprint's meaning: every example exported as CSV and as XLSX
 * and imported again has the same steps, lanes, stages, flows (kinds, labels, shares, loops),
 * decision and parallel blocks, fail points and remedies, markers and metrics, the same expected and
 * worst-case times, each time in the unit it was written in (`30 s`, `8 h`, not `0.5 min`, `480 min`),
 * and `check` finds nothing new in it; through XLSX also its id, title, description and
 * time standard (the Time sheet's "Time standard (min)"), its policies and every declaration
 * besides the steps (lanes, lines, stages, actors, systems, channels, segments, personas, with their
 * notes, distance and self-service), in order, used or not. Malformed structure cells are reported by row.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EmptyFileSystem, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createBlueprintServices, loadAndValidate } from '@blueprint/language';
import { analyseBlueprint, toTimeSpan, type BlueprintModel, type TimeSpan } from '@blueprint/model';
import { exportCsv, exportXlsx, importSpreadsheet } from '@blueprint/export';
import { validateText } from '../helpers/validate-text.js';

const EXAMPLES_ROOT = fileURLToPath(new URL('../../examples/', import.meta.url));

function examples(folder = EXAMPLES_ROOT): string[] {
    return readdirSync(folder, { withFileTypes: true }).flatMap(entry => {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) return entry.name === 'invalid' ? [] : examples(full);
        return entry.name.endsWith('.blueprint') && entry.name !== 'shared.blueprint' ? [full] : [];
    }).sort();
}

interface Checked {
    readonly model: BlueprintModel;
    /** Warnings and errors as `rule: message` (no line numbers: the imported text is laid out differently). */
    readonly findings: string[];
}

const finding = (d: Diagnostic) => `${String(d.code)}: ${typeof d.message === 'string' ? d.message : ''}`;
const serious = (d: Diagnostic) => d.severity === 1 || d.severity === 2;

async function loadExample(file: string): Promise<Checked> {
    const services = createBlueprintServices({ ...NodeFileSystem }).Blueprint;
    const { documents } = await loadAndValidate(services, [URI.file(file)]);
    const model = services.model.BlueprintModelProvider.getDocumentModel(documents[0]);
    if (!model) throw new Error(`${file}: no model`);
    return { model, findings: (documents[0].diagnostics ?? []).filter(serious).map(finding) };
}

async function checkText(text: string): Promise<Checked> {
    const services = createBlueprintServices(EmptyFileSystem).Blueprint;
    const document = await validateText(services, text);
    return { model: services.model.BlueprintModelProvider.getDocumentModel(document)!, findings: (document.diagnostics ?? []).filter(serious).map(finding) };
}

/**
 * The names only a workbook carries (its names sheet): the blueprint's id, title, description and policies,
 * and every declaration besides the steps, in order, with what it says (`declarations` below): lanes and
 * lines, stages, actors and systems with their notes, channels with their distance and self-service,
 * segments, personas in their segments; and the ids the steps use. A CSV holds the steps alone.
 */
function names(model: BlueprintModel): Record<string, unknown> {
    return {
        blueprint: { id: model.id, title: model.title, description: model.description, timeStandardSeconds: model.tolerance?.seconds, timeStandard: written(model.tolerance), policies: model.policies },
        ...declarations(model),
        stepNames: model.steps.map(step => [step.id, step.stage, step.actor, step.channel, ...step.segments].join(' '))
    };
}

/**
 * A time as the blueprint writes it, its unit by length (`2 weeks` and `2 week` are one): the sheet's
 * minutes must come back as `30 s` and `8 h`, not as `0.5 min` and `480 min`.
 */
function written(span: TimeSpan | undefined): string | undefined {
    return span && `${span.value} ${span.unit === undefined ? '' : toTimeSpan(1, span.unit).seconds ?? span.unit}s`;
}

/** The blueprint's meaning as comparable parts, keyed so that a difference names what differs. */
function meaning(model: BlueprintModel): Record<string, unknown> {
    const lane = (id: string) => model.lanes.find(l => l.id === id)!;
    const label = (list: ReadonlyArray<{ id: string; label: string }>, id: string | undefined) => list.find(x => x.id === id)?.label;
    const flowKey = (f: BlueprintModel['flows'][number]) =>
        `${f.from} ${f.kind} ${f.to}${f.share ? ` share ${f.share.value}${f.share.unit}` : ''}${f.label !== undefined ? ` "${f.label}"` : ''}`
        + `${f.loop ? ` loop ${JSON.stringify(f.repeat ?? {})}` : ''}${f.probability !== undefined ? ` p=${f.probability.toFixed(6)}` : ''}`;
    const flowById = new Map(model.flows.map(f => [f.id, f]));
    const time = analyseBlueprint(model).time;
    return {
        steps: model.steps.map(step => ({
            id: step.id, label: step.label, lane: lane(step.lane).kind, laneLabel: lane(step.lane).label, stage: label(model.stages, step.stage),
            actor: label(model.actors, step.actor), actorKind: model.actors.find(a => a.id === step.actor)?.kind,
            channel: label(model.channels, step.channel), evidence: step.evidence,
            duration: step.duration?.seconds, durationTolerance: step.durationTolerance?.seconds,
            wait: step.wait?.expected?.seconds, waitTolerance: step.wait?.tolerance?.seconds,
            fails: step.failPoints.map(f => ({ cause: f.cause, rate: f.rate, preventions: f.preventionDetails, recoveries: f.recoveryDetails })),
            moment: step.moment, emotion: step.emotion, notes: step.notes, policies: step.policies,
            start: step.start, end: step.end, independent: step.independent,
            segments: step.segments.map(id => label(model.segments, id))
        })),
        writtenTimes: model.steps.map(step => [step.id, ...[step.duration, step.durationTolerance, step.wait?.expected, step.wait?.tolerance].map(written)]),
        lanes: model.lanes.filter(l => model.steps.some(s => s.lane === l.id)).map(l => ({ kind: l.kind, label: l.label })),
        stages: model.stages.filter(st => model.steps.some(s => s.stage === st.id)).map(st => st.label).sort(),
        flows: model.flows.map(flowKey).sort(),
        decisions: model.decisions.map(d => ({
            step: d.step, kind: d.kind, label: d.label, declared: d.declared, join: d.join,
            branches: d.flows.map(id => flowKey(flowById.get(id)!))
        })).sort((a, b) => `${a.step}${a.kind}`.localeCompare(`${b.step}${b.kind}`)),
        metrics: [...model.metrics].sort((a, b) => a.id.localeCompare(b.id)).map(m => ({ ...m, steps: [...m.steps].sort() })),
        expectedSeconds: time.expected?.totalSeconds,
        expectedUnknown: time.expected?.unknownSteps,
        worstSeconds: time.criticalPath?.totalSeconds,
        worstPath: time.criticalPath?.steps,
        mostLikelySeconds: time.mostLikelyPath?.totalSeconds,
        mostLikelyShare: time.mostLikelyPath?.probability
    };
}

/** The parts that differ, by name and how many of their items (`flows:2/16`): empty when the round trip kept everything. */
function differences(original: BlueprintModel, imported: BlueprintModel): string[] {
    const a = meaning(original), b = meaning(imported);
    return Object.keys(a).filter(key => JSON.stringify(a[key]) !== JSON.stringify(b[key])).map(key => {
        const x = a[key], y = b[key];
        if (!Array.isArray(x) || !Array.isArray(y)) return `${key}`;
        const ys = y.map(v => JSON.stringify(v));
        const missing = x.filter(v => { const i = ys.indexOf(JSON.stringify(v)); if (i < 0) return true; ys.splice(i, 1); return false; }).length;
        return `${key}:${Math.max(missing, ys.length)}/${x.length}`;
    });
}

const encode = (text: string) => new TextEncoder().encode(text);

describe.each(examples().map(file => [path.relative(EXAMPLES_ROOT, file), file]))('%s exported and imported again', (_name, file) => {
    for (const format of ['csv', 'xlsx'] as const) {
        it(`keeps its meaning through ${format.toUpperCase()}`, async () => {
            const original = await loadExample(file);
            const bytes = format === 'csv' ? encode(exportCsv(original.model)) : await exportXlsx(original.model);
            // No map: the lanes of the blueprint's own say where they go (`Tools applied [below frontstage]`).
            const result = await importSpreadsheet(bytes, { fileName: `steps.${format}` });
            expect(result.problems.filter(p => p.severity === 'error')).toEqual([]);
            const imported = await checkText(result.text!);
            expect(differences(original.model, imported.model)).toEqual([]);
            expect(meaning(imported.model)).toEqual(meaning(original.model));
            if (format === 'xlsx') expect(names(imported.model)).toEqual(names(original.model));
            // `check` on the imported file finds nothing the original did not have.
            expect(imported.findings.filter(f => !original.findings.includes(f))).toEqual([]);
        });
    }
});

describe('the time standard through the workbook', () => {
    it.each([['25 min', 1500], ['90 s', 90]] as const)('reads `tolerance %s` back from the Time sheet', async (written, seconds) => {
        const original = await checkText(`blueprint Visit "Visit" {
    tolerance ${written}
    customer Arrive "Arrive" { start duration 1 min }
    frontstage Serve "Serve" { duration 30 min }
    customer Leave "Leave" { end }
    flow Arrive -> Serve -> Leave
}
`);
        const result = await importSpreadsheet(await exportXlsx(original.model), { fileName: 'visit.xlsx' });
        const imported = await checkText(result.text!);
        expect(imported.model.tolerance?.seconds).toBe(seconds);
        // The verdict comes back with it: 31 min against the standard.
        expect(analyseBlueprint(imported.model).time.expectedExceedsTolerance).toBe(true);
        expect(imported.findings.filter(f => !original.findings.includes(f))).toEqual([]);
    });
});

describe('times through the sheet', () => {
    it.each(['csv', 'xlsx'] as const)('come back in the largest unit they are a whole number of (%s)', async format => {
        const original = await checkText(`blueprint Times "Times" {
    customer Arrive "Arrive" { start duration 500 ms tolerance 1.5 s }
    frontstage Serve "Serve" { duration 20 s tolerance 2 weeks wait 8 h tolerance 3 d }
    customer Leave "Leave" { end duration 60 min tolerance 90 min }
    flow Arrive -> Serve -> Leave
}
`);
        const bytes = format === 'csv' ? encode(exportCsv(original.model)) : await exportXlsx(original.model);
        const imported = await checkText((await importSpreadsheet(bytes, { fileName: `times.${format}` })).text!);
        expect(imported.model.steps.map(step => [step.duration, step.durationTolerance, step.wait?.expected, step.wait?.tolerance]
            .map(span => span && `${span.value} ${span.unit}`))).toEqual([
            ['500 ms', '1.5 s', undefined, undefined],
            ['20 s', '2 weeks', '8 h', '3 d'],
            // The sheet holds minutes, not the unit: an hour written as 60 min comes back as 1 h.
            ['1 h', '90 min', undefined, undefined]
        ]);
    });
});

describe('hostile labels in the structure cells', () => {
    const HOSTILE = `blueprint Hostile "Hostile" {
    customer Ask "Ask" { start evidence "Form" }
    frontstage Answer "=cmd|' /C calc'!A0" { duration 1 min }
    backstage File "File" { duration 2 min }
    customer Done "Done" { evidence "Receipt" end }
    flow Ask => Answer "=HYPERLINK(\\"http://x\\",\\"y\\")"
    decision Answer "+1 } flow Done -> Ask \\"quoted\\"\\nnext line" {
        -> Done 90 % "@SUM(A1:A9), then; more"
        ~> File 10 % "<script>alert(1)</script>"
    }
    flow File -> Answer "-2+3" loop 2 times
    metric Tricky "=1+1 \\\\ back" on Answer, File target >= 85 % within 15 s
}
`;

    it.each(['csv', 'xlsx'] as const)('keeps formula-like, quoted and markup labels of flows, blocks and metrics as text (%s)', async format => {
        const original = await checkText(HOSTILE);
        expect(original.findings).toEqual([]);
        const bytes = format === 'csv' ? encode(exportCsv(original.model)) : await exportXlsx(original.model);
        if (format === 'csv') {
            // The escalation's cell starts with `=>` and the label cell with `=`: both get the apostrophe.
            expect(exportCsv(original.model)).toMatch(/,"'=> Answer ""=HYPERLINK/);
        }
        const result = await importSpreadsheet(bytes, { fileName: `hostile.${format}` });
        expect(result.problems.filter(p => p.severity === 'error')).toEqual([]);
        const imported = await checkText(result.text!);
        expect(imported.findings).toEqual([]);
        expect(meaning(imported.model)).toEqual(meaning(original.model));
        expect(imported.model.decisions.find(d => d.declared)?.label).toBe('+1 } flow Done -> Ask "quoted"\nnext line');
    });
});

describe('malformed structure cells', () => {
    const HEADER = 'Id,Step,Lane,Stage,Next,Decision,Markers,Metrics\n';
    const problemsOf = async (rows: string) => (await importSpreadsheet(encode(HEADER + rows), { fileName: 'x.csv' })).problems.filter(p => p.severity === 'error');

    it('reads a hand-written decision, markers and a metric', async () => {
        const result = await importSpreadsheet(encode(HEADER
            + 'Call,Call in,customer,S,"Answer",,start,\n'
            + 'Answer,Answer,frontstage,S,"decision: Done 95 % ""Solved""\ndecision: Ticket 5 %","decision ""Solved on the call?""",,"Solved ""Solved first time"" target >= 90 %"\n'
            + 'Ticket,File a ticket,backstage,S,Done,,,\n'
            + 'Done,Hang up,customer,S,,,end,Solved\n'), { fileName: 'x.csv' });
        expect(result.problems.filter(p => p.severity === 'error')).toEqual([]);
        const { model, findings } = await checkText(result.text!);
        expect(findings.filter(f => /^BP01[56]/.test(f))).toEqual([]);
        expect(model.decisions).toEqual([expect.objectContaining({ step: 'Answer', kind: 'alternative', label: 'Solved on the call?', declared: true })]);
        expect(model.flows.filter(f => f.from === 'Answer').map(f => [f.to, f.share?.value, f.label])).toEqual([['Done', 95, 'Solved'], ['Ticket', 5, undefined]]);
        expect(model.steps.filter(s => s.start || s.end).map(s => s.id)).toEqual(['Call', 'Done']);
        expect(model.metrics).toEqual([expect.objectContaining({ id: 'Solved', label: 'Solved first time', steps: ['Answer', 'Done'], target: expect.objectContaining({ comparator: '>=', value: 90, unit: '%' }) })]);
    });

    it('reports an unknown target and a bad share with their rows', async () => {
        expect(await problemsOf('A,One,customer,S,"Tow\nThree 140 %",,,\nB,Two,customer,S,"Three 4o %",,,\nC,Three,customer,S,,,,\n')).toEqual([
            expect.objectContaining({ row: 2, message: expect.stringMatching(/next step "Tow" is neither an id nor a label of another row/) }),
            expect.objectContaining({ row: 2, message: expect.stringMatching(/share "140 %" is more than 100 %/) }),
            expect.objectContaining({ row: 3, message: expect.stringMatching(/"Three 4o %" does not end in a share/) })
        ]);
    });

    it('reports bad markers, metrics, blocks and branches with their rows', async () => {
        const problems = await problemsOf(
            'A,One,customer,S,"parallel: B 50 %",,begin,\n'
            + 'B,Two,customer,S,"C loop often","decision ""Why?"" join C",,"Bad metric target lots"\n'
            + 'C,Three,customer,S,,"parallel ""Empty""",,\n');
        expect(problems.map(p => [p.row, p.message])).toEqual([
            [2, expect.stringMatching(/a parallel branch has no share/)],
            [2, expect.stringMatching(/parallel has no branches/)],
            [2, expect.stringMatching(/markers: "begin" is not a marker/)],
            [3, expect.stringMatching(/a decision has no join/)],
            [3, expect.stringMatching(/"loop often" is not a repeat/)],
            [3, expect.stringMatching(/decision has no branches/)],
            [3, expect.stringMatching(/metric "Bad metric target lots" is not a metric/)],
            [4, expect.stringMatching(/parallel has no branches/)]
        ]);
    });
});

/** A text as `blueprint fmt` lays it out, without the comment the import writes first. */
async function formatted(text: string): Promise<string> {
    const services = createBlueprintServices(EmptyFileSystem).Blueprint;
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('memory:///formatted.blueprint'));
    const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
    return TextDocument.applyEdits(document.textDocument, edits).replace(/^\/\/ Imported from .*\n/, '');
}

/**
 * Blueprints written as the import writes them (its order of sections, built-in channels by name),
 * with every declaration that is not a step: relabelled lanes and lines, personas in their segments,
 * stages, actors, systems, channels and segments that no step uses (the unused stage between two
 * used ones), channels' distance and self-service, and notes on actors, systems and personas, some
 * of them formula-like (as are the title and two stages). Through the workbook they come back as the same text.
 */
const DECLARATIONS = {
    en: `blueprint Clinic "=Clinic visit" {
    description "A first visit to the clinic"
    policy "Patient data stays in the clinic"

    lane evidence "What the patient sees"
    lane customer "Patient"
    lane Lab "Laboratory" below support
    line interaction "Counter"
    line visibility "Curtain: the patient sees nothing below"
    line implementation

    stage Arrival "Arrival"
    stage FollowUp "-1 day: follow-up"
    stage Visit "+ Visit"

    segment Insured "Insured patients"
    segment Private "Private patients"
    segment WalkIn "Walk-in patients"

    persona Kim "Ms Kim, first visit" in Private {
        note "Nervous about the costs"
        note "=1+1 \\"quoted\\""
    }
    persona Lee "Mr Lee, regular"

    actor Nurse "Nurse" {
        note "Works the night shift"
    }
    actor Porter "Porter"
    system Records "Records system" {
        note "@SUM(A1) runs nightly"
    }
    system Billing "Billing"
    channel desk "Reception desk" face-to-face
    channel portal "Patient portal" remote self-service
    channel callback "Web" phone

    customer Arrive "Arrive at reception" in Arrival via desk {
        start
        evidence "Queue ticket"
    }

    frontstage Register "Register the patient" in Arrival by Nurse via desk

    lane Lab Test "Run the blood test" in Visit by Records

    customer Leave "Leave with the results" in Visit via callback for Insured {
        evidence "Printed results"
        end
    }

    flow Arrive -> Register
    flow Register ~> Test
    flow Test -> Leave
}
`,
    ko: `blueprint 진료 "외래 진료" {
    language ko

    lane customer "환자 행동"
    line implementation

    stage 접수 "접수"
    stage 대기 "대기"

    segment 일반 "일반 환자"

    persona 김씨 "김씨, 첫 방문" in 일반 {
        note "비용이 걱정된다"
    }

    actor 간호사 "간호사"
    system 예약 "예약 시스템"
    channel 앱 "병원 앱" remote self-service

    customer 도착 "병원 도착" in 접수 via 앱 {
        start
        evidence "번호표"
    }

    frontstage 확인 "신분 확인" in 접수 by 간호사 via branch {
        end
    }

    flow 도착 -> 확인
}
`
} as const;

describe('the declarations besides steps through the workbook', () => {
    it.each(Object.entries(DECLARATIONS))('come back as the same text (%s)', async (_language, text) => {
        const original = await checkText(text);
        expect(original.findings).toEqual([]);
        const result = await importSpreadsheet(await exportXlsx(original.model), { fileName: 'clinic.xlsx' });
        expect(result.problems.filter(p => p.severity === 'error')).toEqual([]);
        expect(await formatted(result.text!)).toBe(await formatted(text));
        const imported = await checkText(result.text!);
        expect(imported.findings).toEqual([]);
        expect(declarations(imported.model)).toEqual(declarations(original.model));
    });

    it('writes the names sheet\'s added columns after kind, id and label, formula-like notes as text', async () => {
        const { model } = await checkText(DECLARATIONS.en);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await exportXlsx(model) as unknown as ArrayBuffer);
        const sheet = workbook.getWorksheet('Names')!;
        const rows = sheet.getSheetValues().slice(1).map(row => Array.from((row as unknown[]).slice(1), cell => cell ?? ''));
        expect(rows[0]).toEqual(['Kind', 'Id', 'Label', 'Segment', 'Distance', 'Self-service', 'Notes']);
        expect(rows).toContainEqual(['persona', 'Kim', 'Ms Kim, first visit', 'Private patients', '', '', 'Nervous about the costs\n=1+1 "quoted"']);
        expect(rows).toContainEqual(['system', 'Records', 'Records system', '', '', '', '\'@SUM(A1) runs nightly']);
        expect(rows).toContainEqual(['channel', 'portal', 'Patient portal', '', 'remote', 'yes']);
        expect(rows).toContainEqual(['line', 'visibility', 'Curtain: the patient sees nothing below']);
        expect(rows).toContainEqual(['lane', 'customer', 'Patient']);
        expect(rows).toContainEqual(['stage', 'FollowUp', '\'-1 day: follow-up']);
    });
});

/** Every declaration of a blueprint, in order, with what it says. */
function declarations(model: BlueprintModel): Record<string, unknown> {
    return {
        lanes: model.lanes.map(l => `${l.id} ${l.kind} "${l.label}"`),
        lines: model.lines.map(l => `${l.kind} "${l.label}" ${l.above}/${l.below ?? ''}`),
        stages: model.stages.map(s => `${s.id} "${s.label}"`),
        actors: model.actors.map(a => `${a.kind} ${a.id} "${a.label}" ${JSON.stringify(a.notes)}`),
        // Built-in channels are nowhere declared: they come among the declared ones where a step first uses them.
        channels: model.channels.map(c => `${c.id} "${c.label}" ${c.distance ?? ''} ${c.selfService}`).sort(),
        segments: model.segments.map(s => `${s.id} "${s.label}"`),
        personas: model.personas.map(p => `${p.id} "${p.label}" in ${p.segment ?? ''} ${JSON.stringify(p.notes)}`)
    };
}

describe('a workbook whose names sheet has three columns', () => {
    // Written by the export before the names sheet had more columns than kind, id and label (it then
    // listed what the steps use); the expected text is what the import made of it then.
    const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

    it('imports as it did before: the declarations the steps use, in the order the steps use them', async () => {
        const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, 'hotline-names-3-columns.xlsx')));
        const result = await importSpreadsheet(bytes, { fileName: 'credit-card-hotline.xlsx' });
        expect(result.problems.filter(p => p.severity === 'error')).toEqual([]);
        expect(await formatted(result.text!)).toBe(await formatted(readFileSync(path.join(FIXTURES, 'hotline-names-3-columns.blueprint'), 'utf8')));
    });
});
