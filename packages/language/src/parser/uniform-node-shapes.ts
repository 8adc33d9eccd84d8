/**
 * AST nodes of a type get their properties in one order. Langium's parser creates a node as
 * `{ $type }`, adds each property when the text assigns it, and the missing lists and flags at the
 * end (`assignMandatoryProperties`): so a step's properties came in the order of its clauses, and a
 * 1,000-file check met five or more hidden classes of `Step`, which made every check and the linker
 * read steps through V8's megamorphic caches. Here a node gets its lists (empty) and flags (false)
 * the moment the parser creates it, in the order the grammar assigns them, with any optional child
 * node the grammar places before one of them (a fail point's rate, before its remedies) as
 * `undefined`, so that walks over a node's children (Langium's `streamContents` goes by property
 * order) still meet them in the grammar's order. The other optional values (a label, a tolerance) are
 * added later, each where the grammar has it: a type has one hidden class per set of optional values
 * present (a step: two, standard or custom lane). The values are exactly Langium's
 * (cst-memory.test.ts); the memory per node too, but for those few child slots.
 */
import { AstUtils, GrammarAST, GrammarUtils, type AstReflection, type LangiumParser } from 'langium';

type NodeUnderConstruction = Record<string, unknown> & { $type: unknown };

/** What a property starts as. */
type Start = 'list' | 'false' | 'undefined';

/** Per type, the properties a node starts with, in order. */
type Template = ReadonlyArray<readonly [name: string, start: Start]>;

/**
 * Makes the nodes that `parser` creates uniform. Nodes are created in one place: they are pushed on
 * the parser's node stack when their rule starts (and by an action), so that push gives them their
 * properties. A node pushed again (an unassigned rule call puts its result back in the caller's
 * place, with `$cstNode` already set) is left as it is.
 */
export function makeNodeShapesUniform(parser: LangiumParser, grammar: GrammarAST.Grammar, reflection: AstReflection): void {
    const { order: assigned, children } = assignmentOrder(grammar);
    const templates = new Map<string, Template>();
    /** Built on a type's first node. */
    const templateOf = (type: string): Template => {
        const properties = reflection.getTypeMetaData(type).properties;
        const names = [...new Set([...(assigned.get(type) ?? []).filter(name => name in properties), ...Object.keys(properties)])];
        // Lists and flags only: Langium gives every node those (the only defaults of this grammar); an
        // optional value set to `undefined` up front would cost a slot on every node that lacks it.
        const defaults = names.map(name => properties[name].defaultValue);
        let lastDefault = defaults.length - 1;
        while (lastDefault >= 0 && defaults[lastDefault] === undefined) lastDefault--;
        const childFeatures = children.get(type);
        const template = names.flatMap((name, index): Array<readonly [string, Start]> => {
            const start = defaults[index];
            if (Array.isArray(start)) return [[name, 'list']];
            if (start === false) return [[name, 'false']];
            return index < lastDefault && childFeatures?.has(name) ? [[name, 'undefined']] : [];
        });
        templates.set(type, template);
        return template;
    };
    const stack: NodeUnderConstruction[] = [];
    const push = Array.prototype.push;
    // Langium pushes one node at a time; per node, no rest array and no `apply`.
    stack.push = function (node: NodeUnderConstruction): number {
        const type = node.$type;
        if (typeof type === 'string' && !('$cstNode' in node)) {
            const template = templates.get(type) ?? templateOf(type);
            for (let index = 0; index < template.length; index++) {
                const entry = template[index];
                node[entry[0]] = entry[1] === 'list' ? [] : entry[1] === 'false' ? false : undefined;
            }
        }
        return push.call(this, node);
    };
    // `stack` is private in Langium's typings; it is assigned once, when the parser is made.
    (parser as unknown as { stack: NodeUnderConstruction[] }).stack = stack;
}

/**
 * Per type, the features its parser rules assign, in the order written (a fragment's where it is
 * called), and those that hold a child node (a parser rule's result, not a name or a value).
 */
function assignmentOrder(grammar: GrammarAST.Grammar): { order: Map<string, string[]>; children: Map<string, Set<string>> } {
    const order = new Map<string, string[]>();
    const children = new Map<string, Set<string>>();
    let childFeatures = new Set<string>();
    const holdsNode = (terminal: GrammarAST.AbstractElement): boolean => {
        if (GrammarAST.isRuleCall(terminal)) {
            const rule = terminal.rule.ref;
            return GrammarAST.isParserRule(rule) && !GrammarUtils.isDataTypeRule(rule);
        }
        return GrammarAST.isAlternatives(terminal) && terminal.elements.some(holdsNode);
    };
    const collect = (element: GrammarAST.AbstractElement, features: string[], visiting: Set<GrammarAST.ParserRule>): void => {
        for (const node of [element, ...AstUtils.streamAllContents(element)]) {
            if (GrammarAST.isAssignment(node)) {
                features.push(node.feature);
                if (holdsNode(node.terminal)) childFeatures.add(node.feature);
            }
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
        childFeatures = children.get(type) ?? new Set();
        collect(rule.definition, features, new Set());
        order.set(type, features);
        children.set(type, childFeatures);
    }
    return { order, children };
}
