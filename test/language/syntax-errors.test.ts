/**
 * The syntax mistakes a new user makes (issue 10, point 8): each gives exactly one diagnostic that
 * says what was expected in the words of the language, and where a fix is clear, a quick fix whose
 * edit makes the file valid. No follow-on warnings from the parser's recovery.
 */
import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { applyWorkspaceEdit, createServices, freshUri } from './lsp/helpers.js';
import { validateText } from '../helpers/validate-text.js';

const services = createServices();

/** A valid blueprint; each test breaks one line of it. */
const VALID = `blueprint Shop "Shop" {
    actor Clerk "Clerk"
    customer Ask "Ask for help" via branch {
        evidence "Help desk sign"
        start
    }
    frontstage Answer "Answer" by Clerk via branch {
        duration 2 min
    }
    customer Leave "Leave" {
        evidence "Receipt"
        end
    }
    flow Ask -> Answer -> Leave
}
`;

function broken(from: string, to: string): string {
    expect(VALID).toContain(from);
    return VALID.replace(from, to);
}

async function validate(text: string): Promise<LangiumDocument> {
    return validateText(services, text, freshUri('syntax'));
}

/** The one diagnostic of a text; fails with all of them listed when there are more. */
async function onlyDiagnostic(text: string): Promise<{ document: LangiumDocument; diagnostic: Diagnostic }> {
    const document = await validate(text);
    const diagnostics = document.diagnostics ?? [];
    expect(diagnostics.map(d => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`)).toHaveLength(1);
    return { document, diagnostic: diagnostics[0] };
}

async function quickFixes(document: LangiumDocument, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return await services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] }
    }) as CodeAction[];
}

/** Applies the preferred fix and checks that the result is the valid text and validates cleanly. */
async function expectPreferredFixRestores(document: LangiumDocument, diagnostic: Diagnostic, title: string, expected: string): Promise<void> {
    const actions = await quickFixes(document, diagnostic);
    const preferred = actions.find(action => action.isPreferred);
    expect(preferred?.title).toBe(title);
    const fixed = applyWorkspaceEdit(document, preferred!.edit!);
    expect(fixed).toBe(expected);
    expect((await validate(fixed)).diagnostics ?? []).toEqual([]);
}

describe('syntax mistakes give one actionable diagnostic', () => {
    it('the valid text has no diagnostics', async () => {
        expect((await validate(VALID)).diagnostics ?? []).toEqual([]);
    });

    it('a keyword where a name is expected: `via phone` suggests the built-in phone channel', async () => {
        const text = broken('frontstage Answer "Answer" by Clerk via branch', 'frontstage Answer "Answer" by Clerk via phone');
        const { document, diagnostic } = await onlyDiagnostic(text);
        expect(diagnostic.code).toBe('BP000');
        expect(diagnostic.message).toBe(`'phone' is a keyword (a channel's distance), not a channel name. Use the built-in phone channel 'hotline' (or 'ivr'), or declare your own: channel MyPhone "…" phone.`);
        expect(document.textDocument.getText(diagnostic.range)).toBe('phone');
        await expectPreferredFixRestores(document, diagnostic, "Use the built-in channel 'hotline'",
            text.replace('via phone', 'via hotline'));
    });

    it('a keyword as a step name: says so and offers a name that is not one', async () => {
        const text = broken('customer Leave "Leave"', 'customer end "Leave"').replace('-> Leave', '-> End');
        const { document, diagnostic } = await onlyDiagnostic(text);
        expect(diagnostic.message).toBe(`'end' is a keyword of the language, so it cannot be a step name. Use another name such as 'End' (names are case-sensitive), or put the words in the label in quotes.`);
        await expectPreferredFixRestores(document, diagnostic, "Rename to 'End'", text.replace('customer end', 'customer End'));
    });

    it('an unknown property lists the properties allowed there', async () => {
        const { document, diagnostic } = await onlyDiagnostic(broken('        duration 2 min', '        owner "Bob"'));
        expect(diagnostic.message).toBe(`'owner' is not a property of a step. A step can hold: evidence, duration, wait, fail, moment, emotion, note, policy, start, end, independent.`);
        expect(await quickFixes(document, diagnostic)).toEqual([]);
    });

    it('words from the literature or the step header in a step body: says where they go', async () => {
        const remedy = await onlyDiagnostic(broken('        duration 2 min', '        fail "Card swallowed" remedy "Call the hotline"'));
        expect(remedy.diagnostic.message).toBe(`'remedy' is not a property of a step: a fail point's remedies follow its cause, as \`prevention "…"\` (keeps the failure from happening) or \`recovery "…"\` (puts it right): fail "Card swallowed" prevention "…" recovery "…".`);
        const rate = await onlyDiagnostic(broken('        duration 2 min', '        fail "Card swallowed" recovery "Call the hotline" rate 2 %'));
        expect(rate.diagnostic.message).toContain(`'rate' is not a property of a step: the failure rate comes right after the fail point's cause`);
        const by = await onlyDiagnostic(broken('        duration 2 min', '        by Teller'));
        expect(by.diagnostic.message).toContain(`'by' belongs in the step's header, after its label`);
    });

    it('a misspelt property: did you mean, with the list, and the fix', async () => {
        const { document, diagnostic } = await onlyDiagnostic(broken('        duration 2 min', '        duraton 2 min'));
        expect(diagnostic.message).toBe(`'duraton' is not a property of a step; did you mean 'duration'? A step can hold: evidence, duration, wait, fail, moment, emotion, note, policy, start, end, independent.`);
        await expectPreferredFixRestores(document, diagnostic, "Change to 'duration'", VALID);
    });

    it('an unknown word in an actor\'s body lists what an actor holds', async () => {
        const { diagnostic } = await onlyDiagnostic(broken('actor Clerk "Clerk"', 'actor Clerk "Clerk" { role "Front desk" }'));
        expect(diagnostic.message).toBe(`'role' is not a property of an actor. An actor can hold: note.`);
    });

    it('a body never closed: the next member is named, and the fix closes the body', async () => {
        const text = broken('        end\n    }\n    flow', '        end\n    flow');
        const { document, diagnostic } = await onlyDiagnostic(text);
        expect(diagnostic.message).toBe("The step's body is not closed: 'flow' starts the next entry of the blueprint. Add '}' before it.");
        await expectPreferredFixRestores(document, diagnostic, "Close the step with '}'", VALID);
    });

    it('a misspelt keyword at the start of a member: did you mean, and the fix', async () => {
        const text = broken('    customer Leave "Leave" {', '    custmer Leave "Leave" {');
        const { document, diagnostic } = await onlyDiagnostic(text);
        expect(diagnostic.message).toMatch(/^'custmer' does not start anything a blueprint holds; did you mean 'customer'\? A blueprint can hold: actor, system, stage, channel, segment, persona, lane, customer, frontstage, backstage, support, evidence, flow, decision, parallel, metric, /);
        await expectPreferredFixRestores(document, diagnostic, "Change to 'customer'", VALID);
    });

    it('a misspelt clause keyword after a step: did you mean, without a misleading list', async () => {
        const text = broken('"Answer" by Clerk via branch', '"Answer" by Clerk vai branch');
        const { document, diagnostic } = await onlyDiagnostic(text);
        expect(diagnostic.message).toBe(`Unexpected 'vai'; did you mean 'via'?`);
        await expectPreferredFixRestores(document, diagnostic, "Change to 'via'", VALID);
    });

    it('a standard lane relabelled without quotes: asks for a label in quotes', async () => {
        const text = broken('    actor Clerk "Clerk"\n', '    actor Clerk "Clerk"\n    lane frontstage Onstage\n');
        const { document, diagnostic } = await onlyDiagnostic(text);
        expect(diagnostic.message).toBe(`'lane frontstage' renames the frontstage lane and takes its new label in quotes: lane frontstage "Onstage". A step in the lane is written 'frontstage Onstage "…"'.`);
        expect(diagnostic.message).not.toMatch(/Token sequences/i);
        await expectPreferredFixRestores(document, diagnostic, "Put 'Onstage' in quotes", text.replace('lane frontstage Onstage', 'lane frontstage "Onstage"'));
    });

    it('a step without a name: asks for one before the label and offers one made from it', async () => {
        const text = broken('    customer Leave "Leave" {', '    customer "Leave" {');
        const { document, diagnostic } = await onlyDiagnostic(text);
        expect(diagnostic.message).toBe('A step name is expected before the label, e.g. Leave "Leave".');
        await expectPreferredFixRestores(document, diagnostic, "Add the name 'Leave'", VALID);
    });

    it('a number glued to its unit: write them apart', async () => {
        const text = broken('duration 2 min', 'duration 2min');
        const { document, diagnostic } = await onlyDiagnostic(text);
        expect(diagnostic.message).toBe("Write the number and its unit apart: '2 min'.");
        await expectPreferredFixRestores(document, diagnostic, "Write '2 min'", VALID);
    });

    it('a flow without an arrow names the arrows', async () => {
        const { diagnostic } = await onlyDiagnostic(broken('flow Ask -> Answer -> Leave', 'flow Ask Answer -> Leave'));
        expect(diagnostic.message).toBe("Unexpected 'Answer'. Expected '->', '<->', '~>' or '=>'.");
    });

    it('a stray closing brace says where things belong', async () => {
        const { diagnostic } = await onlyDiagnostic(VALID + '}\n');
        expect(diagnostic.message).toMatch(/^Unexpected '\}' after the end of the blueprint: everything belongs inside/);
    });

    it('a brace too many in the middle says the blueprint was closed before what follows', async () => {
        const { diagnostic } = await onlyDiagnostic(broken('        end\n    }\n    flow', '        end\n    }\n    }\n    flow'));
        expect(diagnostic.message).toBe("'flow' belongs inside the blueprint, but a '}' before it already closed the blueprint: look for a '}' too many above this line.");
        expect(diagnostic.range.start.line).toBe(VALID.split('\n').findIndex(line => line.includes('flow Ask')) + 1);
    });

    it('a flow ending in an arrow says so at the arrow, not as a misused keyword on the next line', async () => {
        const text = broken('flow Ask -> Answer -> Leave', 'flow Ask -> Answer ->\n    flow Answer -> Leave');
        const { document, diagnostic } = await onlyDiagnostic(text);
        const line = text.split('\n').findIndex(row => row.includes('flow Ask'));
        expect(diagnostic.message).toBe(`The flow ends in '->' with no step after it: add the step it leads to, or remove the arrow.`);
        expect(diagnostic.range.start).toEqual({ line, character: 23 });
        expect(document.textDocument.getText(diagnostic.range)).toBe('->');
        expect(await quickFixes(document, diagnostic)).toEqual([]);
        // The keyword message stays for a keyword written as a name on the same line.
        const keyword = await onlyDiagnostic(broken('flow Ask -> Answer -> Leave', 'flow Ask -> Answer -> end'));
        expect(keyword.diagnostic.message).toMatch(/^'end' is a keyword of the language, so it cannot be a step name/);
    });

    it('`join` written before a parallel block says it comes after it', async () => {
        const text = broken('    flow Ask -> Answer -> Leave', '    flow Ask -> Answer -> Leave\n    frontstage Note "Note" { end }\n    parallel Answer "Both" join Leave {\n        ~> Leave\n        ~> Note\n    }');
        const { diagnostic } = await onlyDiagnostic(text);
        expect(diagnostic.message).toBe(`'join' comes after the parallel block, not before it: parallel Step "…" { ~> A ~> B } join Meet.`);
    });

    it('an unclosed label says so (a lexer error, in the words of the language)', async () => {
        const { diagnostic } = await onlyDiagnostic(broken('evidence "Receipt"', 'evidence "Receipt'));
        expect(diagnostic.message).toBe('This label is not closed: add the closing " on the same line (a label cannot span lines).');
    });

    it('a right keyword followed by a wrong token points at the token, not the keyword', async () => {
        const { diagnostic } = await onlyDiagnostic(broken('    actor Clerk "Clerk"\n', '    actor Clerk "Clerk"\n    lane 5 "Five"\n'));
        expect(diagnostic.message).toBe("Unexpected '5' after 'lane'.");
    });

    it('an unfinished file reports its one syntax error, no dead ends or unreachable steps', async () => {
        const cut = VALID.slice(0, VALID.indexOf('    frontstage Answer'));
        const { diagnostic } = await onlyDiagnostic(cut);
        expect(diagnostic.code).toBe('BP000');
        expect(diagnostic.message).toMatch(/end of the file/);
    });
});

