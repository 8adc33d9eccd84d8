/**
 * Every AST node of a type gets the same hidden class. Langium's parser creates a node as
 * `{ $type }` and adds each property when the text assigns it, then the missing lists and flags
 * (`assignMandatoryProperties`): so the order of a step's properties followed the order of its
 * clauses, and a 1,000-file check met five or more hidden classes of `Step`, which made every check
 * and the linker read steps through V8's megamorphic caches (validation 12 % slower). Here a node
 * is given all its type's properties the moment the parser creates it (lists empty, flags false, the
 * rest `undefined`); the parser then only sets values, and never adds a property. The properties come
 * in the order the grammar assigns them (then the reflection's for the rest), which is the order
 * Langium's parser gives them for text written in the grammar's order: walks over a node's children
 * (Langium's `streamContents` goes by property order) meet them in the same order as before. The values are those Langium's parser gives; only optional properties that the
 * text leaves out now exist as `undefined` (`'label' in node` is true: read them by value).
 */
import { AstUtils, GrammarAST, GrammarUtils, type AstReflection, type LangiumParser } from 'langium';

type NodeUnderConstruction = Record<string, unknown> & { $type: unknown };

/** Per type, its properties and what each starts as: 0 undefined, 1 an empty list, 2 false. */
type Template = ReadonlyArray<readonly [name: string, start: 0 | 1 | 2]>;

/**
 * Makes the nodes that `parser` creates uniform. Nodes are created in one place: they are pushed on
 * the parser's node stack when their rule starts (and by an action), so that push gives them their
 * properties. A node pushed again (an unassigned rule call puts its result back in the caller's
 * place, with `$cstNode` already set) is left as it is.
 */
export function makeNodeShapesUniform(parser: LangiumParser, grammar: GrammarAST.Grammar, reflection: AstReflection): void {
    const assigned = assignmentOrder(grammar);
    const templates = new Map<string, Template>();
    const templateOf = (type: string): Template => {
        let template = templates.get(type);
        if (!template) {
            const properties = reflection.getTypeMetaData(type).properties;
            const names = [...new Set([...(assigned.get(type) ?? []).filter(name => name in properties), ...Object.keys(properties)])];
            template = names.map(name => {
                const start = properties[name].defaultValue;
                return [name, Array.isArray(start) ? 1 : start === false ? 2 : 0] as const;
            });
            templates.set(type, template);
        }
        return template;
    };
    const stack: NodeUnderConstruction[] = [];
    stack.push = function (...nodes: NodeUnderConstruction[]): number {
        for (const node of nodes) {
            if (typeof node.$type !== 'string' || '$cstNode' in node) continue;
            const template = templateOf(node.$type);
            for (let index = 0; index < template.length; index++) {
                const [name, start] = template[index];
                node[name] = start === 1 ? [] : start === 2 ? false : undefined;
            }
        }
        return Array.prototype.push.apply(this, nodes);
    };
    // `stack` is private in Langium's typings; it is assigned once, when the parser is made.
    (parser as unknown as { stack: NodeUnderConstruction[] }).stack = stack;
}

/** Per type, the features its parser rules assign, in the order written (a fragment's where it is called). */
function assignmentOrder(grammar: GrammarAST.Grammar): Map<string, string[]> {
    const order = new Map<string, string[]>();
    const collect = (element: GrammarAST.AbstractElement, features: string[], visiting: Set<GrammarAST.ParserRule>): void => {
        for (const node of [element, ...AstUtils.streamAllContents(element)]) {
            if (GrammarAST.isAssignment(node)) features.push(node.feature);
            const called = GrammarAST.isRuleCall(node) ? node.rule.ref : undefined;
            if (GrammarAST.isParserRule(called) && called.fragment && !visiting.has(called)) {
                visiting.add(called);
                collect(called.definition, features, visiting);
                visiting.delete(called);
            }
        }
    };
    for (const rule of grammar.rules) {
        if (!GrammarAST.isParserRule(rule) || rule.fragment || GrammarUtils.isDataTypeRule(rule)) continue;
        const type = GrammarUtils.getRuleTypeName(rule);
        const features = order.get(type) ?? [];
        collect(rule.definition, features, new Set());
        order.set(type, features);
    }
    return order;
}
