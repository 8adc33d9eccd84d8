/**
 * Quoted strings without a string per character. Langium's `convertString` appends the characters
 * of a label one by one, and V8 keeps such a string as a tree of concatenations: about 26 objects
 * for a 40-character label, kept as long as the document (the largest group of strings a language
 * server holds). Here a label without escapes is a slice of the token, and one with escapes is built
 * in one pass; the value is the same as Langium's.
 */
import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

const ESCAPES: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', 0: '\0' };

export class BlueprintValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name.toUpperCase() === 'STRING') return convertQuoted(input);
        return super.runConverter(rule, input, cstNode);
    }
}

/** The text between the quotes, each backslash escape replaced as Langium does. */
export function convertQuoted(input: string): string {
    const body = input.slice(1, -1);
    return body.includes('\\') ? body.replace(/\\([\s\S])/g, (_, char: string) => ESCAPES[char] ?? char) : body;
}