/**
 * What the editor shows while a line is being typed (newcomer trial 4, finding 2): a clause left
 * unfinished at the end of a line is reported there, on its last word, and not as a keyword misused
 * as a name on the next statement, whose "Rename to 'Flow'" fix would break that statement.
 */
describe('a clause left unfinished at the end of a line', () => {
    const typing = (clause: string) => broken('    flow Ask -> Answer -> Leave', `    ${clause}\n\n    flow Ask -> Answer -> Leave`);
    const clauseLine = VALID.split('\n').findIndex(row => row.includes('flow Ask'));

    async function expectAtClause(clause: string, word: string, message: string): Promise<void> {
        const { document, diagnostic } = await onlyDiagnostic(typing(clause));
        expect(diagnostic.message).toBe(message);
        expect(diagnostic.range.start.line).toBe(clauseLine);
        expect(document.textDocument.getText(diagnostic.range)).toBe(word);
        expect(diagnostic.data).not.toHaveProperty('fix');
        expect(await quickFixes(document, diagnostic)).toEqual([]);
    }

    it('`by`, `via` and `in` with no name: the clause needs its name, no rename of the next keyword', async () => {
        await expectAtClause('frontstage Call "Call back" by ', 'by',
            `'by' needs an actor or system name after it, but the line ends there and 'flow' on line ${clauseLine + 3} starts what follows: add the name, e.g. by Agent, or remove 'by'.`);
        await expectAtClause('frontstage Call "Call back" via ', 'via',
            `'via' needs a channel name after it, but the line ends there and 'flow' on line ${clauseLine + 3} starts what follows: add the name, e.g. via web, or remove 'via'.`);
        await expectAtClause('frontstage Call "Call back" by Clerk in', 'in',
            `'in' needs a stage name after it, but the line ends there and 'flow' on line ${clauseLine + 3} starts what follows: add the name, e.g. in Request, or remove 'in'.`);
    });

    it('`join`, `decision` and `parallel` with no name ask for a step, not a "branching"', async () => {
        await expectAtClause('parallel Answer { ~> Leave } join', 'join',
            `'join' needs a step name after it, but the line ends there and 'flow' on line ${clauseLine + 3} starts what follows: add the name, e.g. join Answer, or remove 'join'.`);
        await expectAtClause('decision', 'decision',
            `'decision' needs a step name after it, but the line ends there and 'flow' on line ${clauseLine + 3} starts what follows: add the name, e.g. decision Answer, or remove 'decision'.`);
    });

    it('a bare lane keyword, or a step without its label', async () => {
        await expectAtClause('frontstage ', 'frontstage',
            `'frontstage' needs a step name after it, but the line ends there and 'flow' on line ${clauseLine + 3} starts what follows: add the name, e.g. frontstage Answer "Answer the call", or remove 'frontstage'.`);
        // Was "A label is expected here … e.g. "flow"" with a fix that put the next statement's keyword in quotes.
        await expectAtClause('frontstage Call', 'Call',
            `A label in quotes is expected after 'Call', e.g. Call "…", but the line ends there and 'flow' on line ${clauseLine + 3} starts what follows.`);
    });

    it('other entries cut short: a flow without its arrow, a remedy\'s `by`, a metric target, a lane', async () => {
        await expectAtClause('flow Leave', 'Leave',
            `Expected '->', '<->', '~>' or '=>' after 'Leave', but the line ends there and 'flow' on line ${clauseLine + 3} starts what follows.`);
        await expectAtClause('metric Fast "Fast" on Answer target', 'target',
            `Expected a number after 'target', but the line ends there and 'flow' on line ${clauseLine + 3} starts what follows.`);
        await expectAtClause('lane', 'lane',
            `Expected a name, 'evidence', 'customer', 'frontstage', 'backstage' or 'support' after 'lane', but the line ends there and 'flow' on line ${clauseLine + 3} starts what follows.`);
        const remedy = broken('        duration 2 min', '        fail "Card swallowed" recovery "Call the hotline" by\n        duration 2 min');
        const { diagnostic } = await onlyDiagnostic(remedy);
        expect(diagnostic.message).toMatch(/^'by' needs a step name after it, but the line ends there and 'duration' on line \d+ starts what follows/);
    });

    it('at the end of the file: the clause needs its name', async () => {
        const text = VALID.slice(0, VALID.indexOf('    flow Ask')) + '    frontstage Call "Call back" by ';
        const { document, diagnostic } = await onlyDiagnostic(text);
        expect(diagnostic.message).toBe(`'by' needs an actor or system name after it, but the file ends there: add the name, e.g. by Agent, or remove 'by'.`);
        expect(document.textDocument.getText(diagnostic.range)).toBe('by');
    });

    it('a keyword written as a name on the same line keeps its message and its rename', async () => {
        const text = typing('frontstage Call "Call back" by flow');
        const { document, diagnostic } = await onlyDiagnostic(text);
        expect(diagnostic.message).toBe(`'flow' is a keyword of the language, so it cannot be an actor or system name. Use another name such as 'Flow' (names are case-sensitive), or put the words in the label in quotes.`);
        expect(document.textDocument.getText(diagnostic.range)).toBe('flow');
        expect((await quickFixes(document, diagnostic)).map(action => action.title)).toEqual(["Rename to 'Flow'"]);
        const step = await onlyDiagnostic(typing('frontstage flow "Call back"'));
        expect(step.diagnostic.message).toMatch(/^'flow' is a keyword of the language, so it cannot be a step name/);
    });
});

