/**
 * The snippets parse as JSON, and each one, expanded with its default placeholder values, is valid
 * Blueprint: no syntax or reference errors.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createBlueprintServices } from '@blueprint/language';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { validateText } from '../helpers/validate-text.js';

interface Snippet { prefix: string; description: string; body: string[] }
const snippets = JSON.parse(readFileSync(fileURLToPath(new URL('../../packages/extension/snippets/blueprint.json', import.meta.url)), 'utf8')) as Record<string, Snippet>;

/** Expands a snippet the way VS Code does when every placeholder keeps its default (first choice). */
export function expandSnippet(body: string[]): string {
    let text = body.join('\n');
    const values = new Map<string, string>();
    // Innermost placeholders first, so `${3: in ${4:Stage}}` becomes ` in Stage`.
    for (let previous = ''; previous !== text;) {
        previous = text;
        text = text
            .replace(/\$\{(\d+)\|([^,|}]*)[^}]*\|\}/g, (_, index: string, first: string) => { values.set(index, first); return first; })
            .replace(/\$\{(\d+):([^${}]*)\}/g, (_, index: string, value: string) => { values.set(index, value); return value; });
    }
    return text.replace(/\$(\d+)/g, (_, index: string) => values.get(index) ?? '').replace(/\t/g, '    ');
}

/** Places a snippet where it is meant to be written: top level, inside a blueprint, or inside a step body. */
function inContext(name: string, expanded: string): string {
    const declarations = 'stage Stage "Stage"\n    actor Clerk "Clerk"\n';
    const steps = 'customer Id "Start" in Stage via branch { evidence "Sign" start }\n    customer Step "Step" via branch { evidence "Sign" }\n'
        + '    frontstage First "First" by Clerk { }\n    frontstage Second "Second" by Clerk { }\n    frontstage Third "Third" by Clerk { end }\n';
    if (name === 'Blueprint skeleton') return expanded;
    if (name === 'Wait point') return `blueprint B "B" {\n    ${declarations}    customer W "Wait" in Stage {\n        ${expanded}\n    }\n}\n`;
    if (name === 'Customer step' || name === 'Step with fail point') return `blueprint B "B" {\n    ${declarations}    ${expanded}\n}\n`;
    return `blueprint B "B" {\n    ${declarations}    ${steps}    ${expanded}\n}\n`;
}

describe('snippets', () => {
    const services = createBlueprintServices(EmptyFileSystem).Blueprint;

    it('covers the brief: skeleton, customer step, fail point, wait point, metric and flow chain', () => {
        expect(Object.keys(snippets).sort()).toEqual(['Blueprint skeleton', 'Customer step', 'Flow chain', 'Metric', 'Step with fail point', 'Wait point']);
        for (const [name, snippet] of Object.entries(snippets)) {
            expect(snippet.prefix, name).toMatch(/^[a-z]+$/);
            expect(snippet.description, name).toMatch(/\S/);
            expect(Array.isArray(snippet.body) && snippet.body.length > 0, name).toBe(true);
        }
    });

    it('expands placeholders, choices and mirrors', () => {
        expect(expandSnippet(['a ${1:X} ${2|p,q|} $1 ${3: in ${4:S}}$0'])).toBe('a X p X  in S');
    });

    for (const [name, snippet] of Object.entries(snippets)) {
        it(`expands "${name}" to valid Blueprint`, async () => {
            const text = inContext(name, expandSnippet(snippet.body));
            const document = await validateText(services, text, URI.parse(`memory:///snippet-${snippet.prefix}.blueprint`));
            const errors = [
                ...document.parseResult.lexerErrors.map(error => error.message),
                ...document.parseResult.parserErrors.map(error => error.message),
                ...(document.diagnostics ?? []).filter(diagnostic => diagnostic.severity === 1).map(diagnostic => `${diagnostic.code}: ${diagnostic.message}`)
            ];
            expect(errors, text).toEqual([]);
        });
    }
});
