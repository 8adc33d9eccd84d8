/** Quoted strings become the values Langium's converter gives: escapes replaced, nothing else changed. */
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { createBlueprintCoreServices } from '@blueprint/language';
import { validateText } from '../helpers/validate-text.js';

async function labels(text: string): Promise<string[]> {
    const { Blueprint } = createBlueprintCoreServices({ ...EmptyFileSystem }, { batch: true });
    const document = await validateText(Blueprint, text, URI.parse('memory:///strings.blueprint'));
    return Blueprint.model.BlueprintModelProvider.getDocumentModel(document)!.steps.map(step => step.label);
}

describe('quoted labels', () => {
    test('a long label without escapes is its text; escapes in double and single quotes are replaced', async () => {
        const long = 'Customer arrives at the counter with a request for a new passport';
        expect(await labels([
            'blueprint S "Strings" {',
            `    customer A "${long}" { start }`,
            '    customer B "Say \\"hi\\"\\tthen wait \\\\ here" ',
            "    customer C 'It\\'s \\n done \\q' { end }",
            '    flow A -> B -> C',
            '}'
        ].join('\n'))).toEqual([long, 'Say "hi"\tthen wait \\ here', "It's \n done q"]);
    });
});
