/**
 * Derives the BlueprintModel from a linked Blueprint AST node. This is the only place where the
 * AST is interpreted for consumers outside the language package; unresolved references are simply
 * left out (the validator reports them).
 */
import { AstUtils, type AstNode, type Reference } from 'langium';
import { cstRange } from '../util/cst-range.js';
import { blueprintMembers, type BlueprintMembers } from './blueprint-members.js';
import { BUILTIN_URI } from '../workspace/builtin-library.js';
import * as ast from '../generated/ast.js';
import type {
    BlueprintModel, FlowKind, LaneKind, LineKind, ModelActor, ModelChannel, ModelDecision, ModelEvidence, ModelFlow, ModelLane,
    ModelLine, ModelMetric, ModelPersona, ModelRemedy, ModelSegment, ModelShare, ModelStage, ModelStep, PokaYokeType, SourceRange,
    StandardLaneKind
} from '@blueprint/model';
import { POKA_YOKE_TYPES, STANDARD_LANES } from '@blueprint/model';
import { builtinChannelLabel, DEFAULT_LANGUAGE, localisation, toLanguageCode, type LanguageCode, type Localisation } from '@blueprint/model';
import { toTimeSpan, type TimeSpan } from '@blueprint/model';

const ARROW_KINDS: Readonly<Record<ast.Arrow, FlowKind>> = {
    '->': 'sequence',
    '<->': 'two-way',
    '~>': 'hand-off',
    '=>': 'escalation'
};

export interface ModelOptions {
    /** The workspace's language (`"language"` in blueprint.config.json), used when the blueprint declares none. */
    readonly language?: string;
}

/**
 * What validation needs of a blueprint, a part of its model: the lanes and lines, the flows and
 * decisions, and each step's place in the process. The model's own values (the same computation),
 * without the labels, evidence, declarations, metrics and source ranges that no flow check reads.
 */
export interface BlueprintStructure {
    readonly lanes: readonly ModelLane[];
    readonly lines: readonly ModelLine[];
    readonly flows: readonly ModelFlow[];
    readonly decisions: readonly ModelDecision[];
    readonly steps: readonly StructureStep[];
}

/** A step of the structure: `ModelStep`'s fields of the same names, and what its evidence and recoveries come to. */
export interface StructureStep extends Pick<ModelStep, 'id' | 'lane' | 'laneKind' | 'independent' | 'start' | 'end' | 'touchpoint'> {
    /** `ModelStep.evidence` is not empty. */
    readonly hasEvidence: boolean;
    /** The steps of the step's corrective sub-processes (`recovery "..." -> Step`), in the model's order. */
    readonly recoverySteps: readonly string[];
}

/** The first half of building a model, shared by the structure and the model. */
export interface ModelParts {
    readonly structure: BlueprintStructure;
    readonly steps: readonly ast.Step[];
    readonly language: LanguageCode;
    readonly names: Localisation;
    readonly stepLane: ReadonlyMap<ast.Step, string>;
    readonly evidenceByStep: ReadonlyMap<string, readonly string[]>;
    readonly starts: ReadonlySet<string>;
    readonly independent: ReadonlySet<string>;
    readonly flowCrossesInteraction: ReadonlySet<string>;
}

export function buildBlueprintModel(blueprint: ast.Blueprint, options: ModelOptions = {}): BlueprintModel {
    return buildModelFromParts(blueprint, buildModelParts(blueprint, options));
}

