/**
 * Hovers: a step's whole card (from the blueprint model, not the AST) with its time contribution and
 * whether it lies on the critical path; the blueprint's analysis summary on its name; declarations
 * with their label and how often they are used; and a short explanation of the domain keywords.
 */
import { escapeMarkdown } from '@blueprint/escape';
import { AstUtils, CstUtils, GrammarAST, type AstNode, type LangiumDocument, type MaybePromise, type References } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { BlueprintServices } from '../blueprint-module.js';
import * as ast from '../generated/ast.js';
import type { BlueprintModel, ModelFlow, ModelStep } from '@blueprint/model';
import type { BlueprintModelProvider } from '../model/model-provider.js';
import { formatSeconds, formatTimeSpan, type TimeSpan } from '@blueprint/model';
import { isStepCustomerVisible, visibleLaneIds } from '@blueprint/model';
import { pathText, stepSeconds, type ProcessPath, type TimeAnalysis, type TimeFigures } from '@blueprint/model';
import type { BlueprintAnalysisProvider } from '../analysis/analysis-provider.js';
import type { ModelRemedy } from '@blueprint/model';
import { hasBranches, lowerBound, percentText, plural, segmentLabel, toleranceVerdict, unknownSuffix } from './blueprint-code-lens.js';

/** One paragraph per keyword, from the domain notes (Shostack, Kingman-Brundage, Bitner). */
export const KEYWORD_DOCUMENTATION: Readonly<Record<string, string>> = {
    customer: '**Customer actions**: what the customer does, in order; the spine of the blueprint. A flow from here across the line of interaction is a touchpoint.',
    frontstage: '**Frontstage actions**: what contact employees or customer-facing systems do in view of the customer, above the line of visibility.',
    backstage: '**Backstage actions**: what contact employees do out of the customer\'s view, below the line of visibility.',
    support: '**Support processes**: internal systems, departments and partners that enable the steps above, below the line of internal interaction.',
    evidence: '**Physical evidence**: what the customer sees, touches or receives at a touchpoint (a ticket, a receipt, a screen, an SMS). Every touchpoint should leave some (Bitner 2008).',
    fail: '**Fail point** (F): a step where the service is likely to go wrong (Shostack 1984). Pair it with a `prevention` (poka-yoke) or a `recovery`.',
    prevention: '**Prevention**: how the design stops the fail point from happening (a poka-yoke).',
    recovery: '**Recovery**: what the provider does when the fail point happens anyway, to win the customer back.',
    wait: '**Wait point** (W): where the customer waits (a queue, hold music, an approval). Give it an expected time and a tolerance; a wait beyond its tolerance is a design defect (Shostack 1984).',
    duration: '**Duration**: the execution-time standard of the step, optionally with the tolerance the customer accepts (Shostack 1984).',
    tolerance: '**Tolerance**: the longest time the customer will accept for this step, wait or whole process before judging the service slow (Shostack 1984).',
    moment: '**Moment of truth**: a touchpoint where the customer forms a judgement. It is a success point and a failure point at once, and a failure there is hard to recover in the same moment.',
    emotion: '**Emotion**: how the customer feels at this step (delighted, positive, neutral, negative, frustrated): the emotional journey row of the blueprint.',
    note: '**Note**: free text kept with the step or declaration.',
    start: '**Start**: the process begins here. Blueprints are drawn from the customer\'s point of view, so the start is usually a customer action.',
    end: '**End**: a declared end of the process; the step needs no outgoing flow.',
    flow: '**Flow**: the order of the process, as a chain of links between steps. A flow that crosses the line of interaction is a touchpoint; one that crosses the line of internal interaction is an internal hand-off.',
    '->': '**Sequence** (`->`): the next step of the process.',
    '<->': '**Two-way flow** (`<->`): a conversation; both steps exchange information back and forth.',
    '~>': '**Hand-off** (`~>`): information or work handed to another unit, typically across the line of internal interaction.',
    '=>': '**Escalation** (`=>`): a tracked hand-off to a second line when the first line cannot resolve; it should lead back to the customer so that no answer is lost.',
    decision: '**Decision**: where the process branches into *alternatives*, one of which is taken; each branch carries its share (`95 %`, or a weight). The expected time weighs the branches by their shares; the worst case takes the longest.',
    parallel: '**Parallel work**: branches done at the same time, meeting again at the `join` step (or each ending). Their time is the longest branch.',
    join: '**Join**: the step where the branches of a parallel split meet again.',
    rate: '**Failure rate**: how often the fail point happens; its recovery sub-process adds to the expected time in that share of cases (Shostack 1984).',
    'poka-yoke': '**Poka-yoke type** (Chase & Stewart 1994): `task`, `treatment` or `tangible` for server errors; `preparation`, `encounter` or `resolution` for customer errors.',
    policy: '**Policy**: a policy or regulation that governs the step or the whole process (a row of the blueprint in NN/g\'s guide).',
    independent: '**Customer-independent**: work done before or apart from any customer\'s order (preparation, replenishment, maintenance), below the line of order penetration (Fließ & Kleinaltenkamp 2004); kept off the customer\'s path.',
    within: '**Within**: the threshold of a service level, e.g. `>= 85 % within 15 s`.',
    loop: '**Loop**: a flow back to an earlier step. With `loop 10 %` (the chance of another pass) or `loop 2 times` it is rework that the expected time counts; without, it is reported and not summed.',
    metric: '**Metric**: a service standard (KPI) measured on steps, with a target such as `>= 85 %` (answered within 15 s) or `<= 5 %` (abandoned calls).',
    target: '**Target**: the value a metric must reach: a comparator, a number and a unit (`%` or a time unit).',
    via: '**Channel** (`via`): the touchpoint channel used at this step; channels are remote, phone or face-to-face, and some are self-service.',
    by: '**Performer** (`by`): the actor (a person or role) or system that carries out the step.',
    in: '**Stage** (`in`): the column (phase) of the process this step belongs to.',
    for: '**Segments** (`for`): the customer segments this step is a variant for; steps without it are the base path.',
    'self-service': '**Self-service**: the customer serves themselves (ATM, app, web, IVR, kiosk); no employee acts in the frontstage.',
    line: '**Line**: one of the lines between lanes: interaction (customer / frontstage), visibility (frontstage / backstage), internal interaction (backstage / support) and implementation (below support).',
    language: '**Language** (`language en|zh|ja|ko`): the language of the names the blueprint shows by itself (standard lanes, lines, built-in channels) and of its report headings. `lane customer "…"` and `line visibility "…"` relabel one lane or line.'
};