/** A label or `loop` in the middle of a flow's chain (newcomer trial 4, finding 12). */
describe('a label in the middle of a flow', () => {
    it('says the label goes at the end, and the fix splits the chain so the label stays on its link', async () => {
        const text = broken('flow Ask -> Answer -> Leave', 'flow Ask -> Answer "الخطوة التالية ➡️" -> Leave');
        const { document, diagnostic } = await onlyDiagnostic(text);
        expect(diagnostic.message).toBe(`A flow's label goes at its end, after its last step, and applies to every link: flow Ask -> Answer -> Leave "الخطوة التالية ➡️".`
            + ` For the link to 'Answer' alone, split the chain into two flows: flow Ask -> Answer "الخطوة التالية ➡️" and flow Answer -> Leave.`);
        expect(document.textDocument.getText(diagnostic.range)).toBe('->');
        await expectPreferredFixRestores(document, diagnostic, "Split the flow after 'Answer'",
            text.replace('"الخطوة التالية ➡️" -> Leave', '"الخطوة التالية ➡️"\n    flow Answer -> Leave'));
    });

    it('a loop, shares and a label after the rest of the chain', async () => {
        const loop = await onlyDiagnostic(broken('flow Ask -> Answer -> Leave', 'flow Ask -> Answer loop 2 times -> Leave'));
        expect(loop.diagnostic.message).toBe(`A flow's 'loop' goes at its end, after its last step, and applies to every link: flow Ask -> Answer -> Leave loop 2 times.`
            + ` For the link to 'Answer' alone, split the chain into two flows: flow Ask -> Answer loop 2 times and flow Answer -> Leave.`);
        // Two labels cannot become one: only the split is offered.
        const two = await onlyDiagnostic(broken('flow Ask -> Answer -> Leave', 'flow Ask -> Answer "Asks" -> Leave "Done"'));
        expect(two.diagnostic.message).toBe(`A flow's label goes at its end, after its last step. For the link to 'Answer' alone, split the chain into two flows: flow Ask -> Answer "Asks" and flow Answer -> Leave "Done".`);
        await expectPreferredFixRestores(two.document, two.diagnostic, "Split the flow after 'Answer'",
            broken('flow Ask -> Answer -> Leave', 'flow Ask -> Answer "Asks"\n    flow Answer -> Leave "Done"'));
    });

    it('an arrow after something else than a flow keeps the list of what a blueprint holds', async () => {
        const { diagnostic } = await onlyDiagnostic(broken('    flow Ask -> Answer -> Leave', '    flow Ask -> Answer -> Leave\n    customer Back "Back" -> Leave'));
        expect(diagnostic.message).toMatch(/^'->' does not start anything a blueprint holds\. A blueprint can hold: actor, /);
    });
});