export function buildModelParts(blueprint: ast.Blueprint, options: ModelOptions = {}): ModelParts {
    const members = membersByKind(blueprint);
    // A step still being typed (no name yet) is no step of the model.
    const steps = members.steps;
    const language = toLanguageCode(members.language?.code) ?? toLanguageCode(options.language) ?? DEFAULT_LANGUAGE;
    const names = localisation(language);
    const lanes = laneOrder(members, steps, names);
    const laneIndex = new Map<string, number>();
    lanes.forEach((lane, index) => laneIndex.set(lane.id, index));
    const lines = linesOf(members.lineDeclarations, lanes, names);
    const stepLane = new Map<ast.Step, string>();
    for (const step of steps) stepLane.set(step, laneIdOf(step));

    const { flows, decisions } = buildFlows(members.flowsAndBranchings, lines, laneIndex, stepLane);
    const flowCrossesInteraction = new Set<string>();
    // Index loops in the passes per step and per flow: a check runs each thread's first hundreds of
    // files before the optimizer has them, and until then a for-of allocates a result per element.
    for (let iFlow = 0; iFlow < flows.length; iFlow++) {
        const flow = flows[iFlow];
        if (flow.crosses.includes('interaction')) {
            flowCrossesInteraction.add(flow.from);
            flowCrossesInteraction.add(flow.to);
        }
    }

    const evidenceByStep = new Map<string, string[]>();
    for (let iItem = 0; iItem < members.evidenceItems.length; iItem++) {
        const item = members.evidenceItems[iItem];
        const stepName = item.step?.ref?.name;
        if (stepName) pushTo(evidenceByStep, stepName, item.label ?? item.name);
    }

    // Each step's properties read once: markers, inline evidence, recoveries.
    const facts = steps.map(stepFacts);
    const { starts, marked } = startsAndMarked(steps, facts);
    const independent = independentSteps(marked, flows, starts);
    const structureSteps = steps.map((step, index): StructureStep => {
        const laneKind: LaneKind = step.standardLane ?? 'custom';
        const fact = facts[index];
        return {
            id: step.name,
            lane: stepLane.get(step)!,
            laneKind,
            independent: independent.has(step.name),
            start: starts.has(step.name),
            end: fact.end,
            touchpoint: isTouchpoint(laneKind, flowCrossesInteraction.has(step.name), refName(step.channels[0])),
            hasEvidence: fact.inlineEvidence || evidenceByStep.has(step.name),
            recoverySteps: fact.recoverySteps
        };
    });
    const structure: BlueprintStructure = {
        lanes,
        lines: withOrderPenetration(members.lineDeclarations, lanes, lines, structureSteps, names),
        flows,
        decisions,
        steps: structureSteps
    };
    return { structure, steps, language, names, stepLane, evidenceByStep, starts, independent, flowCrossesInteraction };
}

/** The members that the structure reads: the blueprint's members by kind, with only the named steps. */
interface MembersByKind extends Omit<BlueprintMembers, 'steps'> {
    /** The named steps. */
    readonly steps: ast.Step[];
}

function membersByKind(blueprint: ast.Blueprint): MembersByKind {
    const members = blueprintMembers(blueprint);
    return { ...members, steps: members.steps.filter(step => step.name) };
}

/** What a step's properties say of its place in the process. */
export interface StepFacts {
    readonly start: boolean;
    readonly end: boolean;
    readonly independent: boolean;
    readonly inlineEvidence: boolean;
    readonly recoverySteps: readonly string[];
}

export function stepFacts(step: ast.Step): StepFacts {
    let start = false, end = false, independent = false, inlineEvidence = false;
    let recoverySteps: string[] | undefined;
    // By `$type`: these kinds have no subtypes, and the reflection's test costs two lookups for each kind a property is not.
    for (let iProperty = 0; iProperty < step.properties.length; iProperty++) {
        const property = step.properties[iProperty];
        switch (property.$type) {
            case ast.BoundaryMarker.$type:
                if (property.kind === 'start') start = true;
                else if (property.kind === 'end') end = true;
                break;
            case ast.IndependentMarker.$type: independent = true; break;
            case ast.EvidenceProperty.$type: inlineEvidence = true; break;
            case ast.FailPoint.$type:
                for (const recovery of property.recoveries) for (const name of remedySteps(recovery)) (recoverySteps ??= []).push(name);
                break;
        }
    }
    return { start, end, independent, inlineEvidence, recoverySteps: recoverySteps ?? NONE };
}