export class BlueprintHoverProvider extends AstNodeHoverProvider {
    private readonly models: BlueprintModelProvider;
    private readonly analyses: BlueprintAnalysisProvider;
    private readonly referenceFinder: References;

    constructor(services: BlueprintServices) {
        super(services);
        this.models = services.model.BlueprintModelProvider;
        this.analyses = services.model.BlueprintAnalysisProvider;
        this.referenceFinder = services.references.References;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult?.value?.$cstNode;
        if (root) {
            const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position));
            // A persona's `in` names its segment, not a stage.
            if (leaf && GrammarAST.isKeyword(leaf.grammarSource) && !(leaf.grammarSource.value === 'in' && ast.isPersona(leaf.astNode))) {
                const documentation = KEYWORD_DOCUMENTATION[leaf.grammarSource.value];
                if (documentation) return { contents: { kind: 'markdown', value: documentation }, range: leaf.range };
            }
        }
        return super.getHoverContent(document, params);
    }

    protected getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        if (ast.isStep(node)) return this.stepContent(node);
        if (ast.isActor(node) || ast.isSystem(node) || ast.isStage(node) || ast.isChannel(node)
            || ast.isSegment(node) || ast.isPersona(node) || ast.isCustomLane(node)) {
            return this.declarationContent(node);
        }
        if (ast.isBlueprint(node)) return this.blueprintContent(node);
        if (ast.isMetric(node)) {
            const target = node.targets[0];
            const targetText = target ? ` — target ${target.comparator ?? ''} ${target.value} ${target.unit?.percent ? '%' : target.unit?.name ?? ''}`.replace(/\s+/g, ' ') : '';
            return `**metric** \`${node.name}\` ${escapeMarkdown(node.label ?? '')}${escapeMarkdown(targetText)}`;
        }
        if (ast.isEvidenceItem(node)) {
            return `**evidence** \`${node.name}\` — ${escapeMarkdown(node.label)}`;
        }
        return undefined;
    }

    private stepContent(step: ast.Step): string {
        const model = this.models.getModel(step.$container);
        const modelStep = this.models.getStep(step);
        if (!modelStep) return `**step** \`${step.name}\` — ${escapeMarkdown(step.label ?? '')}`;
        const lane = model.lanes.find(l => l.id === modelStep.lane);
        const lines: string[] = [`**${escapeMarkdown(modelStep.label)}** (\`${modelStep.id}\`)`, ''];
        const row = (name: string, value: string | undefined) => {
            if (value) lines.push(`- ${name}: ${value}`);
        };
        row('lane', escapeMarkdown(lane?.label ?? modelStep.lane));
        row('stage', this.labelled(model.stages, modelStep.stage));
        row('actor', this.labelled(model.actors, modelStep.actor));
        row('channel', this.channelText(model, modelStep.channel));
        row('segments', modelStep.segments.map(id => this.labelled(model.segments, id)).join(', '));
        row('evidence', modelStep.evidence.map(escapeMarkdown).join('; '));
        row('duration', modelStep.duration && timeText(modelStep.duration, modelStep.durationTolerance));
        if (modelStep.wait) {
            row('wait', modelStep.wait.expected ? timeText(modelStep.wait.expected, modelStep.wait.tolerance) : 'no expected time');
        }
        row('time', stepTimeText(modelStep));
        row('critical path', this.criticalPathText(model, modelStep, step.$container));
        const labels = new Map(model.steps.map(s => [s.id, s.label]));
        const remedyText = (kind: string, remedy: ModelRemedy) => `${kind}: ${escapeMarkdown(remedy.text)}`
            + (remedy.pokaYoke ? ` (poka-yoke: ${remedy.pokaYoke})` : '')
            + (remedy.steps.length > 0 ? ` — carried out by ${remedy.steps.map(id => `${escapeMarkdown(labels.get(id) ?? id)} (\`${id}\`)`).join(' → ')}` : '');
        for (const fail of modelStep.failPoints) {
            const remedies = [...(fail.preventionDetails ?? []).map(p => remedyText('prevention', p)), ...(fail.recoveryDetails ?? []).map(r => remedyText('recovery', r))];
            const rate = fail.rate !== undefined ? ` — fails in ${percentText(fail.rate)} of cases` : '';
            row('fail point', `${escapeMarkdown(fail.cause)}${escapeMarkdown(rate)}${remedies.length > 0 ? `; ${remedies.join('; ')}` : ' (no prevention or recovery)'}`);
        }
        for (const decision of model.decisions.filter(d => d.step === modelStep.id)) {
            const flows = decision.flows.map(id => model.flows.find(flow => flow.id === id)).filter((f): f is ModelFlow => f !== undefined);
            const branches = flows.map(flow => `\`${flow.to}\`${flow.probability !== undefined ? ` ${percentText(flow.probability)}` : ''}${flow.label ? ` (${escapeMarkdown(flow.label)})` : ''}`);
            row(decision.kind === 'parallel' ? 'parallel split' : 'decision',
                `${decision.label ? `${escapeMarkdown(decision.label)} — ` : ''}${branches.join(', ')}${decision.join ? `; joins at \`${decision.join}\`` : ''}`);
        }
        for (const owner of model.steps) {
            for (const fail of owner.failPoints) {
                if ((fail.recoveryDetails ?? []).some(remedy => remedy.steps.includes(modelStep.id))) {
                    row('corrective sub-process', `recovery from "${escapeMarkdown(fail.cause)}" at ${escapeMarkdown(owner.label)} (\`${owner.id}\`)${fail.rate !== undefined ? `, in ${escapeMarkdown(percentText(fail.rate))} of cases` : ''}`);
                }
            }
        }
        for (const note of modelStep.notes) row('note', escapeMarkdown(note));
        for (const policy of modelStep.policies) row('policy', escapeMarkdown(policy));
        if (modelStep.independent) row('customer-independent', 'yes — below the line of order penetration, off the customer\'s path');
        if (modelStep.moment) row('moment of truth', modelStep.moment.reason ? escapeMarkdown(modelStep.moment.reason) : 'yes');
        if (modelStep.emotion) row('emotion', `${modelStep.emotion.feeling}${modelStep.emotion.note ? ` — ${escapeMarkdown(modelStep.emotion.note)}` : ''}`);
        if (modelStep.touchpoint) row('touchpoint', 'yes');
        if (modelStep.start) row('start', 'yes');
        if (modelStep.end) row('end', 'yes');
        const incoming = model.flows.filter(flow => flow.to === modelStep.id);
        const outgoing = model.flows.filter(flow => flow.from === modelStep.id);
        row('incoming', incoming.map(flow => flowText(flow, flow.from)).join(', '));
        row('outgoing', outgoing.map(flow => flowText(flow, flow.to)).join(', '));
        const metrics = model.metrics.filter(metric => metric.steps.includes(modelStep.id));
        row('metrics', metrics.map(metric => {
            const target = metric.target ? ` (${escapeMarkdown([metric.target.comparator, metric.target.value, metric.target.unit].filter(v => v !== undefined).join(' '))})` : '';
            return `${escapeMarkdown(metric.label)}${target}`;
        }).join('; '));
        return lines.join('\n');
    }

    /** The analysis summary: counts, the critical path against the tolerance, coverage, segments. */
    private blueprintContent(blueprint: ast.Blueprint): string {
        const model = this.models.getModel(blueprint);
        const analysis = this.analyses.getAnalysis(blueprint);
        const { counts, time } = analysis;
        const lines = [
            `**blueprint** \`${blueprint.name}\` — ${escapeMarkdown(model.title)}`,
            '',
            [`${model.steps.length} steps, ${model.flows.length} flows`, plural(counts.touchpoints, 'touchpoint'),
                plural(counts.waitPoints, 'wait point'), `${counts.momentsOfTruth} moment${counts.momentsOfTruth === 1 ? '' : 's'} of truth`,
                plural(counts.metrics, 'metric')].join(' · ')
        ];
        if (counts.steps === 0) return lines.join('\n');
        const critical = time.criticalPath;
        lines.push('');
        const labels = new Map(model.steps.map(step => [step.id, step.label]));
        const stepList = (path: Pick<ProcessPath, 'steps' | 'parallel'>) => pathText(path, id => escapeMarkdown(labels.get(id) ?? id));
        const section = (title: string, path: TimeFigures & Partial<Pick<ProcessPath, 'steps' | 'parallel'>>, chance?: number) => {
            const figures = pathFigures(model, time, path);
            lines.push(`**${title}**: ${escapeMarkdown(figures.total)}${escapeMarkdown(unknownSuffix(path))}${chance !== undefined ? ` — ${escapeMarkdown(percentText(chance))} of journeys` : ''}`, '');
            lines.push(`- waiting: ${figures.waiting}`, `- visible: ${figures.visible}`, `- backstage: ${figures.backstage}`);
            if (path.steps) lines.push(`- steps: ${stepList({ steps: path.steps, parallel: path.parallel })}`);
            if (path.unknownSteps.length > 0) lines.push(`- without a time: ${path.unknownSteps.map(id => `\`${id}\``).join(', ')}`);
            lines.push('');
        };
        if (critical && time.expected) {
            const branched = hasBranches(time);
            section(branched ? 'Expected time' : 'Expected time (= worst case: no alternatives, recoveries or rework)', branched ? time.expected : critical);
            if (branched) {
                if (time.mostLikelyPath) section('Most likely path', time.mostLikelyPath, time.mostLikelyPath.probability);
                section('Worst case (critical path)', critical);
                for (const exception of time.exceptionPaths.slice(0, 5)) {
                    const why = exception.kind === 'recovery' ? `recovery from "${exception.label ?? ''}"` : `${exception.from} → ${exception.to}${exception.label ? ` (${exception.label})` : ''}`;
                    lines.push(`- exception path, ${escapeMarkdown(why)}: ${escapeMarkdown(lowerBound(exception.totalSeconds, exception.unknownSteps.length))}${exception.probability !== undefined ? ` — ${escapeMarkdown(percentText(exception.probability))} of journeys` : ' — rate unknown'}`);
                }
                if (time.exceptionPaths.length > 0) lines.push('');
            }
        } else {
            lines.push('**Expected time**: none for the base path (every step belongs to a segment)', '');
        }
        if (time.toleranceSeconds !== undefined) {
            const verdicts = critical && time.expected
                ? `expected: ${toleranceText(time, time.expected)}${hasBranches(time) ? `; worst case: ${toleranceText(time, critical)}` : ''}`
                : 'no base path to compare';
            lines.push(`**Tolerance**: ${formatSeconds(time.toleranceSeconds)} — ${verdicts}`);
        } else if (model.tolerance) {
            lines.push('', `**Tolerance**: ${escapeMarkdown(formatTimeSpan(model.tolerance))} — unknown unit, not compared`);
        }
        const coverage = analysis.failPoints;
        lines.push('', coverage.total === 0
            ? '**Fail points**: none marked'
            : `**Fail points**: ${coverage.covered} of ${coverage.total} covered by a prevention or recovery (${Math.round(coverage.share! * 100)} %)`);
        if (time.loops.length > 0) {
            lines.push('', `**Loops** left out of the sums (no repeat given): ${time.loops.map(loop => `\`${loop.from}\` → \`${loop.to}\``).join(', ')}`);
        }
        if (time.undeclaredBranches.length > 0) {
            lines.push('', `**Branches without shares**, counted as parallel work: ${time.undeclaredBranches.map(id => `\`${id}\``).join(', ')}`);
        }
        if (model.policies.length > 0) lines.push('', `**Policies**: ${model.policies.map(escapeMarkdown).join('; ')}`);
        if (analysis.segments.length > 0) lines.push('', ...segmentTable(model, [time, ...analysis.segments]));
        return lines.join('\n');
    }

    /**
     * Whether the step lies on the critical path: of the base path and every segment variant for a
     * base step, of its own segments' variants for a segment step.
     */
    private criticalPathText(model: BlueprintModel, step: ModelStep, blueprint: ast.Blueprint): string {
        const analysis = this.analyses.getAnalysis(blueprint);
        const variants = step.segments.length === 0
            ? [analysis.time, ...analysis.segments]
            : analysis.segments.filter(variant => variant.segment !== undefined && step.segments.includes(variant.segment));
        const on = variants.filter(variant => variant.criticalPath?.steps.includes(step.id));
        if (on.length === 0) return 'no';
        const names = (list: TimeAnalysis[]) => list.map(variant => this.variantName(model, variant)).join(', ');
        if (on.length === variants.length) return step.segments.length === 0 ? 'yes' : `yes for ${names(on)}`;
        return `yes for ${names(on)}; no for ${names(variants.filter(variant => !on.includes(variant)))}`;
    }

    private variantName(model: BlueprintModel, variant: TimeAnalysis): string {
        return variant.segment === undefined ? 'the base path' : escapeMarkdown(segmentLabel(model, variant.segment));
    }

    private declarationContent(node: ast.Actor | ast.System | ast.Stage | ast.Channel | ast.Segment | ast.Persona | ast.CustomLane): string {
        const kind = node.$type === 'CustomLane' ? 'lane' : node.$type.toLowerCase();
        const header = `**${kind}** \`${node.name}\`${node.label ? ` — ${escapeMarkdown(node.label)}` : ''}`;
        const details: string[] = [];
        if (ast.isChannel(node)) {
            if (node.distance) details.push(node.distance);
            if (node.selfService) details.push('self-service');
        }
        // Nothing refers to a persona (it describes a customer of a segment): a use count would always say 0.
        const segment = ast.isPersona(node) ? node.segment?.ref : undefined;
        const uses = ast.isPersona(node) ? 0 : this.referenceFinder.findReferences(node, { includeDeclaration: false }).count();
        const usage = ast.isPersona(node)
            ? (segment ? `A customer of the segment ${escapeMarkdown(segment.label ?? segment.name)} (\`${segment.name}\`).` : 'A customer the blueprint is designed for.')
            : `Used ${uses} time${uses === 1 ? '' : 's'}.`;
        const builtin = AstUtils.getDocument(node).uri.scheme === 'blueprint-builtin' ? ' Built in.' : '';
        return `${header}${details.length > 0 ? ` (${escapeMarkdown(details.join(', '))})` : ''}\n\n${usage}${builtin}`;
    }

    private labelled(items: ReadonlyArray<{ id: string; label: string }>, id: string | undefined): string | undefined {
        if (id === undefined) return undefined;
        const label = items.find(item => item.id === id)?.label;
        return label && label !== id ? `${escapeMarkdown(label)} (\`${id}\`)` : `\`${id}\``;
    }

    private channelText(model: BlueprintModel, id: ModelStep['channel']): string | undefined {
        if (id === undefined) return undefined;
        const channel = model.channels.find(c => c.id === id);
        const details = [channel?.distance, channel?.selfService ? 'self-service' : undefined].filter(Boolean);
        return `${this.labelled(model.channels, id)}${details.length > 0 ? ` — ${escapeMarkdown(details.join(', '))}` : ''}`;
    }
}