describe('names may start with a digit', () => {
    it('`2차조사` is a name: declared, linked, in the model; numbers with units still parse', async () => {
        const text = broken('    flow Ask -> Answer -> Leave', '    backstage 2차조사 "2차 조사" {\n        duration 95 min\n        end\n    }\n    flow Ask -> Answer -> Leave\n    flow Answer ~> 2차조사')
            .replace('duration 2 min', 'duration 8 min');
        const document = await validate(text);
        expect(document.diagnostics ?? []).toEqual([]);
        const model = services.model.BlueprintModelProvider.getDocumentModel(document)!;
        expect(model.steps.map(step => step.id)).toEqual(['Ask', 'Answer', 'Leave', '2차조사']);
        expect(model.steps.find(step => step.id === '2차조사')?.duration?.seconds).toBe(95 * 60);
        expect(model.flows.map(flow => flow.id)).toContain('Answer->2차조사');
    });

    it('a percentage written without a space stays a number and a percent sign', async () => {
        const document = await validate(broken('    flow Ask -> Answer -> Leave', '    flow Ask -> Answer -> Leave\n    metric Fast "Fast" on Answer target >= 95%'));
        expect(document.diagnostics ?? []).toEqual([]);
        expect(services.model.BlueprintModelProvider.getDocumentModel(document)!.metrics[0].target).toEqual({ comparator: '>=', value: 95, unit: '%' });
    });
});