/**
 * The names of the steps the process starts with (those marked `start`; without one, the first step
 * that a customer's order triggers) and of the steps marked `independent`; `facts` are the steps'.
 */
export function startsAndMarked(steps: readonly ast.Step[], facts: readonly StepFacts[]): { starts: Set<string>; marked: Set<string> } {
    const declaresStart = facts.some(fact => fact.start);
    const firstDependent = facts.findIndex(fact => !fact.independent);
    const starts = new Set<string>();
    const marked = new Set<string>();
    for (let index = 0; index < steps.length; index++) {
        if (declaresStart ? facts[index].start : index === firstDependent) starts.add(steps[index].name);
        if (facts[index].independent) marked.add(steps[index].name);
    }
    return { starts, marked };
}

/** The model from its parts (`buildModelParts` of the same blueprint, at the same document version). */
export function buildModelFromParts(blueprint: ast.Blueprint, parts: ModelParts): BlueprintModel {
    const file = blueprint.$container;
    const members = blueprint.members;
    const { structure, steps, language, stepLane, evidenceByStep, starts, independent, flowCrossesInteraction } = parts;
    const modelSteps = steps.map(step =>
        buildStep(step, stepLane.get(step)!, evidenceByStep.get(step.name) ?? [], starts.has(step.name),
            flowCrossesInteraction.has(step.name), independent.has(step.name)));
    const evidenceItems = members.filter(ast.isEvidenceItem);

    const evidence: ModelEvidence[] = [];
    for (const step of steps) {
        const inlineEvidence = step.properties.filter(ast.isEvidenceProperty);
        inlineEvidence.forEach((property, index) => evidence.push({
            id: inlineEvidence.length === 1 ? `${step.name}.evidence` : `${step.name}.evidence${index + 1}`,
            label: property.label ?? '',
            step: step.name,
            stage: refName(step.stages[0]),
            inline: true
        }));
    }
    for (const item of evidenceItems) {
        evidence.push({
            id: item.name,
            label: item.label ?? item.name,
            step: item.step?.ref?.name,
            stage: item.stage?.ref?.name ?? item.step?.ref?.stages[0]?.ref?.name,
            inline: false
        });
    }

    const visible = [...file.elements.filter(ast.isDeclaration), ...members.filter(ast.isDeclaration)];
    const referenced = collectReferencedDeclarations(blueprint);
    const declarations = uniqueByName([...visible, ...referenced]);

    const tolerance = members.find(ast.isTotalTolerance);
    return {
        id: blueprint.name,
        title: blueprint.title ?? blueprint.name,
        description: members.find(ast.isDescription)?.text,
        language,
        policies: members.filter(ast.isPolicyProperty).map(p => p.text),
        tolerance: timeSpanOf(tolerance?.time),
        lanes: structure.lanes,
        lines: structure.lines,
        stages: orderStages(declarations.filter(ast.isStage), steps),
        actors: declarations.filter(ast.isPerformer).map((node): ModelActor => ({
            id: node.name, label: node.label ?? node.name, kind: ast.isActor(node) ? 'actor' : 'system', notes: declarationNotes(node)
        })),
        channels: declarations.filter(ast.isChannel).map((node): ModelChannel => ({
            id: node.name, label: (isBuiltin(node) ? builtinChannelLabel(node.name, language) : undefined) ?? node.label ?? node.name, distance: node.distance, selfService: node.selfService
        })),
        segments: declarations.filter(ast.isSegment).map((node): ModelSegment => ({ id: node.name, label: node.label ?? node.name })),
        personas: declarations.filter(ast.isPersona).map((node): ModelPersona => ({
            id: node.name, label: node.label ?? node.name, segment: node.segment?.ref?.name, notes: declarationNotes(node)
        })),
        steps: modelSteps,
        evidence,
        flows: structure.flows,
        decisions: structure.decisions,
        metrics: members.filter(ast.isMetric).map(buildMetric),
        imports: file.imports.map(i => i.path)
    };
}

