/** Parsing of every construct, linking (in file, across imports, built-ins), rule settings, the model. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ast, createBlueprintServices, loadAndValidate, parseRuleSettings } from '@blueprint/language';
import { EmptyFileSystem, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { describe, expect, it } from 'vitest';
import { validateText } from '../helpers/validate-text.js';

const { Blueprint } = createBlueprintServices({ ...EmptyFileSystem });
let counter = 0;
const check = (text: string, files: Record<string, string> = {}) =>
    validateText(Blueprint, text, URI.parse(`memory:///p${counter++}/main.blueprint`), files);

const EVERYTHING = `// line comment
/* block
   comment */
import "shared.blueprint"
blueprint All "Every construct" {
    description "All of it"
    tolerance 30 min
    stage One "One"
    actor Clerk "Clerk" { note "Front desk" }
    system Core "Core"
    channel kioskPlus "Kiosk+" remote self-service
    segment Gold "Gold"
    persona Ana "Ana" in Gold { note "Busy" }
    lane Partner "Partner" below support
    line visibility "What the customer sees ends here"
    line implementation
    customer A "Arrive" in One via kioskPlus for Gold {
        evidence "Sign"
        duration 1 min tolerance 2 min
        wait 3 min tolerance 5 min
        fail "Lost" prevention "Signs" recovery "Ask staff"
        moment "First look"
        emotion positive "Curious"
        note "Morning rush"
        start
    }
    frontstage B "Greet" by Clerk via branch
    backstage C "Check" by Clerk
    support D "Record" by Core
    lane Partner E "Deliver" by Courier { end }
    evidence Poster "Poster" on A in One
    flow A -> B <-> A
    flow B ~> C => D -> E "handed over" loop
    metric M "Served fast" on A, B target >= 90 %
    metric N "Time" target <= 15 s
    metric O "Score" target > 4.5 stars
}
`;
const SHARED = 'actor Courier "Courier"\nstage Two "Two"\n';

describe('parsing', () => {
    it('parses every construct into the AST', async () => {
        const document = await check(EVERYTHING, { 'shared.blueprint': SHARED });
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        const file = document.parseResult.value as ast.BlueprintFile;
        expect(file.imports.map(i => i.path)).toEqual(['shared.blueprint']);
        const blueprint = file.elements[0] as ast.Blueprint;
        expect(blueprint.members.map(m => m.$type)).toEqual([
            'Description', 'TotalTolerance', 'Stage', 'Actor', 'System', 'Channel', 'Segment', 'Persona', 'CustomLane',
            'LineDeclaration', 'LineDeclaration', 'Step', 'Step', 'Step', 'Step', 'Step', 'EvidenceItem', 'Flow', 'Flow',
            'Metric', 'Metric', 'Metric'
        ]);
        const a = blueprint.members.find((m): m is ast.Step => ast.isStep(m) && m.name === 'A')!;
        expect(a.properties.map(p => p.$type)).toEqual(['EvidenceProperty', 'DurationProperty', 'WaitProperty', 'FailPoint',
            'MomentOfTruth', 'EmotionProperty', 'NoteProperty', 'BoundaryMarker']);
        const fail = a.properties.find(ast.isFailPoint)!;
        expect([fail.cause, fail.preventions.map(r => r.text), fail.recoveries.map(r => r.text)]).toEqual(['Lost', ['Signs'], ['Ask staff']]);
        const flows = blueprint.members.filter(ast.isFlow);
        expect(flows[1].links.map(l => l.arrow)).toEqual(['~>', '=>', '->']);
        expect([flows[1].label, flows[1].loop]).toEqual(['handed over', true]);
        const metrics = blueprint.members.filter(ast.isMetric);
        expect(metrics.map(m => [m.targets[0].comparator, m.targets[0].value, m.targets[0].unit?.percent ? '%' : m.targets[0].unit?.name]))
            .toEqual([['>=', 90, '%'], ['<=', 15, 's'], ['>', 4.5, 'stars']]);
        const lane = blueprint.members.find(ast.isCustomLane)!;
        expect([lane.position, lane.anchor?.standard]).toEqual(['below', 'support']);
    });

    it('accepts labels in any script and CJK names', async () => {
        const document = await check('blueprint 存款 "柜台存款" {\n    customer 取号 "取号 번호표" via branch { evidence "号票" start end }\n}\n');
        expect(document.diagnostics).toEqual([]);
    });

    it('reports a syntax error as BP000 with a position, and keeps the rest of the file', async () => {
        const document = await check('blueprint B "B" {\n    customer A "A" via {\n}\n');
        const syntax = document.diagnostics!.filter(d => d.code === 'BP000');
        expect(syntax.length).toBeGreaterThan(0);
        expect(syntax[0].range.start.line).toBe(1);
    });
});

describe('linking', () => {
    it('resolves references in the file, to built-in channels, and to imported declarations', async () => {
        const document = await check(EVERYTHING, { 'shared.blueprint': SHARED });
        expect(document.diagnostics!.filter(d => d.code === 'BP002')).toEqual([]);
        const blueprint = (document.parseResult.value as ast.BlueprintFile).elements[0] as ast.Blueprint;
        const e = blueprint.members.find((m): m is ast.Step => ast.isStep(m) && m.name === 'E')!;
        expect(e.performers[0].ref?.name).toBe('Courier');
        expect(e.performers[0].ref?.$container.$document?.uri.path).toMatch(/shared\.blueprint$/);
        const b = blueprint.members.find((m): m is ast.Step => ast.isStep(m) && m.name === 'B')!;
        expect(b.channels[0].ref?.distance).toBe('face-to-face');
    });

    it('does not see declarations of files it does not import', async () => {
        const document = await check(EVERYTHING.replace('import "shared.blueprint"', ''), { 'shared.blueprint': SHARED });
        const unresolved = document.diagnostics!.filter(d => d.code === 'BP002');
        expect(unresolved.map(d => d.message)).toEqual([expect.stringContaining('Courier')]);
    });

    it('a missing import: the file beside it with the closest name offered, and the names it would declare said once, on the import', async () => {
        const document = await check(EVERYTHING.replace('import "shared.blueprint"', 'import "sharde"').replace('backstage C "Check" by Clerk', 'backstage C "Check" by Clekr'), { 'shared.blueprint': SHARED });
        const missing = document.diagnostics!.find(d => d.code === 'BP003')!;
        const others = document.diagnostics!.filter(d => d.code === 'BP002');
        expect(missing.message).toMatch(/^Cannot find the imported file 'sharde' \(looked for [^)]*\); did you mean 'shared'\? Until this import is fixed, one reference to names it may declare cannot resolve \('Courier'\) and is not reported one by one\.$/);
        expect(missing.data).toMatchObject({ fix: { title: "Change to 'shared'", newText: '"shared"' } });
        // A name close to one in scope is more likely a typo: it stays, with its own "did you mean".
        expect(others.map(d => d.message)).toEqual([expect.stringMatching(/'Clekr'.* Did you mean 'Clerk'\?/)]);
        expect(missing.message).not.toContain('Clekr');

        // No file with a close name: no suggestion, and the import written with its extension keeps it.
        const far = await check(EVERYTHING.replace('import "shared.blueprint"', 'import "elsewhere/actors.blueprint"'), { 'shared.blueprint': SHARED });
        expect(far.diagnostics!.filter(d => d.code === 'BP003').map(d => d.message)).toEqual([expect.not.stringContaining('did you mean')]);
        const withExtension = await check(EVERYTHING.replace('import "shared.blueprint"', 'import "sharde.blueprint"'), { 'shared.blueprint': SHARED });
        expect(withExtension.diagnostics!.find(d => d.code === 'BP003')?.message).toContain("did you mean 'shared.blueprint'?");
        expect(withExtension.diagnostics!.filter(d => d.code === 'BP002')).toEqual([]);
    });

    it('reports a reference to the wrong kind of thing as unresolved', async () => {
        const document = await check('blueprint B "B" {\n    stage S "S"\n    customer A "A" by S via branch { evidence "x" start end }\n}\n');
        expect(document.diagnostics!.map(d => d.code)).toContain('BP002');
    });

    it('loads imports from disk transitively and reports missing ones without throwing', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'blueprint-link-'));
        try {
            writeFileSync(join(dir, 'base.blueprint'), 'actor Clerk "Clerk"\n');
            writeFileSync(join(dir, 'mid.blueprint'), 'import "base"\nsystem Core "Core"\n');
            writeFileSync(join(dir, 'main.blueprint'), 'import "mid.blueprint"\nimport "gone.blueprint"\nblueprint M "M" {\n    customer A "A" by Core via branch { evidence "x" start end }\n}\n');
            const services = createBlueprintServices({ ...NodeFileSystem }).Blueprint;
            const { documents, imported } = await loadAndValidate(services, [URI.file(join(dir, 'main.blueprint'))]);
            expect(imported.map(d => d.uri.path.split('/').pop()).sort()).toEqual(['base.blueprint', 'mid.blueprint']);
            expect(documents[0].diagnostics!.map(d => d.code)).toEqual(['BP003']);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe('rule settings', () => {
    it('reads blueprint.config.json: a rule off, another with a new severity, by id or name', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'blueprint-config-'));
        try {
            writeFileSync(join(dir, 'blueprint.config.json'), JSON.stringify({ rules: { BP008: 'off', 'no-dead-ends': 'error' } }));
            writeFileSync(join(dir, 'a.blueprint'), 'blueprint B "B" {\n    customer A "A" via branch { start }\n    frontstage F "F"\n    flow A -> F\n}\n');
            const services = createBlueprintServices({ ...NodeFileSystem }).Blueprint;
            const { documents } = await loadAndValidate(services, [URI.file(join(dir, 'a.blueprint'))]);
            const codes = documents[0].diagnostics!.map(d => [d.code, d.severity]);
            expect(codes).toEqual([['BP016', 1]]);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('reports unknown rules, bad values and rules that cannot be turned off', () => {
        const { overrides, problems } = parseRuleSettings({ BP999: 'off', BP008: 'loud', BP002: 'off', 'touchpoint-evidence': 'info' }, 'test');
        expect([...overrides]).toEqual([['BP008', 'info']]);
        expect(problems).toEqual([
            "test: unknown rule 'BP999' (see 'blueprint rules')",
            'test: rule \'BP008\' must be one of error, warning, info, hint, off, not "loud"',
            "test: rule 'BP002' (resolved-references) cannot be reconfigured"
        ]);
        expect(parseRuleSettings([], 'x').problems[0]).toMatch(/must be an object/);
    });
});

describe('the blueprint model', () => {
    it('orders lanes (custom lanes placed), draws lines, computes crossings and touchpoints', async () => {
        const document = await check(EVERYTHING, { 'shared.blueprint': SHARED });
        const model = Blueprint.model.BlueprintModelProvider.getDocumentModel(document)!;
        expect(model.lanes.map(l => l.id)).toEqual(['evidence', 'customer', 'frontstage', 'backstage', 'support', 'Partner']);
        expect(model.lines.map(l => [l.kind, l.above, l.below])).toEqual([
            ['interaction', 'customer', 'frontstage'], ['visibility', 'frontstage', 'backstage'],
            ['internal', 'backstage', 'support'], ['implementation', 'support', 'Partner']
        ]);
        expect(model.lines[1].label).toBe('What the customer sees ends here');
        expect(model.flows.find(f => f.id === 'B->C')!.crosses).toEqual(['visibility']);
        expect(model.flows.find(f => f.id === 'D->E')!.crosses).toEqual(['implementation']);
        expect(model.steps.find(s => s.id === 'A')).toMatchObject({ touchpoint: true, start: true, evidence: ['Sign', 'Poster'], segments: ['Gold'] });
        expect(model.stages.map(s => s.id)).toEqual(['One']);
        expect(model.tolerance?.seconds).toBe(1800);
    });

    it('keeps the notes of actors, systems and personas', async () => {
        const document = await check(EVERYTHING.replace('system Core "Core"', 'system Core "Core" { note "Nightly batch" note "Read-only at noon" }'), { 'shared.blueprint': SHARED });
        const model = Blueprint.model.BlueprintModelProvider.getDocumentModel(document)!;
        expect(model.actors.map(a => [a.id, a.notes])).toEqual([['Clerk', ['Front desk']], ['Core', ['Nightly batch', 'Read-only at noon']], ['Courier', []]]);
        expect(model.personas).toEqual([{ id: 'Ana', label: 'Ana', segment: 'Gold', notes: ['Busy'] }]);
    });

    it('implies the first step as the start when none is marked', async () => {
        const document = await check('blueprint B "B" {\n    customer A "A" via branch { evidence "x" }\n    frontstage F "F" { end }\n    flow A -> F\n}\n');
        const model = Blueprint.model.BlueprintModelProvider.getDocumentModel(document)!;
        expect(model.steps.map(s => s.start)).toEqual([true, false]);
        expect(document.diagnostics).toEqual([]);
    });
});

describe('names', () => {
    it('are unique per kind: a stage may share its name with a step, two steps may not', async () => {
        const ok = await check('blueprint B "B" {\n    stage Pay "Pay"\n    customer Pay "Pay" in Pay via store { evidence "x" start end }\n}\n');
        expect(ok.diagnostics).toEqual([]);
        const clash = await check('blueprint B "B" {\n    actor Pay "Pay"\n    system Pay "Till"\n    customer A "A" by Pay via store { evidence "x" start end }\n}\n');
        expect(clash.diagnostics!.map(d => d.code)).toEqual(['BP001']);
    });
});