describe('misspelt references', () => {
    it('`via brnch`: one diagnostic with did you mean, and the preferred fix replaces it', async () => {
        const text = broken('by Clerk via branch', 'by Clerk via brnch');
        const { document, diagnostic } = await onlyDiagnostic(text);
        expect(diagnostic.code).toBe('BP002');
        expect(diagnostic.message).toBe("Could not resolve reference to Channel named 'brnch'. Did you mean 'branch'?");
        const titles = (await quickFixes(document, diagnostic)).map(action => action.title);
        expect(titles).toEqual(["Change to 'branch'", "Declare channel 'brnch'"]);
        await expectPreferredFixRestores(document, diagnostic, "Change to 'branch'", VALID);
    });

    it('a misspelt step in a flow', async () => {
        const text = broken('flow Ask -> Answer -> Leave', 'flow Ask -> Anwser -> Leave');
        const { document, diagnostic } = await onlyDiagnostic(text);
        expect(diagnostic.message).toBe("Could not resolve reference to Step named 'Anwser'. Did you mean 'Answer'?");
        await expectPreferredFixRestores(document, diagnostic, "Change to 'Answer'", VALID);
    });

    it('a name far from every other keeps the plain message and the declaration fix', async () => {
        const { document, diagnostic } = await onlyDiagnostic(broken('by Clerk via', 'by Cashier via'));
        expect(diagnostic.message).toBe("Could not resolve reference to Performer named 'Cashier'.");
        expect((await quickFixes(document, diagnostic)).find(action => action.isPreferred)?.title).toBe("Declare actor 'Cashier'");
    });
});