/** The `note`s of an actor, system or persona (a note still being typed has no text yet); most have none, and share one empty list. */
function declarationNotes(node: ast.Performer | ast.Persona): readonly string[] {
    return node.properties.length === 0 ? NONE : listOf(node.properties.map(note => note.text).filter(isDefined));
}

function buildStep(step: ast.Step, lane: string, extraEvidence: readonly string[], start: boolean, crossesInteraction: boolean,
    independent: boolean): ModelStep {
    const props = step.properties;
    const duration = props.find(ast.isDurationProperty);
    const wait = props.find(ast.isWaitProperty);
    const moment = props.find(ast.isMomentOfTruth);
    const emotion = props.find(ast.isEmotionProperty);
    const laneKind: LaneKind = step.standardLane ?? 'custom';
    const channel = refName(step.channels[0]);
    return {
        id: step.name,
        // While the user types, a step may have no label yet (the AST types say otherwise).
        label: step.label ?? step.name ?? '',
        lane,
        laneKind,
        stage: refName(step.stages[0]),
        actor: refName(step.performers[0]),
        channel,
        evidence: listOf([...props.filter(ast.isEvidenceProperty).map(p => p.label ?? ''), ...extraEvidence]),
        duration: timeSpanOf(duration?.time),
        durationTolerance: timeSpanOf(duration?.tolerance),
        wait: wait ? { expected: timeSpanOf(wait.expected), tolerance: timeSpanOf(wait.tolerance) } : undefined,
        failPoints: listOf(props.filter(ast.isFailPoint).map(fail => {
            const preventionDetails = fail.preventions.map(buildRemedy);
            const recoveryDetails = fail.recoveries.map(buildRemedy);
            return {
                cause: fail.cause ?? '',
                rate: fail.rate && typeof fail.rate.value === 'number' && fail.rate.percent ? fail.rate.value / 100 : undefined,
                preventions: preventionDetails.map(r => r.text),
                recoveries: recoveryDetails.map(r => r.text),
                preventionDetails,
                recoveryDetails
            };
        })),
        moment: moment ? { reason: moment.reason } : undefined,
        emotion: emotion ? { feeling: emotion.feeling, note: emotion.note } : undefined,
        notes: listOf(props.filter(ast.isNoteProperty).map(p => p.text)),
        policies: listOf(props.filter(ast.isPolicyProperty).map(p => p.text)),
        independent,
        segments: listOf(step.segments.map(refName).filter(isDefined)),
        start,
        end: hasMarker(step, 'end'),
        touchpoint: isTouchpoint(laneKind, crossesInteraction, channel),
        range: rangeOf(step)
    };
}

