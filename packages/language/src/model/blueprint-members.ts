/**
 * A blueprint's members sorted by kind, in one pass, once per blueprint. The model builder and a
 * handful of checks each want the steps, the flows or the decision blocks: each `members.filter(ast.isX)`
 * walked all members again, asking the reflection for every member that is not an X (two keyed
 * lookups in its subtype table). The kinds here have no subtypes, so the member's `$type` says it.
 * Kept per blueprint node: a parse makes new nodes, and nothing adds or removes members of a parsed one.
 */
import * as ast from '../generated/ast.js';

export interface BlueprintMembers {
    /** Every step, named or not yet, in the order written. */
    readonly steps: readonly ast.Step[];
    readonly flows: readonly ast.Flow[];
    readonly branchings: readonly ast.Branching[];
    /** The flows and the decision blocks together, in the order written (the order of the model's flows). */
    readonly flowsAndBranchings: ReadonlyArray<ast.Flow | ast.Branching>;
    readonly evidenceItems: readonly ast.EvidenceItem[];
    readonly lineDeclarations: readonly ast.LineDeclaration[];
    readonly laneLabels: readonly ast.LaneLabel[];
    readonly customLanes: readonly ast.CustomLane[];
    /** The first of each. */
    readonly language?: ast.LanguageDeclaration;
    readonly laneOrder?: ast.LaneOrder;
}

const membersOf = new WeakMap<ast.Blueprint, BlueprintMembers>();

export function blueprintMembers(blueprint: ast.Blueprint): BlueprintMembers {
    let members = membersOf.get(blueprint);
    if (!members) membersOf.set(blueprint, members = sortMembers(blueprint));
    return members;
}

function sortMembers(blueprint: ast.Blueprint): BlueprintMembers {
    const steps: ast.Step[] = [], flows: ast.Flow[] = [], branchings: ast.Branching[] = [], flowsAndBranchings: Array<ast.Flow | ast.Branching> = [];
    const evidenceItems: ast.EvidenceItem[] = [], lineDeclarations: ast.LineDeclaration[] = [], laneLabels: ast.LaneLabel[] = [];
    const customLanes: ast.CustomLane[] = [];
    let language: ast.LanguageDeclaration | undefined, laneOrder: ast.LaneOrder | undefined;
    for (const member of blueprint.members) {
        switch (member.$type) {
            case ast.Step.$type: steps.push(member as ast.Step); break;
            case ast.Flow.$type: flows.push(member as ast.Flow); flowsAndBranchings.push(member as ast.Flow); break;
            case ast.Branching.$type: branchings.push(member as ast.Branching); flowsAndBranchings.push(member as ast.Branching); break;
            case ast.EvidenceItem.$type: evidenceItems.push(member as ast.EvidenceItem); break;
            case ast.LineDeclaration.$type: lineDeclarations.push(member as ast.LineDeclaration); break;
            case ast.LaneLabel.$type: laneLabels.push(member as ast.LaneLabel); break;
            case ast.CustomLane.$type: customLanes.push(member as ast.CustomLane); break;
            case ast.LanguageDeclaration.$type: language ??= member as ast.LanguageDeclaration; break;
            case ast.LaneOrder.$type: laneOrder ??= member as ast.LaneOrder; break;
        }
    }
    return { steps, flows, branchings, flowsAndBranchings, evidenceItems, lineDeclarations, laneLabels, customLanes, language, laneOrder };
}
