/**
 * Code lenses with the service-analysis figures: above the `blueprint` header the counts, the
 * customer's waiting time, the critical path against the tolerance and the segment variants; above
 * each stage declaration its steps and its share of the critical path.
 *
 * The lenses are informational: their command id is empty, which VS Code renders as plain text
 * rather than a link, so nothing fails when they are clicked.
 */
import { GrammarUtils, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams, Range } from 'vscode-languageserver';
import type { BlueprintAnalysisProvider } from '../analysis/analysis-provider.js';
import type { BlueprintAnalysis } from '@blueprint/model';
import { pathText, stepSeconds, type ProcessPath, type TimeAnalysis, type TimeFigures } from '@blueprint/model';
import type { BlueprintServices } from '../blueprint-module.js';
import * as ast from '../generated/ast.js';
import type { BlueprintModel } from '@blueprint/model';
import type { BlueprintModelProvider } from '../model/model-provider.js';
import { formatSeconds } from '@blueprint/model';

export class BlueprintCodeLensProvider implements CodeLensProvider {
    private readonly models: BlueprintModelProvider;
    private readonly analyses: BlueprintAnalysisProvider;

    constructor(services: BlueprintServices) {
        this.models = services.model.BlueprintModelProvider;
        this.analyses = services.model.BlueprintAnalysisProvider;
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): MaybePromise<CodeLens[] | undefined> {
        const root = document.parseResult?.value as ast.BlueprintFile | undefined;
        if (!root) return undefined;
        const blueprints = root.elements.filter(ast.isBlueprint);
        if (blueprints.length === 0) return [];
        const lenses: CodeLens[] = [];
        for (const blueprint of blueprints) {
            const headerRange = blueprintHeaderRange(blueprint);
            const model = this.modelOf(blueprint);
            // Without a name the header is not there yet; figures under it would only confuse.
            if (!blueprint.name || !headerRange || !model) continue;
            const analysis = this.analyses.forModel(document.uri, model);
            lenses.push(...blueprintLensTitles(model, analysis).map(({ title, tooltip }) => informationalLens(headerRange, title, tooltip)));
            for (const stage of blueprint.members.filter(ast.isStage)) {
                const range = stage.$cstNode?.range;
                if (range) lenses.push(informationalLens(lineStart(range), stageLensTitle(model, analysis.time, stage.name)));
            }
        }
        // Stages declared at the top level of a file count for the file's (first) blueprint.
        const model = this.modelOf(blueprints[0]);
        if (model) {
            for (const stage of root.elements.filter(ast.isStage)) {
                const range = stage.$cstNode?.range;
                if (range) lenses.push(informationalLens(lineStart(range), stageLensTitle(model, this.analyses.forModel(document.uri, model).time, stage.name)));
            }
        }
        return lenses;
    }

    /**
     * The model, or undefined when the half-typed AST of a document with syntax errors cannot be
     * built into one: lenses are asked for on every keystroke and must not turn into error popups.
     */
    private modelOf(blueprint: ast.Blueprint): BlueprintModel | undefined {
        try {
            return this.models.getModel(blueprint);
        } catch {
            return undefined;
        }
    }
}

/**
 * The header lenses, each saying which figure it is: counts; the expected time (Shostack's
 * question) against the tolerance; the most likely path and the worst case (critical path) when
 * branches make them differ; the customer's waiting; segments; loops and branches without shares.
 */