function buildFlows(nodes: ReadonlyArray<ast.Flow | ast.Branching>, lines: ModelLine[], laneIndex: Map<string, number>,
    stepLane: Map<ast.Step, string>): { flows: ModelFlow[]; decisions: ModelDecision[] } {
    const flows: ModelFlow[] = [];
    const decisions: ModelDecision[] = [];
    const seen = new Map<string, number>();
    const lineBoundaries = lines.map(line => ({ kind: line.kind, index: laneIndex.get(line.above)! }));
    // The lines a flow crosses depend only on the lanes it joins: one list per pair of lanes, shared by their flows.
    const crossingsOf = new Map<number, readonly LineKind[]>();
    const crossings = (top: number, bottom: number): readonly LineKind[] => {
        const key = top * (laneIndex.size + 1) + bottom;
        let list = crossingsOf.get(key);
        if (!list) crossingsOf.set(key, list = listOf(lineBoundaries.filter(b => b.index >= top && b.index < bottom).map(b => b.kind)));
        return list;
    };
    const add = (source: ast.Step, target: ast.Step, arrow: ast.Arrow, label: string | undefined, loop: boolean,
        repeat: ModelFlow['repeat'], share: ModelShare | undefined): ModelFlow => {
        // Joined, the id is one flat string; a template literal would keep a tree of string parts per flow.
        const pair = [source.name, target.name].join('->');
        const count = (seen.get(pair) ?? 0) + 1;
        seen.set(pair, count);
        const from = laneIndex.get(stepLane.get(source) ?? laneIdOf(source)) ?? 0;
        const to = laneIndex.get(stepLane.get(target) ?? laneIdOf(target)) ?? 0;
        // Every field written out, in one order: a spread adds them one by one into a separate property store.
        const flow: ModelFlow = {
            id: count === 1 ? pair : `${pair}#${count}`,
            from: source.name,
            to: target.name,
            kind: ARROW_KINDS[arrow] ?? 'sequence',
            label,
            loop,
            repeat,
            share,
            crosses: crossings(Math.min(from, to), Math.max(from, to))
        };
        flows.push(flow);
        return flow;
    };
    // Alternatives implied by shares on flow links, per source step, in the order written.
    const implied = new Map<string, ModelFlow[]>();
    for (let iNode = 0; iNode < nodes.length; iNode++) {
        const node = nodes[iNode];
        if (ast.isFlow(node)) {
            let source = node.source?.ref;
            const repeat = repeatOf(node.repeat);
            for (let iLink = 0; iLink < node.links.length; iLink++) {
                const link = node.links[iLink];
                const target = link.target?.ref;
                if (source && target) {
                    const flow = add(source, target, link.arrow, node.label, node.loop ?? false, node.loop ? repeat : undefined, shareOf(link.share));
                    if (flow.share) pushTo(implied, flow.from, flow);
                }
                source = target;
            }
        } else {
            const source = node.step?.ref;
            if (!source) continue;
            const branchFlows = node.branches
                .filter(branch => branch.target?.ref)
                .map(branch => add(source, branch.target!.ref!, branch.arrow, branch.label, false, undefined,
                    node.kind === 'decision' ? shareOf(branch.share) : undefined));
            decisions.push({
                step: source.name,
                kind: node.kind === 'parallel' ? 'parallel' : 'alternative',
                label: node.label,
                declared: true,
                join: node.join?.ref?.name,
                flows: branchFlows.map(flow => flow.id)
            });
        }
    }
    const declaredAlternatives = new Set(decisions.filter(d => d.kind === 'alternative').map(d => d.step));
    for (const [step, alternatives] of implied) {
        if (declaredAlternatives.has(step)) continue;
        decisions.push({ step, kind: 'alternative', declared: false, flows: alternatives.map(flow => flow.id) });
    }
    // Most blueprints decide nothing: no index of the flows to build.
    if (decisions.length === 0) return { flows, decisions };
    // The chance of each alternative: percentages as written, weights relative to their sum.
    const probability = new Map<string, number>();
    const byId = new Map(flows.map(flow => [flow.id, flow]));
    for (const decision of decisions) {
        if (decision.kind !== 'alternative') continue;
        const shares = decision.flows.map(id => byId.get(id)!.share);
        const known = shares.filter((share): share is ModelShare => share !== undefined);
        if (known.length === 0) continue;
        const percent = known.every(share => share.unit === '%');
        const missing = shares.length - known.length;
        const sum = known.reduce((total, share) => total + share.value, 0);
        // An alternative without a share takes what the others leave (the validator reports it).
        const fill = percent && missing > 0 ? Math.max(0, 100 - sum) / missing : 0;
        const total = sum + fill * missing;
        decision.flows.forEach((id, index) => {
            if (total > 0) probability.set(id, (shares[index]?.value ?? fill) / total);
        });
    }
    return {
        flows: probability.size === 0 ? flows : flows.map(flow => probability.has(flow.id) ? { ...flow, probability: probability.get(flow.id) } : flow),
        decisions
    };
}

function shareOf(share: ast.Share | undefined): ModelShare | undefined {
    return share && typeof share.value === 'number' ? { value: share.value, unit: share.percent ? '%' : 'weight' } : undefined;
}

function repeatOf(repeat: ast.Repeat | undefined): ModelFlow['repeat'] {
    if (!repeat || typeof repeat.value !== 'number') return undefined;
    if (repeat.times) return { times: repeat.value };
    return repeat.percent ? { probability: repeat.value / 100 } : undefined;
}