/**
 * The step's contribution to the path times when it says more than the rows above: the sum of a
 * duration and a wait, or that there is none. A lone duration or wait is its own contribution, so
 * it is not repeated.
 */
function stepTimeText(step: ModelStep): string | undefined {
    const seconds = stepSeconds(step);
    if (seconds === undefined) return 'none given; totals through this step are lower bounds';
    const parts = [
        step.duration?.seconds !== undefined ? `duration ${formatSeconds(step.duration.seconds)}` : undefined,
        step.wait?.expected?.seconds !== undefined ? `wait ${formatSeconds(step.wait.expected.seconds)}` : undefined
    ].filter(Boolean);
    return parts.length > 1 ? `${formatSeconds(seconds)} (${parts.join(' + ')})` : undefined;
}

interface PathFigureTexts {
    readonly total: string;
    readonly waiting: string;
    readonly visible: string;
    readonly backstage: string;
    readonly unknown: number;
}

/** Each figure of a path as text, a lower bound (`≥`) exactly where a step it covers has no time. */
function pathFigures(model: BlueprintModel, time: TimeAnalysis, path: TimeFigures & { steps?: readonly string[] }): PathFigureTexts {
    const steps = new Map(model.steps.map(step => [step.id, step]));
    const unknown = path.unknownSteps.map(id => steps.get(id)).filter((step): step is ModelStep => step !== undefined);
    const visibleLanes = visibleLaneIds(model);
    const unknownVisible = unknown.filter(step => isStepCustomerVisible(step, visibleLanes)).length;
    const onPath = new Set(path.steps ?? path.unknownSteps);
    const openWaits = time.waits.filter(wait => onPath.has(wait.step) && wait.expectedSeconds === undefined).length;
    return {
        total: lowerBound(path.totalSeconds, path.unknownSteps.length),
        waiting: lowerBound(path.waitSeconds, openWaits),
        visible: lowerBound(path.visibleSeconds, unknownVisible),
        backstage: lowerBound(path.backstageSeconds, unknown.length - unknownVisible),
        unknown: path.unknownSteps.length
    };
}

