/**
 * The validator looks the checks of each node type up once for all documents, not per document;
 * a check registered after documents were validated still runs on the next validation.
 */
import type { ast } from '@blueprint/language';
import { describe, expect, test } from 'vitest';
import { validateText } from '../helpers/validate-text.js';
import { createServices, freshUri } from './lsp/helpers.js';

const TEXT = `blueprint Late "Late" {
    customer Ask "Ask" { evidence "Form" start }
    frontstage Answer "Answer" { end }
    flow Ask -> Answer
}
`;

describe('the checks of a node type', () => {
    test('a check registered after a validation runs on the next one', async () => {
        const services = createServices();
        const codes = async () => ((await validateText(services, TEXT, freshUri('late'))).diagnostics ?? []).map(d => `${d.code} ${d.range.start.line}`);
        const before = await codes();
        expect(before.filter(code => code.startsWith('late-check'))).toEqual([]);
        services.validation.ValidationRegistry.register<ast.BlueprintAstType>({
            Step: (step, accept) => accept('hint', `late check on ${step.name}`, { node: step, property: 'name', code: 'late-check' })
        });
        expect(await codes()).toEqual([...before, 'late-check 1', 'late-check 2']);
    });
});
