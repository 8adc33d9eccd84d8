/**
 * examples/invalid: each file makes the rule in its name fire, at the text the rule is about, and the
 * same file corrected no longer does. Together the files cover every rule of the catalog.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_RULES, createBlueprintServices, loadAndValidate, type BlueprintServices } from '@blueprint/language';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateText } from '../helpers/validate-text.js';

const DIR = fileURLToPath(new URL('../../examples/invalid/', import.meta.url));
const files = readdirSync(DIR).filter(name => name.endsWith('.blueprint')).sort();

/** Per rule: the text the diagnostic must cover, and the edit that corrects the file. */
const CASES: Record<string, { file: string; covers: string; severity: 1 | 2 | 3; fix: Array<[string, string]> }> = {
    BP000: { file: 'BP000-syntax', covers: 'flow', severity: 1, fix: [['        start\n    flow Ask ->', '        start\n        end\n    }']] },
    BP001: { file: 'BP001-unique-names', covers: 'Pay', severity: 1, fix: [['frontstage Pay', 'frontstage TakePayment'], ['flow Pay -> Pay', 'flow Pay -> TakePayment']] },
    BP002: { file: 'BP002-resolved-references', covers: 'Cashier', severity: 1, fix: [[' by Cashier', ''], [' -> Leave', '']] },
    BP003: { file: 'BP003-import-exists', covers: '"shared/does-not-exist.blueprint"', severity: 1, fix: [['import "shared/does-not-exist.blueprint"', '']] },
    BP005: { file: 'BP005-lane-order', covers: 'lanes', severity: 2, fix: [['backstage, frontstage', 'frontstage, backstage']] },
    BP006: { file: 'BP006-starts-with-customer', covers: 'Prepare', severity: 2, fix: [['        start\n    }\n    frontstage Send', '    }\n    frontstage Send'], ['flow Prepare -> Send -> Read', 'flow Prepare -> Send -> Read\n    customer Order "Order the mailing" via web { evidence "Order form" start }\n    flow Order -> Send\n    flow Send ~> Prepare']] },
    BP007: { file: 'BP007-no-customer-to-backstage', covers: '-> Assess', severity: 1, fix: [['flow Submit -> Assess', 'frontstage Receive "Receive the form" via branch\n    flow Submit -> Receive -> Assess']] },
    BP008: { file: 'BP008-touchpoint-evidence', covers: 'Ask', severity: 2, fix: [['via branch {', 'via branch {\n        evidence "Help desk sign"']] },
    BP009: { file: 'BP009-fail-point-remedy', covers: 'fail', severity: 2, fix: [['fail "Card swallowed"', 'fail "Card swallowed" recovery "Call the hotline to get it back"']] },
    BP010: { file: 'BP010-wait-expected-time', covers: 'wait', severity: 2, fix: [['wait tolerance 10 min', 'wait 5 min tolerance 10 min']] },
    BP011: { file: 'BP011-wait-within-tolerance', covers: '20 min', severity: 2, fix: [['wait 20 min', 'wait 10 min']] },
    BP012: { file: 'BP012-moment-customer-visible', covers: 'moment', severity: 2, fix: [['        moment "The decision"\n', '']] },
    BP013: { file: 'BP013-metric-target', covers: '120', severity: 1, fix: [['>= 120 %', '>= 85 %'], ['target 15 s', 'target <= 15 s']] },
    BP014: { file: 'BP014-time-unit', covers: '30', severity: 1, fix: [['duration 30\n', 'duration 30 s\n'], ['2 fortnights', '2 min']] },
    BP015: { file: 'BP015-reachable-steps', covers: 'Archive', severity: 2, fix: [['flow Hand -> Count', 'flow Hand -> Count ~> Archive']] },
    BP016: { file: 'BP016-no-dead-ends', covers: 'Count', severity: 2, fix: [['frontstage Count "Count the cash"', 'frontstage Count "Count the cash" { end }']] },
    BP017: { file: 'BP017-escalation-returns', covers: '=> SecondLine', severity: 2, fix: [['        end\n    }\n    flow', '    }\n    frontstage CallBack "Call back with the answer" via hotline\n    customer Hear "Hear the answer" { evidence "Letter" end }\n    flow SecondLine -> CallBack -> Hear\n    flow']] },
    BP018: { file: 'BP018-self-service-no-employee', covers: 'Teller', severity: 2, fix: [['by Teller via atm', 'via atm']] },
    BP019: { file: 'BP019-single-clause', covers: 'Leave', severity: 1, fix: [[' in Leave', ''], [' via app', '']] },
    BP020: { file: 'BP020-one-blueprint-per-file', covers: 'Second', severity: 1, fix: [['blueprint Second', 'segment Second "Second"\nblueprint Other'], [/\nblueprint Other[\s\S]*$/.source, '']] },
    BP021: { file: 'BP021-evidence-placement', covers: 'evidence "Print queue"', severity: 2, fix: [['        evidence "Print queue"\n', '']] },
    BP022: { file: 'BP022-no-self-flow', covers: '-> Try', severity: 2, fix: [['flow Try -> Try -> Check', 'flow Try -> Check']] },
    BP023: { file: 'BP023-single-property', covers: 'duration', severity: 2, fix: [['        duration 2 min\n', '']] },
    BP024: { file: 'BP024-process-within-tolerance', covers: 'tolerance 10 min', severity: 2, fix: [['tolerance 10 min\n', 'tolerance 20 min\n']] },
    BP025: { file: 'BP025-moment-fail-recovery', covers: 'fail', severity: 2, fix: [['prevention "Scripted, unhurried greeting"', 'prevention "Scripted, unhurried greeting" recovery "Team lead calls back the same day"']] },
    BP026: { file: 'BP026-recovery-reachable', covers: 'Strip', severity: 2, fix: [['flow Strip -> Pay', 'flow Polish -> Strip -> Pay']] },
    BP027: { file: 'BP027-decision-shares', covers: 'Answer', severity: 1, fix: [['-> Ticket 10 %', '-> Ticket 5 %']] },
    BP028: { file: 'BP028-parallel-joins', covers: 'Post', severity: 2, fix: [['flow Post ~> Archive', 'flow Post ~> Archive ~> Return']] },
    BP029: { file: 'BP029-poka-yoke-type', covers: 'reminder', severity: 2, fix: [['poka-yoke reminder', 'poka-yoke preparation']] },
    BP030: { file: 'BP030-remote-contact-backstage', covers: '-> Take', severity: 3, fix: [['backstage Take', 'frontstage Take']] },
    BP031: { file: 'BP031-decision-exclusive', covers: 'Brew', severity: 2, fix: [['flow Take ~> Brew', 'parallel Take "Start the coffee while the customer pays" {\n        ~> Brew\n    }']] },
    BP032: { file: 'BP032-empty-file', covers: '', severity: 2, fix: [['// render says there is nothing to draw.', 'stage Visit "Visit"']] }
};