function toleranceText(time: TimeAnalysis, critical: TimeFigures): string {
    const tolerance = time.toleranceSeconds!;
    switch (toleranceVerdict(time, critical)) {
        case 'exceeded': return `⚠ exceeded by ${critical.unknownSteps.length > 0 ? 'at least ' : ''}${formatSeconds(critical.totalSeconds - tolerance)}`;
        case 'open': return `within so far, ${formatSeconds(tolerance - critical.totalSeconds)} left for ${plural(critical.unknownSteps.length, 'step')} without a time`;
        default: return `✓ within (${formatSeconds(tolerance - critical.totalSeconds)} to spare)`;
    }
}

/** The base path and each segment variant side by side: expected figures, and the worst case. */
function segmentTable(model: BlueprintModel, variants: readonly TimeAnalysis[]): string[] {
    const header = variants.map(variant => variant.segment === undefined ? 'Base' : escapeMarkdown(segmentLabel(model, variant.segment)));
    const figures = variants.map(variant => variant.expected ? pathFigures(model, variant, variant.expected) : undefined);
    const worst = variants.map(variant => variant.criticalPath ? escapeMarkdown(lowerBound(variant.criticalPath.totalSeconds, variant.criticalPath.unknownSteps.length)) : '—');
    const row = (name: string, cell: (f: PathFigureTexts) => string) => `| ${name} | ${figures.map(f => f ? cell(f) : '—').join(' | ')} |`;
    return [
        `| | ${header.join(' | ')} |`,
        `|---|${variants.map(() => '--:').join('|')}|`,
        row('expected', f => f.total),
        row('waiting (expected)', f => f.waiting),
        row('visible (expected)', f => f.visible),
        row('backstage (expected)', f => f.backstage),
        `| worst case | ${worst.join(' | ')} |`,
        row('steps without a time', f => String(f.unknown))
    ];
}

function timeText(time: TimeSpan, tolerance?: TimeSpan): string {
    const main = escapeMarkdown(formatTimeSpan(time));
    return tolerance ? `${main} (tolerance ${escapeMarkdown(formatTimeSpan(tolerance))}${exceeds(time, tolerance) ? ', exceeded' : ''})` : main;
}

function exceeds(time: TimeSpan, tolerance: TimeSpan): boolean {
    return time.seconds !== undefined && tolerance.seconds !== undefined && time.seconds > tolerance.seconds;
}

const ARROWS: Readonly<Record<ModelFlow['kind'], string>> = { sequence: '->', 'two-way': '<->', 'hand-off': '~>', escalation: '=>' };

function flowText(flow: ModelFlow, other: string): string {
    return `\`${other}\` (${escapeMarkdown(flow.kind)} \`${ARROWS[flow.kind]}\`${flow.label ? `, ${escapeMarkdown(flow.label)}` : ''})`;
}