describe('editor features still work around the new rules', () => {
    async function completionLabels(text: string, line: number, character: number): Promise<string[]> {
        const document = await validate(text);
        const completion = await services.lsp.CompletionProvider!.getCompletion(document, {
            textDocument: { uri: document.uri.toString() }, position: { line, character }
        });
        return completion?.items.map(item => item.label) ?? [];
    }

    it('after `lane`: the standard lanes to relabel and the custom lanes for a step', async () => {
        const labels = await completionLabels('blueprint Shop "Shop" {\n    lane Tools "Tools applied"\n    lane \n}\n', 2, 9);
        expect(labels).toEqual(expect.arrayContaining(['evidence', 'customer', 'frontstage', 'backstage', 'support', 'Tools']));
    });

    it('after `language`: the supported languages', async () => {
        expect(await completionLabels('blueprint Shop "Shop" {\n    language \n}\n', 1, 13)).toEqual(['en', 'zh', 'ja', 'ko']);
    });

    it('completion after `language ` in a blueprint does not fail, and keywords include language and lane', async () => {
        const text = 'blueprint Shop "Shop" {\n    \n}\n';
        const document = await validate(text);
        const completion = await services.lsp.CompletionProvider!.getCompletion(document, {
            textDocument: { uri: document.uri.toString() },
            position: { line: 1, character: 4 }
        });
        const labels = completion?.items.map(item => item.label) ?? [];
        expect(labels).toContain('language');
        expect(labels).toContain('lane');
    });
});
