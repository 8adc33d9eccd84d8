/** Language hygiene: unique names, one blueprint per file, no repeated clauses or properties. */
import type { ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { Rules } from './rules.js';

type Named = ast.Declaration | ast.Blueprint | ast.Step | ast.EvidenceItem | ast.Metric;

export class NamingChecks {
    checkFile(file: ast.BlueprintFile, accept: ValidationAcceptor): void {
        const named: Named[] = [];
        for (let iElement = 0; iElement < file.elements.length; iElement++) {
            const element = file.elements[iElement];
            if (ast.isBlueprint(element)) {
                for (let iMember = 0; iMember < element.members.length; iMember++) {
                    const member = element.members[iMember];
                    if ('name' in member && typeof member.name === 'string') named.push(member as Named);
                }
            } else {
                named.push(element);
            }
        }
        // Names are unique per kind of thing: references are typed, so a stage and a step may share a
        // name (as blueprints often name a stage after its main step). Steps and evidence items share
        // one namespace because both are boxes of the diagram.
        const firstByName = new Map<string, Map<string, Named>>();
        for (let iNode = 0; iNode < named.length; iNode++) {
            const node = named[iNode];
            if (!node.name) continue;
            const namespace = namespaceOf(node);
            let names = firstByName.get(namespace);
            if (!names) firstByName.set(namespace, names = new Map());
            const first = names.get(node.name);
            if (first) {
                accept('error', `Duplicate name '${node.name}': it is already used by the ${describe(first)} on line ${(first.$cstNode?.range.start.line ?? 0) + 1}.`,
                    { node, property: 'name', code: Rules.duplicateName.id });
            } else {
                names.set(node.name, node);
            }
        }
        file.elements.filter(ast.isBlueprint).slice(1).forEach(extra => accept('error',
            `A file holds one blueprint; move '${extra.name}' into a file of its own and import what they share.`,
            { node: extra, property: 'name', code: Rules.oneBlueprintPerFile.id }));
    }

    checkStepClauses(step: ast.Step, accept: ValidationAcceptor): void {
        for (const [property, what] of STEP_CLAUSES) {
            for (let index = 1; index < step[property].length; index++) {
                accept('error', `Step '${step.name}' already has a ${what}; a step names only one.`,
                    { node: step, property, index, code: Rules.singleClause.id });
            }
        }
        // One pass over the properties; the extras are reported keyword by keyword, each in the order written.
        let extras: Map<SingleKeyword, ast.StepProperty[]> | undefined;
        let seen = 0; // a bit per keyword
        for (let iProperty = 0; iProperty < step.properties.length; iProperty++) {
            const property = step.properties[iProperty];
            const keyword = singleKeywordOf(property);
            if (!keyword) continue;
            const bit = 1 << SINGLE_KEYWORDS.indexOf(keyword);
            if (!(seen & bit)) seen |= bit;
            else {
                extras ??= new Map();
                const list = extras.get(keyword);
                if (list) list.push(property); else extras.set(keyword, [property]);
            }
        }
        if (!extras) return;
        for (const keyword of SINGLE_KEYWORDS) {
            for (const extra of extras.get(keyword) ?? []) {
                accept('warning', `Step '${step.name}' has more than one '${keyword}'; only the first one counts.`,
                    { node: extra, keyword, code: Rules.duplicateProperty.id });
            }
        }
    }

    checkMetricClauses(metric: ast.Metric, accept: ValidationAcceptor): void {
        metric.targets.slice(1).forEach(extra => accept('error',
            `Metric '${metric.name}' already has a target; split it into two metrics.`,
            { node: extra, code: Rules.singleClause.id }));
    }
}

/** The clauses a step names once, as properties of the step and as said in the message. */
const STEP_CLAUSES = [['stages', 'stage (in)'], ['performers', 'actor (by)'], ['channels', 'channel (via)']] as const;

/** Properties a step has at most once, in the order their extras are reported. */
const SINGLE_KEYWORDS = ['duration', 'wait', 'moment', 'emotion'] as const;
type SingleKeyword = typeof SINGLE_KEYWORDS[number];

/** By `$type` (the kinds have no subtypes): asked for every property of every step. */
const SINGLE_KEYWORD_OF: ReadonlyMap<string, SingleKeyword> = new Map([
    [ast.DurationProperty.$type, 'duration'],
    [ast.WaitProperty.$type, 'wait'],
    [ast.MomentOfTruth.$type, 'moment'],
    [ast.EmotionProperty.$type, 'emotion']
]);

function singleKeywordOf(property: ast.StepProperty): SingleKeyword | undefined {
    return SINGLE_KEYWORD_OF.get(property.$type);
}

/** By `$type`, asked for every named node: these kinds have no subtypes. */
function namespaceOf(node: Named): string {
    switch (node.$type) {
        case ast.Actor.$type: case ast.System.$type: return 'performer';
        case ast.Step.$type: case ast.EvidenceItem.$type: return 'step';
        default: return node.$type;
    }
}

function describe(node: Named): string {
    return node.$type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() + ` '${node.name}'`;
}