function buildRemedy(remedy: ast.Remedy): ModelRemedy {
    const type = remedy.pokaYoke;
    return {
        text: remedy.text ?? '',
        pokaYoke: type !== undefined && (POKA_YOKE_TYPES as readonly string[]).includes(type) ? type as PokaYokeType : undefined,
        steps: listOf(remedySteps(remedy))
    };
}

function remedySteps(remedy: ast.Remedy): string[] {
    return remedy.steps.map(refName).filter(isDefined);
}

/** A customer step that meets the provider: a flow across the line of interaction, or a channel. */
function isTouchpoint(laneKind: LaneKind, crossesInteraction: boolean, channel: string | undefined): boolean {
    return laneKind === 'customer' && (crossesInteraction || channel !== undefined);
}

/**
 * Steps marked `independent`, and the steps that only they lead to (not reachable from a start):
 * a preparation chain need not be marked step by step.
 */
export function independentSteps(marked: Set<string>, flows: ReadonlyArray<Pick<ModelFlow, 'from' | 'to' | 'kind'>>, starts: Set<string>): Set<string> {
    if (marked.size === 0) return marked;
    const next = new Map<string, string[]>();
    for (const flow of flows) {
        pushTo(next, flow.from, flow.to);
        if (flow.kind === 'two-way') pushTo(next, flow.to, flow.from);
    }
    const reach = (from: Iterable<string>, blocked: ReadonlySet<string>): Set<string> => {
        const seen = new Set<string>();
        const queue = [...from];
        for (let i = 0; i < queue.length; i++) {
            if (seen.has(queue[i]) || blocked.has(queue[i])) continue;
            seen.add(queue[i]);
            for (const to of next.get(queue[i]) ?? []) if (!seen.has(to)) queue.push(to);
        }
        return seen;
    };
    // The customer's side does not pass through an independent step (a batch fed by the customer's data).
    const fromStart = reach(starts, marked);
    const result = new Set(marked);
    for (const id of reach(marked, new Set())) if (!fromStart.has(id)) result.add(id);
    return result;
}

/**
 * The line of order penetration (Fließ & Kleinaltenkamp), when declared: above the first lane, below
 * the customer-facing ones, that holds only customer-independent steps; else under the support lane.
 */
function withOrderPenetration(lineDeclarations: readonly ast.LineDeclaration[], lanes: ModelLane[], lines: ModelLine[],
    steps: ReadonlyArray<Pick<ModelStep, 'lane' | 'independent'>>, names: Localisation): ModelLine[] {
    const declared = lineDeclarations.find(line => line.kind === 'order-penetration');
    if (!declared) return lines;
    const support = lanes.findIndex(lane => lane.id === 'support');
    const customer = lanes.findIndex(lane => lane.id === 'customer');
    let below = -1;
    for (let i = Math.max(customer + 1, 1); i < lanes.length; i++) {
        const inLane = steps.filter(step => step.lane === lanes[i].id);
        if (inLane.length > 0 && inLane.every(step => step.independent)) {
            below = i;
            break;
        }
    }
    const aboveIndex = below > 0 ? below - 1 : support;
    if (aboveIndex < 0) return lines;
    const above = lanes[aboveIndex].id;
    if (lines.some(line => line.above === above)) {
        // A line already lies there (the implementation line under support): keep it rather than stack two.
        return lines;
    }
    const line: ModelLine = { kind: 'order-penetration', label: declared.label ?? names.lines['order-penetration'], above, below: lanes[aboveIndex + 1]?.id };
    return [...lines, line].sort((a, b) => lanes.findIndex(l => l.id === a.above) - lanes.findIndex(l => l.id === b.above));
}

