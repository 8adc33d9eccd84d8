import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { applyWorkspaceEdit, createServices, freshUri } from './helpers.js';
import { validateText } from '../../helpers/validate-text.js';

const services = createServices();

/** A small process that validates cleanly; `steps` and `flows` are spliced in. */
function blueprint(steps: string, flows: string): string {
    return `blueprint Shop "Shop" {
    stage Order "Order"
    actor Clerk "Clerk"
    customer Ask "Ask" in Order {
        evidence "Menu"
        start
    }
    frontstage Take "Take the order" in Order by Clerk
${steps}
    customer Leave "Leave" {
        evidence "Receipt"
        end
    }
    flow Ask -> Take
${flows}
}
`;
}

async function validate(text: string): Promise<LangiumDocument> {
    return validateText(services, text, freshUri('fix'));
}

function withCode(document: LangiumDocument, code: string): Diagnostic[] {
    return (document.diagnostics ?? []).filter(d => d.code === code);
}

/** Validates, finds the one diagnostic of the rule, applies the preferred (or named) fix, re-validates. */
async function fix(text: string, code: string, title?: RegExp): Promise<{ before: LangiumDocument; after: LangiumDocument; fixed: string; actions: CodeAction[] }> {
    const before = await validate(text);
    const diagnostics = withCode(before, code);
    expect(diagnostics, `expected one ${code} in:\n${text}\n${JSON.stringify(before.diagnostics, undefined, 1)}`).toHaveLength(1);
    const actions = await services.lsp.CodeActionProvider!.getCodeActions(before, {
        textDocument: { uri: before.uri.toString() },
        range: diagnostics[0].range,
        context: { diagnostics }
    }) as CodeAction[];
    const action = title ? actions.find(a => title.test(a.title)) : actions.find(a => a.isPreferred);
    expect(action, `no fix for ${code}`).toBeDefined();
    const fixed = applyWorkspaceEdit(before, action!.edit!);
    const after = await validate(fixed);
    return { before, after, fixed, actions };
}

function errorsOf(document: LangiumDocument): string[] {
    return (document.diagnostics ?? []).filter(d => d.severity === 1).map(d => `${d.code}: ${d.message}`);
}