let services: BlueprintServices;
const documents = new Map<string, LangiumDocument>();

beforeAll(async () => {
    services = createBlueprintServices({ ...NodeFileSystem }).Blueprint;
    const loaded = await loadAndValidate(services, files.map(file => URI.file(join(DIR, file))));
    loaded.documents.forEach((document, index) => documents.set(files[index], document));
});

function applyFix(text: string, fix: Array<[string, string]>): string {
    let result = text;
    for (const [from, to] of fix) {
        const pattern = from.startsWith('\\n') ? new RegExp(from) : undefined;
        if (!pattern && !result.includes(from)) throw new Error(`fix text not found: ${from}`);
        result = pattern ? result.replace(pattern, to) : result.replace(from, to);
    }
    return result;
}

describe('examples/invalid', () => {
    it('covers every rule of the catalog', () => {
        const fired = new Set([...documents.values()].flatMap(d => (d.diagnostics ?? []).map(x => String(x.code))));
        for (const rule of ALL_RULES) expect(fired, rule.id).toContain(rule.id);
    });

    it('has a file for each rule, named after it', () => {
        for (const rule of ALL_RULES) expect(files.some(file => file.startsWith(rule.id)), rule.id).toBe(true);
    });

    it.each(files)('%s makes the rule in its name fire', file => {
        const rule = file.slice(0, 5);
        const codes = (documents.get(file)!.diagnostics ?? []).map(d => d.code);
        expect(codes).toContain(rule);
    });

    describe.each(Object.entries(CASES))('%s', (rule, spec) => {
        it('fires with its default severity on the offending text', () => {
            const document = documents.get(`${spec.file}.blueprint`)!;
            const diagnostic = (document.diagnostics ?? []).find(d => d.code === rule);
            expect(diagnostic, `${rule} in ${spec.file}`).toBeDefined();
            expect(diagnostic!.severity).toBe(spec.severity);
            expect(document.textDocument.getText(diagnostic!.range)).toBe(spec.covers);
        });

        it('does not fire once the file is corrected', async () => {
            const text = applyFix(readFileSync(join(DIR, `${spec.file}.blueprint`), 'utf8'), spec.fix);
            const memory = createBlueprintServices({ ...EmptyFileSystem }).Blueprint;
            const document = await validateText(memory, text, URI.parse(`memory:///fixed-${rule}.blueprint`));
            expect((document.diagnostics ?? []).filter(d => d.code === rule).map(d => d.message)).toEqual([]);
        });
    });

    it('BP004 reports the cycle on both files with the path of the cycle', () => {
        for (const file of ['BP004-import-cycle-a.blueprint', 'BP004-import-cycle-b.blueprint']) {
            const diagnostic = documents.get(file)!.diagnostics!.find(d => d.code === 'BP004')!;
            expect(diagnostic.message).toMatch(/Import cycle: BP004-import-cycle-(a|b)\.blueprint → BP004-import-cycle-(a|b)\.blueprint → /);
        }
    });
});