export function blueprintLensTitles(model: BlueprintModel, analysis: BlueprintAnalysis): Array<{ title: string; tooltip?: string }> {
    const { counts, time } = analysis;
    if (counts.steps === 0) return [{ title: 'no steps yet' }];
    const failPoints = counts.failPoints === 0
        ? 'no fail points'
        : `${plural(counts.failPoints, 'fail point')} (${analysis.failPoints.covered} covered)`;
    const titles: Array<{ title: string; tooltip?: string }> = [
        { title: [plural(counts.steps, 'step'), plural(counts.touchpoints, 'touchpoint'), failPoints].join(' · ') }
    ];
    const critical = time.criticalPath;
    const expected = time.expected;
    if (critical && expected) {
        const labels = new Map(model.steps.map(step => [step.id, step.label]));
        const stepsText = (path: Pick<ProcessPath, 'steps' | 'parallel'>) => pathText(path, id => labels.get(id) ?? id);
        const branched = hasBranches(time);
        titles.push({
            title: branched
                ? `expected ${boundText(expected)}${unknownSuffix(expected)}${toleranceSuffix(time, expected)}`
                : `expected = worst case ${boundText(critical)}${unknownSuffix(critical)}${toleranceSuffix(time, critical)}`,
            tooltip: branched
                ? 'Expected time: alternatives weighted by their shares, recoveries by their failure rates, rework loops by their repeats; parallel work counts its longest branch'
                : `No alternatives, recoveries or rework: the expected time is the worst case (critical path): ${stepsText(critical)}`
        });
        if (branched) {
            const likely = time.mostLikelyPath;
            if (likely) {
                titles.push({
                    title: `most likely ${boundText(likely)}${likely.probability !== undefined ? ` (${percentText(likely.probability)} of journeys)` : ''}`,
                    tooltip: `Most likely path: ${stepsText(likely)}`
                });
            }
            titles.push({
                title: `worst case ${boundText(critical)}${unknownSuffix(critical)}${toleranceSuffix(time, critical)}`,
                tooltip: `Worst case (critical path): ${stepsText(critical)}`
            });
        }
        titles.push({ title: expected.waitSeconds > 0 || openWait(time, critical) ? `customer waits ${expectedWaitText(time, expected, critical)}${branched ? ' (expected)' : ''}` : 'no waits on the customer\'s path' });
    } else {
        titles.push({ title: 'no base path: every step belongs to a segment' });
    }
    const segments = analysis.segments.filter(segment => segment.expected);
    if (segments.length > 0) {
        titles.push({
            title: `expected — ${segments.map(segment => `${segmentLabel(model, segment.segment)}: ${boundText(segment.expected!)}`).join(' · ')}`,
            tooltip: 'Expected time of each segment variant (base steps plus the segment\'s own steps)'
        });
    }
    if (time.loops.length > 0) {
        titles.push({
            title: `${plural(time.loops.length, 'loop')} not summed (no repeat given)`,
            tooltip: time.loops.map(loop => `${loop.from} → ${loop.to}`).join(', ')
        });
    }
    if (time.undeclaredBranches.length > 0) {
        titles.push({
            title: `${plural(time.undeclaredBranches.length, 'branch point')} without shares: counted as parallel`,
            tooltip: `Give the flows out of ${time.undeclaredBranches.join(', ')} shares (\`-> Step 95 %\`) if only one of them is taken`
        });
    }
    return titles;
}

/** Whether alternatives, recoveries or rework make the expected time differ from the worst case. */
export function hasBranches(time: TimeAnalysis): boolean {
    return time.exceptionPaths.length > 0 || time.rework.length > 0
        || (time.expected !== undefined && time.criticalPath !== undefined && time.expected.totalSeconds !== time.criticalPath.totalSeconds);
}

export function percentText(share: number): string {
    const value = share * 100;
    return `${Number.isInteger(Math.round(value * 10) / 10) ? Math.round(value) : (Math.round(value * 10) / 10)} %`;
}

function openWait(time: TimeAnalysis, critical: TimeFigures & { steps: readonly string[] }): boolean {
    const onPath = new Set(critical.steps);
    return time.waits.some(wait => onPath.has(wait.step) && wait.expectedSeconds === undefined);
}

/** The customer's expected waiting; `≥` (or unknown) when a wait on the way has no expected time. */
function expectedWaitText(time: TimeAnalysis, expected: TimeFigures, critical: TimeFigures & { steps: readonly string[] }): string {
    return lowerBound(expected.waitSeconds, openWait(time, critical) ? 1 : 0);
}