describe('quick fixes', () => {
    it('BP009 adds a recovery (or a prevention) to a fail point', async () => {
        const text = blueprint('    customer Wait "Wait" {\n        fail "Long queue"\n    }', '    flow Take -> Wait -> Leave');
        const { after, fixed, actions } = await fix(text, 'BP009');
        expect(fixed).toContain('fail "Long queue" recovery "');
        expect(withCode(after, 'BP009')).toEqual([]);
        expect(actions.map(a => a.title)).toContain('Add a prevention to the fail point');
        const prevention = await fix(text, 'BP009', /prevention/);
        expect(withCode(prevention.after, 'BP009')).toEqual([]);
    });

    it('BP008 adds evidence into an existing body', async () => {
        const text = blueprint('    customer Pay "Pay" via store {\n        duration 1 min\n    }', '    flow Take -> Pay -> Leave');
        const { after, fixed } = await fix(text, 'BP008');
        expect(fixed).toContain('customer Pay "Pay" via store {\n        evidence "');
        expect(withCode(after, 'BP008')).toEqual([]);
        expect(errorsOf(after)).toEqual([]);
    });

    it('BP008 creates a body when the touchpoint has none', async () => {
        const text = blueprint('    customer Pay "Pay" via store', '    flow Take -> Pay -> Leave');
        const { after, fixed } = await fix(text, 'BP008');
        expect(fixed).toMatch(/customer Pay "Pay" via store \{\n {8}evidence "[^"]+"\n {4}\}/);
        expect(withCode(after, 'BP008')).toEqual([]);
        expect(errorsOf(after)).toEqual([]);
    });

    it('BP010 adds an expected time to a wait', async () => {
        const text = blueprint('    customer Wait "Wait" {\n        wait tolerance 10 min\n    }', '    flow Take -> Wait -> Leave');
        const { after, fixed } = await fix(text, 'BP010');
        expect(fixed).toContain('wait 10 min tolerance 10 min');
        expect(withCode(after, 'BP010')).toEqual([]);
        expect(withCode(after, 'BP011')).toEqual([]);
    });

    it('BP011 raises the tolerance to the expected wait', async () => {
        const text = blueprint('    customer Wait "Wait" {\n        wait 20 min tolerance 10 min\n    }', '    flow Take -> Wait -> Leave');
        const { after, fixed } = await fix(text, 'BP011');
        expect(fixed).toContain('wait 20 min tolerance 20 min');
        expect(withCode(after, 'BP011')).toEqual([]);
    });

    it('BP002 declares a missing actor, system, stage, segment or channel', async () => {
        const cases: Array<[string, string, RegExp | undefined]> = [
            ['by Cashier', 'actor Cashier "Cashier"', undefined],
            ['by Till', 'system Till "Till"', /system/],
            ['in Paying', 'stage Paying "Paying"', undefined],
            ['for Gold', 'segment Gold "Gold"', undefined],
            // kiosk2 is one edit from the built-in kiosk, so "Change to 'kiosk'" is preferred; declaring stays on offer
            ['via kiosk2', 'channel kiosk2 "kiosk2"', /Declare channel/]
        ];
        for (const [clause, declaration, title] of cases) {
            const text = blueprint(`    frontstage Pay "Pay" ${clause}`, '    flow Take -> Pay -> Leave');
            const { after, fixed } = await fix(text, 'BP002', title);
            expect(fixed).toContain(`    actor Clerk "Clerk"\n    ${declaration}`);
            expect(withCode(after, 'BP002')).toEqual([]);
        }
    });

    it('BP003 changes a missing import to the file beside it with the closest name', async () => {
        const uri = freshUri('fix');
        const files = { 'shared-actors.blueprint': 'actor Courier "Courier"\n' };
        const text = 'import "shared-actor"\n' + blueprint('    frontstage Pack "Pack" by Courier', '    flow Take -> Pack -> Leave');
        const before = await validateText(services, text, uri, files);
        const diagnostics = withCode(before, 'BP003');
        expect(diagnostics).toHaveLength(1);
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(before, {
            textDocument: { uri: uri.toString() }, range: diagnostics[0].range, context: { diagnostics }
        }) as CodeAction[];
        expect(actions.map(action => [action.title, action.isPreferred])).toEqual([["Change to 'shared-actors'", true]]);
        const fixed = applyWorkspaceEdit(before, actions[0].edit!);
        expect(fixed.split('\n')[0]).toBe('import "shared-actors"');
        expect(errorsOf(await validateText(services, fixed, uri, files))).toEqual([]);
    });

    it('BP016 marks a dead end `end`, with or without a body', async () => {
        const withBody = blueprint('    frontstage Pay "Pay" {\n        duration 1 min\n    }', '    flow Take -> Pay');
        const first = await fix(withBody, 'BP016');
        expect(first.fixed).toContain('        duration 1 min\n        end\n    }');
        expect(withCode(first.after, 'BP016')).toEqual([]);
        const withoutBody = blueprint('    frontstage Pay "Pay"', '    flow Take -> Pay');
        const second = await fix(withoutBody, 'BP016');
        expect(second.fixed).toContain('    frontstage Pay "Pay" {\n        end\n    }');
        expect(withCode(second.after, 'BP016')).toEqual([]);
    });

    it('BP007 moves the hidden step to the frontstage lane', async () => {
        const text = blueprint('    backstage Check "Check"', '    flow Ask -> Check -> Take -> Leave');
        const { after, fixed } = await fix(text, 'BP007');
        expect(fixed).toContain('frontstage Check "Check"');
        expect(withCode(after, 'BP007')).toEqual([]);
    });

    it('BP014 adds min to a bare number and replaces an unknown unit', async () => {
        const bare = await fix(blueprint('    frontstage Pay "Pay" {\n        duration 3\n    }', '    flow Take -> Pay -> Leave'), 'BP014');
        expect(bare.fixed).toContain('duration 3 min');
        expect(withCode(bare.after, 'BP014')).toEqual([]);
        const unknown = await fix(blueprint('    frontstage Pay "Pay" {\n        duration 3 fortnights\n    }', '    flow Take -> Pay -> Leave'), 'BP014');
        expect(unknown.fixed).toContain('duration 3 min');
        expect(withCode(unknown.after, 'BP014')).toEqual([]);
    });

    it('offers nothing for diagnostics without a fix', async () => {
        const document = await validate(blueprint('', '    flow Take -> Take -> Leave'));
        const diagnostics = withCode(document, 'BP022');
        expect(diagnostics).toHaveLength(1);
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostics[0].range, context: { diagnostics }
        });
        expect(actions).toEqual([]);
    });
});

describe('source.fixAll.blueprint', () => {
    const waits = (toleranceOfSecond: string) => blueprint(`    customer Queue "Queue" {
        wait tolerance 10 min
    }
    customer Queue2 "Queue again" {
        wait${toleranceOfSecond}
    }`, '    flow Take -> Queue -> Queue2 -> Leave');

    async function fixAll(document: LangiumDocument): Promise<CodeAction[]> {
        return await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() },
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            context: { diagnostics: [], only: ['source.fixAll'] }
        }) as CodeAction[];
    }

    it('applies only the fixes that restate the file: a wait gets its own tolerance as expected time', async () => {
        const document = await validate(waits(''));
        expect(withCode(document, 'BP010')).toHaveLength(2);
        const [action] = await fixAll(document);
        expect(action.kind).toBe('source.fixAll.blueprint');
        const after = await validate(applyWorkspaceEdit(document, action.edit!));
        expect(after.textDocument.getText()).toContain('wait 10 min tolerance 10 min');
        // The wait without a tolerance needs a decision: left for a person (the quick fix suggests one).
        expect(withCode(after, 'BP010')).toHaveLength(1);
        expect(await fixAll(after)).toEqual([]);
    });

    it('offers no quick fixes when only source actions are asked for, and no source action otherwise', async () => {
        const document = await validate(waits(' tolerance 3 min'));
        const diagnostics = withCode(document, 'BP010');
        const quickFixes = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostics[0].range, context: { diagnostics }
        }) as CodeAction[];
        expect(quickFixes.map(a => a.kind)).not.toContain('source.fixAll.blueprint');
        expect(quickFixes.length).toBeGreaterThan(0);
        const sourceOnly = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostics[0].range, context: { diagnostics, only: ['source.organizeImports'] }
        });
        expect(sourceOnly).toEqual([]);
    });
});