function buildMetric(metric: ast.Metric): ModelMetric {
    const target = metric.targets[0];
    return {
        id: metric.name,
        label: metric.label ?? metric.name,
        steps: metric.steps.map(refName).filter(isDefined),
        target: target && typeof target.value === 'number' ? {
            comparator: target.comparator,
            value: target.value,
            unit: target.unit ? (target.unit.percent ? '%' : target.unit.name) : undefined,
            within: timeSpanOf(target.within)
        } : undefined
    };
}

/** The blueprint's `language` when it is one we have names for, else the workspace's, else English. */
export function languageOf(blueprint: ast.Blueprint, workspaceLanguage?: string): LanguageCode {
    const declared = blueprint.members.find(ast.isLanguageDeclaration)?.code;
    return toLanguageCode(declared) ?? toLanguageCode(workspaceLanguage) ?? DEFAULT_LANGUAGE;
}

/** Lane id used in the model: the standard lane kind, or the custom lane's name. */
export function laneIdOf(step: ast.Step): string {
    return step.standardLane ?? step.customLane?.ref?.name ?? step.customLane?.$refText ?? 'customer';
}

function laneRefId(ref: ast.LaneRef): string | undefined {
    return ref.standard ?? ref.custom?.ref?.name;
}

/**
 * Lanes top to bottom: the declared `lanes` order, or the canonical order; custom lanes not in a
 * declared order are placed above/below their anchor, or at the bottom.
 */
export function computeLaneOrder(blueprint: ast.Blueprint, steps: ast.Step[] = blueprint.members.filter(ast.isStep),
    names: Localisation = localisation(languageOf(blueprint))): ModelLane[] {
    return laneOrder(membersByKind(blueprint), steps, names);
}

export function laneOrder(members: Pick<BlueprintMembers, 'laneLabels' | 'customLanes' | 'laneOrder'>, steps: readonly ast.Step[], names: Localisation): ModelLane[] {
    // `lane customer "고객 행동"` renames a standard lane; the first relabelling counts.
    const relabelled = new Map<string, string>();
    for (const relabel of members.laneLabels) {
        if (relabel.lane && typeof relabel.label === 'string' && !relabelled.has(relabel.lane)) relabelled.set(relabel.lane, relabel.label);
    }
    const customLanes = uniqueByName([
        ...members.customLanes,
        ...steps.map(step => step.customLane?.ref).filter(isDefined)
    ]);
    const customByName = new Map(customLanes.map(lane => [lane.name, lane]));
    const declared = members.laneOrder;
    const order: string[] = declared
        ? unique(declared.lanes.map(laneRefId).filter(isDefined))
        : [...STANDARD_LANES];
    for (const lane of STANDARD_LANES) {
        if (!order.includes(lane)) order.push(lane);
    }
    let pending = customLanes.filter(lane => !order.includes(lane.name));
    let progress = true;
    while (pending.length > 0 && progress) {
        progress = false;
        for (const lane of [...pending]) {
            const anchor = lane.anchor ? laneRefId(lane.anchor) : undefined;
            const anchorIndex = anchor === undefined ? -1 : order.indexOf(anchor);
            if (anchor === undefined || anchorIndex >= 0) {
                if (anchorIndex < 0) order.push(lane.name);
                else order.splice(lane.position === 'above' ? anchorIndex : anchorIndex + 1, 0, lane.name);
                pending = pending.filter(other => other !== lane);
                progress = true;
            }
        }
    }
    order.push(...pending.map(lane => lane.name));
    return order.map((id): ModelLane => {
        const custom = customByName.get(id);
        return custom
            ? { id, kind: 'custom', label: custom.label ?? custom.name }
            : { id, kind: id as StandardLaneKind, label: relabelled.get(id) ?? names.lanes[id as StandardLaneKind] };
    });
}