/** `4 steps · 2 min 50 s on the critical path`, with `≥` and a count when times are missing. */
export function stageLensTitle(model: BlueprintModel, time: TimeAnalysis, stage: string): string {
    const steps = model.steps.filter(step => step.stage === stage);
    if (steps.length === 0) return 'no steps';
    const onPath = new Set(time.criticalPath?.steps ?? []);
    const critical = steps.filter(step => onPath.has(step.id));
    if (critical.length === 0) return `${plural(steps.length, 'step')} · not on the critical path`;
    const seconds = critical.reduce((sum, step) => sum + (stepSeconds(step) ?? 0), 0);
    const unknown = critical.filter(step => stepSeconds(step) === undefined).length;
    const known = lowerBound(seconds, unknown);
    return `${plural(steps.length, 'step')} · ${known === 'unknown' ? 'on the critical path, no time given' : `${known} on the critical path`}`
        + (unknown > 0 ? ` (${plural(unknown, 'step')} without a time)` : '');
}

/** Known total as a lower bound: `≥ 24 min` when some steps have no time, never a silent zero. */
export function boundText(figures: TimeFigures): string {
    return lowerBound(figures.totalSeconds, figures.unknownSteps.length);
}

/** `≥ 2 min` when `unknown` steps add an unknown time; `unknown` when nothing at all is known. */
export function lowerBound(knownSeconds: number, unknown: number): string {
    if (unknown === 0) return formatSeconds(knownSeconds);
    return knownSeconds > 0 ? `≥ ${formatSeconds(knownSeconds)}` : 'unknown';
}

export function unknownSuffix(figures: TimeFigures): string {
    const unknown = figures.unknownSteps.length;
    return unknown > 0 ? ` (${plural(unknown, 'step')} without a time)` : '';
}

/**
 * The tolerance verdict. Known times only ever grow when missing ones are added, so a known total
 * above the tolerance is a definite breach, while one below it is only "within so far".
 */
export function toleranceVerdict(time: TimeAnalysis, critical: TimeFigures): 'exceeded' | 'within' | 'open' | undefined {
    if (time.toleranceSeconds === undefined) return undefined;
    if (critical.totalSeconds > time.toleranceSeconds) return 'exceeded';
    return critical.unknownSteps.length > 0 ? 'open' : 'within';
}

function toleranceSuffix(time: TimeAnalysis, critical: TimeFigures): string {
    const verdict = toleranceVerdict(time, critical);
    if (verdict === undefined) return '';
    const tolerance = formatSeconds(time.toleranceSeconds!);
    switch (verdict) {
        case 'exceeded': return ` · tolerance ${tolerance} ⚠ exceeded`;
        case 'within': return ` · tolerance ${tolerance} ✓ within`;
        case 'open': return ` · tolerance ${tolerance}: within so far`;
    }
}

export function segmentLabel(model: BlueprintModel, id: string | undefined): string {
    return model.segments.find(segment => segment.id === id)?.label ?? id ?? 'base';
}

export function plural(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function informationalLens(range: Range, title: string, tooltip?: string): CodeLens {
    // VS Code reads `$(name)` in a lens title as an icon; escape it so labels print as written.
    const command = { title: title.replace(/\$\(/g, '\\$('), command: '' };
    return { range, command: tooltip ? { ...command, tooltip } : command };
}

/** From `blueprint` to the title (or name): the first line of the declaration. */
function blueprintHeaderRange(blueprint: ast.Blueprint): Range | undefined {
    const node = blueprint.$cstNode;
    if (!node) return undefined;
    const last = blueprint.title !== undefined
        ? GrammarUtils.findNodeForProperty(blueprint.$cstNode, 'title')
        : GrammarUtils.findNodeForProperty(blueprint.$cstNode, 'name');
    return { start: node.range.start, end: last?.range.end ?? node.range.start };
}

function lineStart(range: Range): Range {
    return { start: range.start, end: range.start };
}