describe('BP027: shares that do not add up to 100 %', () => {
    const decision = (shares: [string, string, string]) => blueprint(`    frontstage Pack "Pack to take away" in Order by Clerk
    frontstage Serve "Serve at the table" in Order by Clerk
    frontstage Deliver "Deliver" in Order by Clerk`, `    decision Take "Where is it eaten?" {
        -> Pack ${shares[0]} "Take away"
        -> Serve ${shares[1]}
        -> Deliver ${shares[2]}
    }
    flow Pack -> Leave
    flow Serve -> Leave
    flow Deliver -> Leave`);

    it('scales a decision block\'s shares to 100 %, keeping their proportions (60/30/30 → 50/25/25)', async () => {
        const { fixed, after, actions } = await fixed27(decision(['60 %', '30 %', '30 %']), /^Scale/);
        expect(actions.map(action => action.title)).toEqual(['Scale the shares to 100 % (50 % / 25 % / 25 %)', 'Set the last share to the remainder, 10 %']);
        expect(actions[0].isPreferred).toBe(true);
        expect(fixed).toContain('-> Pack 50 % "Take away"');
        expect(fixed).toContain('-> Serve 25 %');
        expect(fixed).toContain('-> Deliver 25 %');
        expect(withCode(after, 'BP027')).toEqual([]);
    });

    it('rounds to a tenth and lets the last share take the rest, so the sum is exactly 100 (1/1/1 % → 33.3/33.3/33.4)', async () => {
        const { fixed, after } = await fixed27(decision(['1 %', '1 %', '1 %']), /^Scale/);
        expect(fixed).toContain('-> Pack 33.3 %');
        expect(fixed).toContain('-> Serve 33.3 %');
        expect(fixed).toContain('-> Deliver 33.4 %');
        expect(withCode(after, 'BP027')).toEqual([]);
    });

    it('offers the remainder for the last share when the others leave room (70 + 20 + 5 → last 10 %)', async () => {
        const { fixed, after, actions } = await fixed27(decision(['70 %', '20 %', '5 %']), /remainder/);
        expect(actions.map(action => action.title)).toContain('Set the last share to the remainder, 10 %');
        expect(fixed).toContain('-> Deliver 10 %');
        expect(fixed).toContain('-> Pack 70 %');
        expect(withCode(after, 'BP027')).toEqual([]);
    });

    it('fixes shares written on the flows out of one step', async () => {
        const text = blueprint(`    frontstage Pack "Pack to take away" in Order by Clerk
    frontstage Serve "Serve at the table" in Order by Clerk`, `    flow Take -> Pack 90 %
    flow Take -> Serve 20 %
    flow Pack -> Leave
    flow Serve -> Leave`);
        const { fixed, after } = await fixed27(text, /^Scale/);
        expect(fixed).toContain('flow Take -> Pack 81.8 %');
        expect(fixed).toContain('flow Take -> Serve 18.2 %');
        expect(withCode(after, 'BP027')).toEqual([]);
    });

    it('offers nothing for weights mixed with percentages or a parallel branch with a share', async () => {
        const document = await validate(decision(['60 %', '3', '30 %']));
        const diagnostics = withCode(document, 'BP027');
        expect(diagnostics.length).toBeGreaterThan(0);
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostics[0].range, context: { diagnostics }
        });
        expect(actions).toEqual([]);
    });

    async function fixed27(text: string, title: RegExp) {
        const before = await validate(text);
        const diagnostics = withCode(before, 'BP027');
        expect(diagnostics, JSON.stringify(before.diagnostics?.map(d => d.message))).toHaveLength(1);
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(before, {
            textDocument: { uri: before.uri.toString() }, range: diagnostics[0].range, context: { diagnostics }
        }) as CodeAction[];
        const action = actions.find(a => title.test(a.title));
        expect(action, actions.map(a => a.title).join('; ')).toBeDefined();
        const fixed = applyWorkspaceEdit(before, action!.edit!);
        return { fixed, after: await validate(fixed), actions };
    }
});
