/**
 * AST nodes of a type come out of the parser with their properties in one order
 * (parser/uniform-node-shapes.ts), whatever order the text writes its clauses in: nodes with the
 * same properties get one hidden class, and the checks read them through monomorphic caches.
 * Langium's own parser, on the same texts, gives the same set of properties several orders (which
 * is what made the caches megamorphic).
 * That the values stay Langium's is cst-memory.test.ts's oracle.
 */
import { createBlueprintCoreServices } from '@blueprint/language';
import { AstUtils, createLangiumParser, EmptyFileSystem, type AstNode } from 'langium';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { generateBlueprint } from '../bench/generate.mjs';
import { listExamples } from '../diagram/diagram-helpers.js';

const { Blueprint } = createBlueprintCoreServices(EmptyFileSystem);
const texts = [...listExamples().map(file => readFileSync(file, 'utf8')), generateBlueprint(200, 'Generated', { branching: true }),
    // The same step's clauses in three orders.
    'blueprint B "b" {\n  frontstage a "A" in S by P via web\n  frontstage b "B" via web in S by P\n  frontstage c "C" by P via web in S { duration 2 min }\n}\n'];

/** Per node type and set of properties, the distinct orders they come in (as `Object.keys` lists them) over all texts. */
function orders(parse: (text: string) => AstNode): Map<string, Set<string>> {
    const result = new Map<string, Set<string>>();
    for (const text of texts) {
        for (const node of AstUtils.streamAst(parse(text))) {
            const keys = Object.keys(node);
            const set = `${node.$type} {${[...keys].sort().join(',')}}`;
            let seen = result.get(set);
            if (!seen) result.set(set, seen = new Set());
            seen.add(keys.join(','));
        }
    }
    return result;
}

describe('uniform AST node shapes', () => {
    test('the same properties always come in one order', () => {
        const ours = orders(text => Blueprint.parser.LangiumParser.parse(text).value);
        expect([...ours].filter(([, keys]) => keys.size > 1).map(([set, keys]) => `${set}: ${[...keys].join(' | ')}`)).toEqual([]);
        // A step: its lane is standard or custom, the rest is always there.
        expect([...ours.keys()].filter(set => set.startsWith('Step ')).length).toBeLessThanOrEqual(2);
    });

    test("Langium's parser gives the same properties of a step several orders on the same texts", () => {
        const langium = createLangiumParser(Blueprint);
        const steps = [...orders(text => langium.parse(text).value)].filter(([set]) => set.startsWith('Step '));
        expect(Math.max(...steps.map(([, keys]) => keys.size))).toBeGreaterThan(1);
    });

    test('the order is the grammar\'s: a file\'s imports come before its declarations, a step\'s lane before its name', () => {
        const file = Blueprint.parser.LangiumParser.parse('import "x.blueprint"\nactor A "A"\n').value;
        expect(Object.keys(file).indexOf('imports')).toBeLessThan(Object.keys(file).indexOf('elements'));
        const step = AstUtils.streamAst(Blueprint.parser.LangiumParser.parse(texts.at(-1)!).value).find(node => node.$type === 'Step')!;
        const keys = Object.keys(step);
        expect(keys.indexOf('standardLane')).toBeLessThan(keys.indexOf('name'));
        expect(keys.indexOf('name')).toBeLessThan(keys.indexOf('label'));
    });
});