export function linesOf(lineDeclarations: readonly ast.LineDeclaration[], lanes: ModelLane[], names: Localisation): ModelLine[] {
    // The first declaration of a line counts (the validator reports the others).
    const declared = new Map<string, ast.LineDeclaration>();
    for (const line of lineDeclarations) if (!declared.has(line.kind)) declared.set(line.kind, line);
    const index = (kind: StandardLaneKind) => lanes.findIndex(lane => lane.id === kind);
    const boundaryBelow = (laneIdx: number): [string, string | undefined] | undefined =>
        laneIdx < 0 ? undefined : [lanes[laneIdx].id, lanes[laneIdx + 1]?.id];
    const candidates: Array<[LineKind, [string, string | undefined] | undefined]> = [
        ['interaction', boundaryBelow(index('customer'))],
        ['visibility', index('backstage') > 0 ? boundaryBelow(index('backstage') - 1) : undefined],
        ['internal', boundaryBelow(index('backstage'))],
        ['implementation', declared.has('implementation') ? boundaryBelow(index('support')) : undefined]
    ];
    const lines: ModelLine[] = [];
    for (const [kind, boundary] of candidates) {
        if (!boundary) continue;
        const [above, below] = boundary;
        if (below === undefined && kind !== 'implementation') continue;
        if (lines.some(line => line.above === above)) continue;
        lines.push({ kind, label: declared.get(kind)?.label ?? names.lines[kind], above, below });
    }
    return lines.sort((a, b) => lanes.findIndex(l => l.id === a.above) - lanes.findIndex(l => l.id === b.above));
}

/** Stages in declaration order; stages used by steps but declared elsewhere come in order of first use. */
function orderStages(stages: ast.Stage[], steps: readonly ast.Step[]): ModelStage[] {
    const ordered = [...stages];
    const known = new Set(ordered);
    for (const step of steps) {
        const stage = step.stages[0]?.ref;
        if (stage && !known.has(stage)) {
            known.add(stage);
            ordered.push(stage);
        }
    }
    return uniqueByName(ordered).map(stage => ({ id: stage.name, label: stage.label ?? stage.name }));
}

function collectReferencedDeclarations(blueprint: ast.Blueprint): ast.Declaration[] {
    const found: ast.Declaration[] = [];
    for (const member of blueprint.members) {
        if (ast.isStep(member)) {
            for (const ref of [...member.stages, ...member.performers, ...member.channels, ...member.segments, member.customLane]) {
                const target = ref?.ref;
                if (target && ast.isDeclaration(target)) found.push(target);
            }
        } else if (ast.isPersona(member) && member.segment?.ref) {
            found.push(member.segment.ref);
        }
    }
    return found;
}

/** Built-in declarations speak the blueprint's language; the author's own keep their labels. */
function isBuiltin(node: AstNode): boolean {
    return AstUtils.findRootNode(node).$document?.uri.toString() === BUILTIN_URI.toString();
}

/** Undefined while the value is still being typed (`duration }`): a half-written time is no time. */
function timeSpanOf(value: ast.TimeValue | undefined): TimeSpan | undefined {
    return value && typeof value.value === 'number' ? toTimeSpan(value.value, value.unit) : undefined;
}

function hasMarker(step: ast.Step, kind: 'start' | 'end'): boolean {
    return step.properties.some(p => ast.isBoundaryMarker(p) && p.kind === kind);
}

function rangeOf(node: ast.Step): SourceRange | undefined {
    return node.$cstNode ? cstRange(node.$cstNode) : undefined;
}

function refName(ref: Reference<ast.Declaration | ast.Step> | undefined): string | undefined {
    return ref?.ref?.name;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value); else map.set(key, [value]);
}

function unique<T>(items: T[]): T[] {
    return [...new Set(items)];
}

function uniqueByName<T extends { name: string }>(items: T[]): T[] {
    const seen = new Set<string>();
    return items.filter(item => !seen.has(item.name) && seen.add(item.name));
}

/**
 * Lists of the model are read-only; the empty ones (most steps have no notes, policies, fail
 * points…) share one array instead of 32 bytes each per step while the model is cached.
 */
const NONE: readonly never[] = Object.freeze([]);

function listOf<T>(items: T[]): readonly T[] {
    return items.length === 0 ? NONE : items;
}

function isDefined<T>(value: T | undefined): value is T {
    return value !== undefined;
}
