/**
 * `blueprint export --format xlsx|csv` and `blueprint import` through the built binary: files
 * written only where -o says, row-numbered messages and exit 1 for malformed spreadsheets, and an
 * export → import round trip that passes `check`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { SHEET_NAMES } from '@blueprint/export';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPO_ROOT, Workspace } from '../cli/cli-harness.js';

const BANK = readFileSync(path.join(REPO_ROOT, 'examples/bank-deposit.blueprint'), 'utf8');

let workspace: Workspace;
beforeAll(() => {
    ensureBuilt();
    workspace = new Workspace({ 'bank.blueprint': BANK });
});
afterAll(() => workspace.dispose());

describe('blueprint export --format xlsx|csv', () => {
    it('writes a workbook that exceljs reads, with the seven sheets', async () => {
        const result = await workspace.run(['export', 'bank.blueprint', '--format', 'xlsx', '-o', 'out/bank.xlsx']);
        expect(result.code, result.stderr).toBe(0);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(workspace.path('out/bank.xlsx'));
        expect(workbook.worksheets.map(s => s.name)).toEqual(['Steps', 'Touchpoints', 'Fail points', 'Service standards', 'Time', 'Hand-offs and escalations', 'Names']);
        expect(workbook.worksheets[0].actualRowCount).toBe(12);
    });

    it('refuses --sheet with a format other than csv', async () => {
        const sheet = await workspace.run(['export', 'bank.blueprint', '--format', 'xlsx', '--sheet', 'time']);
        expect(sheet.code).toBe(2);
        expect(sheet.stderr).toMatch(/--sheet picks the table of a CSV/);
    });

    it('writes the steps as CSV to stdout, another table with --sheet, and every table into a folder', async () => {
        const steps = await workspace.run(['export', 'bank.blueprint', '--format', 'csv']);
        expect(steps.code, steps.stderr).toBe(0);
        expect(steps.stdout.startsWith('\ufeffId,Step,Lane,Stage')).toBe(true);
        const time = await workspace.run(['export', 'bank.blueprint', '--format', 'csv', '--sheet', 'time']);
        expect(time.stdout.split('\r\n')[0]).toBe('\ufeffSegment,Figure,Total (min),Customer waiting (min),Customer-visible (min),Backstage (min),Steps without a time,Share of journeys,Time standard (min),Against the time standard,Path,Kind,Branch,Chance of the branch');
        const all = await workspace.run(['export', 'bank.blueprint', '--format', 'csv', '--sheet', 'all', '-o', 'tables']);
        expect(all.code, all.stderr).toBe(0);
        expect(readdirSync(workspace.path('tables')).sort()).toEqual(['fail-points.csv', 'hand-offs.csv', 'names.csv', 'standards.csv', 'steps.csv', 'time.csv', 'touchpoints.csv']);
        const noFolder = await workspace.run(['export', 'bank.blueprint', '--format', 'csv', '--sheet', 'all']);
        expect(noFolder.code).toBe(2);
    });

    it('writes each table --sheet all writes on its own with --sheet NAME, the names table included', async () => {
        const all = await workspace.run(['export', 'bank.blueprint', '--format', 'csv', '--sheet', 'all', '-o', 'every-table']);
        expect(all.code, all.stderr).toBe(0);
        for (const name of SHEET_NAMES) {
            const one = await workspace.run(['export', 'bank.blueprint', '--format', 'csv', '--sheet', name]);
            expect(one.code, `${name}: ${one.stderr}`).toBe(0);
            expect(one.stdout, name).toBe(readFileSync(workspace.path(`every-table/${name}.csv`), 'utf8'));
        }
    });

    it('takes the format from the -o file\'s extension when --format is not given', async () => {
        const workbook = await workspace.run(['export', 'bank.blueprint', '-o', 'by-name/bank.xlsx']);
        expect(workbook.code, workbook.stderr).toBe(0);
        expect(readFileSync(workspace.path('by-name/bank.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
        const csv = await workspace.run(['export', 'bank.blueprint', '-o', 'by-name/bank.CSV']);
        expect(csv.code, csv.stderr).toBe(0);
        expect(readFileSync(workspace.path('by-name/bank.CSV'), 'utf8').startsWith('\ufeffId,Step,Lane,Stage')).toBe(true);
        const drawio = await workspace.run(['export', 'bank.blueprint', '-o', 'by-name/bank.drawio']);
        expect(drawio.code, drawio.stderr).toBe(0);
        expect(readFileSync(workspace.path('by-name/bank.drawio'), 'utf8')).toContain('<mxfile');
        const mermaid = await workspace.run(['export', 'bank.blueprint', '-o', 'by-name/bank.mmd']);
        expect(mermaid.code, mermaid.stderr).toBe(0);
        expect(readFileSync(workspace.path('by-name/bank.mmd'), 'utf8')).toMatch(/^flowchart LR$/m);
        const spelt = await workspace.run(['export', 'bank.blueprint', '-o', 'by-name/bank.mermaid']);
        expect(spelt.code, spelt.stderr).toBe(0);
        expect(readFileSync(workspace.path('by-name/bank.mermaid'), 'utf8')).toMatch(/^flowchart LR$/m);
        // --format still wins over the name.
        const swimlane = await workspace.run(['export', 'bank.blueprint', '-f', 'mermaid-swimlane', '-o', 'by-name/lanes.mmd']);
        expect(readFileSync(workspace.path('by-name/lanes.mmd'), 'utf8')).toMatch(/^swimlane-beta LR$/m);
        expect(swimlane.code, swimlane.stderr).toBe(0);
    });

    it('lists in its help every extension it takes the format from', async () => {
        const help = await workspace.run(['export', '--help']);
        expect(help.code).toBe(0);
        const text = help.stdout.replace(/\s+/g, ' ');
        expect(text).toContain('by the -o file\'s extension (.drawio, .mmd or .mermaid for mermaid, .xlsx, .csv)');
        expect(text).toContain('(default: the -o file\'s extension: .drawio, .mmd or .mermaid for mermaid, .xlsx, .csv)');
    });

    it('asks for --format when the -o name says no format, and writes nothing', async () => {
        for (const name of ['by-name/bank.txt', 'by-name/bank.constructor', 'by-name/bank']) {
            const result = await workspace.run(['export', 'bank.blueprint', '-o', name]);
            expect(result.code, name).toBe(2);
            expect(result.stderr, name).toMatch(/give --format \(drawio, mermaid, mermaid-swimlane, xlsx or csv\), or name the file \.drawio, \.mmd or \.mermaid for mermaid, \.xlsx, \.csv/);
            expect(existsSync(workspace.path(name)), name).toBe(false);
        }
        const toStdout = await workspace.run(['export', 'bank.blueprint']);
        expect(toStdout.code).toBe(2);
        expect(toStdout.stderr).toMatch(/give --format drawio, mermaid, mermaid-swimlane, xlsx or csv/);
    });
});

describe('blueprint import', () => {
    it('imports an exported CSV to a formatted blueprint that passes check', async () => {
        await workspace.run(['export', 'bank.blueprint', '--format', 'csv', '-o', 'bank.csv']);
        const result = await workspace.run(['import', 'bank.csv', '-o', 'imported.blueprint']);
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(/imported 11 of 11 rows from bank\.csv/);
        const fmt = await workspace.run(['fmt', '--check', 'imported.blueprint']);
        expect(fmt.code, fmt.stdout + fmt.stderr).toBe(0);
        const check = await workspace.run(['check', 'imported.blueprint']);
        expect(check.code, check.stdout).toBe(0);
        expect(workspace.read('imported.blueprint')).toMatch(/customer EnterPin "Enter PIN" in Counter via branch \{/);
    });

    it('refuses the Mermaid export by name, writing nothing', async () => {
        await workspace.run(['export', 'bank.blueprint', '--format', 'mermaid', '-o', 'bank.mmd']);
        const result = await workspace.run(['import', 'bank.mmd', '-o', 'from-mermaid.blueprint']);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/^bank\.mmd: this is a Mermaid diagram, which import does not read: it reads CSV \(\.csv, \.tsv or \.txt/m);
        expect(result.stderr).not.toMatch(/CSV cannot be read/);
        expect(existsSync(workspace.path('from-mermaid.blueprint'))).toBe(false);
    });

    it('imports an xlsx workbook, writing the blueprint to stdout', async () => {
        await workspace.run(['export', 'bank.blueprint', '--format', 'xlsx', '-o', 'bank.xlsx']);
        const result = await workspace.run(['import', 'bank.xlsx']);
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toMatch(/^\/\/ Imported from bank\.xlsx/);
        expect(result.stdout).toMatch(/flow Stamp ~> ArchiveDocs/);
    });

    it('gives back, as the same formatted text, the lines, personas, notes, channel details and unused declarations', async () => {
        const text = `blueprint Desk "Help desk" {
    lane customer "Caller"
    line visibility "Behind the phone"

    stage Call "Call"
    stage Later "Later"

    segment Gold "Gold members"

    persona Ana "Ana, in a hurry" in Gold {
        note "Calls from the car"
    }

    actor Agent "Agent" {
        note "Answers within 15 s"
    }
    system Crm "CRM"
    channel phoneLine "Phone line" phone
    channel portal "Portal" remote self-service

    customer Ring "Ring the desk" in Call via phoneLine {
        start
        evidence "Number on the card"
    }

    frontstage Answer "Answer the call" in Call by Agent via phoneLine {
        end
    }

    flow Ring -> Answer
}
`;
        workspace.write('desk.blueprint', text);
        expect((await workspace.run(['export', 'desk.blueprint', '-o', 'desk.xlsx'])).code).toBe(0);
        const result = await workspace.run(['import', 'desk.xlsx', '-o', 'desk-imported.blueprint']);
        expect(result.code, result.stderr).toBe(0);
        expect(workspace.read('desk-imported.blueprint')).toBe(`// Imported from desk.xlsx by \`blueprint import\`.\n${text}`);
    });

    // A stage labelled like a step (`stage 접수단계 "접수"` beside the step `접수`) came back as `접수2`, and the title as the file's name.
    it('gives an exported workbook back its blueprint\'s name, title, description and stage names', async () => {
        workspace.write('clinic.blueprint', `blueprint 외래방문 "외래 진료 방문" {
    language ko
    description "병원 외래 진료의 하루"
    stage 접수단계 "접수"
    stage 진료단계 "진료"
    actor 간호사 "외래 간호사"
    customer 도착 "병원 도착" in 접수단계 via kiosk { start evidence "번호표" }
    frontstage 접수 "신분 확인 및 접수" in 접수단계 by 간호사 via branch { duration 3 min }
    customer 진료 "진료 받기" in 진료단계 via branch { evidence "처방전" end }
    flow 도착 -> 접수 -> 진료
}
`);
        expect((await workspace.run(['export', 'clinic.blueprint', '--format', 'xlsx', '-o', 'clinic.xlsx'])).code).toBe(0);
        const result = await workspace.run(['import', 'clinic.xlsx']);
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toMatch(/^blueprint 외래방문 "외래 진료 방문" \{$/m);
        expect(result.stdout).toMatch(/^ {4}description "병원 외래 진료의 하루"$/m);
        expect(result.stdout).toMatch(/^ {4}stage 접수단계 "접수"\n {4}stage 진료단계 "진료"$/m);
        expect(result.stdout).toMatch(/^ {4}actor 간호사 "외래 간호사"$/m);
        expect(result.stdout).toMatch(/frontstage 접수 "신분 확인 및 접수" in 접수단계 by 간호사 via branch/);
        expect(result.stdout).not.toMatch(/접수2|진료2/);
    });

    it('rebuilds the hotline\'s decisions, markers and metrics, and the result passes check', async () => {
        workspace.write('hotline.blueprint', readFileSync(path.join(REPO_ROOT, 'examples/credit-card-hotline.blueprint'), 'utf8'));
        await workspace.run(['export', 'hotline.blueprint', '--format', 'csv', '-o', 'hotline.csv']);
        const result = await workspace.run(['import', 'hotline.csv', '-o', 'hotline-imported.blueprint']);
        expect(result.code, result.stderr).toBe(0);
        expect(result.stderr).toMatch(/the blueprint passes check/);
        const text = workspace.read('hotline-imported.blueprint');
        expect(text).toMatch(/decision LookUp "Within the agent's delegated authority\?" \{\s+-> Resolve 95 % "Resolved on the first call"\s+-> FileTicket 5 % "Beyond delegated authority"\s+\}/);
        expect(text).toMatch(/\} join ReceiveAnswer/);
        expect(text).toMatch(/metric ServiceLevel "Calls answered within 15 seconds" on Hold, Answer target >= 85 % within 15 s/);
    });

    const malformed: ReadonlyArray<readonly [string, string | Uint8Array, RegExp[]]> = [
        ['ragged rows', 'Stage,Lane,Label\nA,customer,One\nA,frontstage,Two,three\n', [/ragged\.csv: row 3: has 4 cells, the header has 3/]],
        ['an unknown lane', 'Stage,Lane,Label\nA,customer,One\nA,Frontstag,Two\n', [/unknown\.csv: row 3: unknown lane "Frontstag" \(did you mean "frontstage"\?\)/]],
        ['an empty file', '', [/empty\.csv: the file is empty/]],
        ['duplicate ids', 'Id;Stage;Lane;Label\nA;S;customer;One\nA;S;frontstage;Two\n', [/duplicate\.csv: row 3: id "A" is already used by row 2/]],
        ['a CJK file with a BOM and an unknown lane', '\ufeff阶段,泳道,步骤\n到达,顾客行为,取号\n到达,后台,核对\n', [/cjk\.csv: row 3: unknown lane "后台"/]],
        ['malformed flow cells', 'Id,Stage,Lane,Label,Next\nA,S,customer,One,"Tow"\nB,S,frontstage,Two,"A 4o %"\n',
            [/flows\.csv: row 2: next step "Tow" is neither an id nor a label of another row/, /flows\.csv: row 3: next "A 4o %": "A 4o %" does not end in a share/]]
    ];
    it.each(malformed)('reports %s by row number and exits 1, writing nothing', async (_name, content, messages) => {
        const name = { 'ragged rows': 'ragged', 'an unknown lane': 'unknown', 'an empty file': 'empty', 'duplicate ids': 'duplicate', 'malformed flow cells': 'flows' }[_name] ?? 'cjk';
        workspace.write(`${name}.csv`, content);
        const result = await workspace.run(['import', `${name}.csv`, '-o', `${name}.blueprint`]);
        expect(result.code).toBe(1);
        for (const message of messages) expect(result.stderr).toMatch(message);
        expect(result.stderr).toMatch(/nothing written/);
        expect(existsSync(workspace.path(`${name}.blueprint`))).toBe(false);
    });

    it('imports semicolon-separated CJK with a BOM', async () => {
        workspace.write('zh.csv', '\ufeff阶段;泳道;步骤\n到达;顾客行为;在取号机取号\n到达;前台员工行为;打印号票\n');
        const result = await workspace.run(['import', 'zh.csv']);
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toMatch(/language zh/);
        expect(result.stdout).toMatch(/customer 在取号机取号 "在取号机取号" in 到达/);
    });

    it('lists what to fix when the imported blueprint has errors of its own', async () => {
        // A customer step straight to a support step: the import places it, check explains the rule.
        workspace.write('skip.csv', 'Id,Stage,Lane,Label,Next\nAsk,S,customer,Ask,Store\nStore,S,support,Store it,\n');
        const result = await workspace.run(['import', 'skip.csv', '-o', 'skip.blueprint']);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/skip\.blueprint:\d+:\d+ error BP007 Flow from customer step 'Ask' straight to 'Store'/);
        expect(result.stderr).toMatch(/problems? to fix in the text/);
        expect(existsSync(workspace.path('skip.blueprint'))).toBe(true);
    });

    it('reads a --map file and rejects a bad one', async () => {
        workspace.write('de.csv', 'Wer,Schritt\nKunde,Nummer ziehen\n');
        workspace.write('map.json', JSON.stringify({ columns: { Wer: 'lane', Schritt: 'label' }, lanes: { Kunde: 'customer' } }));
        const mapped = await workspace.run(['import', 'de.csv', '--map', 'map.json']);
        expect(mapped.code, mapped.stderr).toBe(0);
        expect(mapped.stdout).toMatch(/customer NummerZiehen "Nummer ziehen"/);
        workspace.write('bad.json', JSON.stringify({ columns: { Wer: 'swimlane' } }));
        const bad = await workspace.run(['import', 'de.csv', '--map', 'bad.json']);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toMatch(/column "Wer" maps to "swimlane": use one of id, label, lane/);
    });
});
