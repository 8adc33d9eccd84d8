/**
 * A laid-out blueprint as Mermaid text, for places that draw Mermaid themselves (GitHub Markdown,
 * wikis, PR comments). Mermaid does its own layout, so only the structure is written: one subgraph
 * per lane in lane order, the steps in reading order (by their laid-out x), the flows with their
 * labels and shares, the lines of interaction, visibility and internal interaction on the lanes
 * below them, and classes (with a legend) for fail points, waits, moments of truth and evidence;
 * the flows of a fail point's corrective sub-process in the recovery colour (`linkStyle`).
 * Two dialects: `flowchart LR`, which every Mermaid renders (it places the lanes itself, mostly in
 * order), and `swimlane-beta LR` (Mermaid 11.16 and later), which draws them as real swimlanes. A flowchart ranks every linked box
 * left to right, so an evidence box linked to its step would sit beside it, not above: there the
 * evidence is written on its step and the evidence lane is left out. Shared by the export (the
 * whole blueprint) and the semantic diff (the changed region, with its own classes).
 */
import { escapeMermaid, mermaidId } from '@blueprint/escape';
import { localisation } from '@blueprint/model';
import type { BlueprintLayout, LaidOutFlow, LaidOutLane, LaidOutLine, LaidOutStep } from './geometry.js';

export type MermaidDialect = 'flowchart' | 'swimlane';

export interface MermaidOptions {
    /** `flowchart` (default) renders everywhere; `swimlane` needs Mermaid 11.16 or later. */
    readonly dialect?: MermaidDialect;
    /** Only these steps (ids), and the flows between them; by default every step. */
    readonly steps?: ReadonlySet<string>;
    /** More classes per step or flow id (e.g. the diff's `added`), defined in `classDefs`. */
    readonly classes?: ReadonlyMap<string, readonly string[]>;
    /** Class name → Mermaid style and the legend's text for it. */
    readonly classDefs?: Readonly<Record<string, MermaidClassDef>>;
    /** Adds a legend of the classes used (flowchart only: in a swimlane diagram it would be a lane). Default true. */
    readonly legend?: boolean;
    /** The blueprint's language (`ko`…), for the legend; English by default. */
    readonly language?: string;
}

export interface MermaidClassDef {
    /** Mermaid style properties, e.g. `fill:#dafbe1,stroke:#1a7f37`. */
    readonly style: string;
    readonly legend: string;
    /** Style of a flow with this class (`linkStyle`); none leaves flows as they are. */
    readonly linkStyle?: string;
}

/** The blueprint's own marks, in the order the legend lists them, with the legend in a language. */
export function blueprintMermaidClasses(language?: string): Readonly<Record<string, MermaidClassDef>> {
    const legend = localisation(language).diagram.mermaidLegend;
    return {
        fail: { style: 'stroke:#cf222e,stroke-width:2.5px', legend: legend.fail },
        wait: { style: 'stroke:#9a6700,stroke-width:2px,stroke-dasharray:5 3', legend: legend.wait },
        moment: { style: 'fill:#fbefff,stroke:#8250df,stroke-width:2px', legend: legend.moment },
        evidence: { style: 'fill:#fff8c5,stroke:#57606a', legend: legend.evidence },
        // A class of flows: the legend's box shows the colour, the flows take it through linkStyle.
        recovery: { style: 'fill:#ffffff,stroke:#0f766e,stroke-width:2px,color:#0f766e', legend: legend.recovery, linkStyle: 'stroke:#0f766e,stroke-width:2px,color:#0f766e' }
    };
}

/** The marks with their English legend. */
export const BLUEPRINT_MERMAID_CLASSES: Readonly<Record<string, MermaidClassDef>> = blueprintMermaidClasses('en');

/** Lanes above the line of visibility are white, the ones below grey: the picture keeps the line. */
const LANE_STYLE = { visible: 'fill:#ffffff,stroke:#8c959f', hidden: 'fill:#f6f8fa,stroke:#8c959f,stroke-dasharray:6 4' } as const;

const ARROWS: Readonly<Record<LaidOutFlow['kind'], string>> = {
    sequence: '-->', 'two-way': '<-->', 'hand-off': '-.->', escalation: '==>', evidence: '-.-'
};

export function writeMermaid(layout: BlueprintLayout, options: MermaidOptions = {}): string {
    const dialect = options.dialect ?? 'flowchart';
    const defs = { ...blueprintMermaidClasses(options.language), ...options.classDefs };
    const included = (step: LaidOutStep) => (options.steps === undefined || options.steps.has(step.id))
        && (dialect === 'swimlane' || step.evidenceFor === undefined);
    const steps = layout.steps.filter(included);
    const evidenceOf = new Map<string, string[]>();
    for (const step of layout.steps) {
        if (step.evidenceFor !== undefined) evidenceOf.set(step.evidenceFor, [...(evidenceOf.get(step.evidenceFor) ?? []), step.label]);
    }
    const label = (step: LaidOutStep) => shape(step, dialect === 'flowchart' ? evidenceOf.get(step.id) ?? [] : []);
    const stepIds = new Set(steps.map(step => step.id));
    const nodeId = new Map(steps.map(step => [step.id, mermaidId('s', step.id)]));
    const out: string[] = [];
    if (dialect === 'flowchart') {
        // Room below a lane's title for the line written under it, so the title does not run into the first box.
        out.push('---', 'config:', '  flowchart:', '    subGraphTitleMargin:', '      top: 4', '      bottom: 22', '---');
    }
    out.push(`%% ${escapeMermaid(layout.title || layout.id)}`);
    out.push(dialect === 'swimlane' ? 'swimlane-beta LR' : 'flowchart LR');

    const lineBelow = linesByLaneBelow(layout.lanes, layout.lines);
    const hiddenFrom = hiddenLanes(layout.lanes, layout.lines);
    const usedClasses = new Map<string, string[]>();
    const addClass = (name: string, id: string) => {
        if (!defs[name]) return;
        usedClasses.set(name, [...(usedClasses.get(name) ?? []), id]);
    };
    const laneStyles: string[] = [];
    const writtenLanes: string[] = [];
    const placed = new Set<string>();

    // Mermaid's flowchart layout (dagre) tends to stack the subgraph declared last on top and to
    // mirror the order of the boxes in a rank: declared bottom-up and right to left, the lanes of the
    // examples come out in order far more often (29 of 40 neighbouring lanes, against 17 top-down).
    // The swimlane layout keeps the order as written.
    const flipped = dialect === 'flowchart';
    const lanes = flipped ? [...layout.lanes].reverse() : layout.lanes;
    if (flipped) out.push('    %% Lanes bottom-up, steps right to left: Mermaid then draws them top-down, left to right.');
    for (const lane of lanes) {
        const members = steps.filter(step => step.lane === lane.id).sort((a, b) => (a.x - b.x || a.y - b.y) * (flipped ? -1 : 1));
        // An empty subgraph breaks the swimlane layout and is an empty box in a flowchart; a diff's region draws only the lanes it touches.
        if (members.length === 0) continue;
        const laneId = mermaidId('lane', lane.id);
        out.push(`    subgraph ${laneId}["${laneTitle(lane, lineBelow.get(lane.id))}"]`);
        if (dialect === 'flowchart') out.push('        direction LR');
        for (const step of members) {
            const id = nodeId.get(step.id)!;
            out.push(`        ${id}${label(step)}`);
            for (const name of [...stepClasses(step), ...options.classes?.get(step.id) ?? []]) addClass(name, id);
        }
        out.push('    end');
        for (const step of members) placed.add(step.id);
        writtenLanes.push(laneId);
        laneStyles.push(`    style ${laneId} ${hiddenFrom.has(lane.id) ? LANE_STYLE.hidden : LANE_STYLE.visible}`);
    }

    // A step of a lane the layout does not know (a half-typed file) is still drawn, outside the lanes.
    for (const step of steps.filter(step => !placed.has(step.id))) {
        out.push(`    ${nodeId.get(step.id)}${label(step)}`);
        for (const name of [...stepClasses(step), ...options.classes?.get(step.id) ?? []]) addClass(name, nodeId.get(step.id)!);
    }

    const flows = layout.flows.filter(flow => stepIds.has(flow.from) && stepIds.has(flow.to));
    const linkStyles = new Map<string, number[]>();
    flows.forEach((flow, index) => {
        // The step first: the swimlane layout then puts its evidence in the same column.
        const [from, to] = flow.kind === 'evidence' ? [flow.to, flow.from] : [flow.from, flow.to];
        out.push(`    ${nodeId.get(from)} ${ARROWS[flow.kind]}${edgeLabel(flow)} ${nodeId.get(to)}`);
        for (const name of [...(flow.recovery !== undefined ? ['recovery'] : []), ...options.classes?.get(flow.id) ?? []]) {
            if (!defs[name]?.linkStyle) continue;
            linkStyles.set(name, [...(linkStyles.get(name) ?? []), index]);
            // A flow class of the blueprint's own is explained in the legend, as the step classes are.
            if (name === 'recovery' && !usedClasses.has(name)) usedClasses.set(name, []);
        }
    });

    // Invisible links from each lane to the one written after it (after the flows, so that linkStyle's
    // indexes stay the flows'): in Chromium they keep 27 of the examples' 40 neighbouring lanes in
    // order against 23 without, Bitner's hotel among them. Dagre still decides (its crossing count
    // cannot tell an order from its mirror image), so the order is likely, not guaranteed.
    if (dialect === 'flowchart') {
        for (let i = 1; i < writtenLanes.length; i++) out.push(`    ${writtenLanes[i - 1]} ~~~ ${writtenLanes[i]}`);
    }

    if (dialect === 'flowchart' && (options.legend ?? true) && usedClasses.size > 0) {
        out.push(`    subgraph legend["${escapeMermaid(localisation(options.language).diagram.legend)}"]`, '        direction TB');
        for (const name of Object.keys(defs).filter(name => usedClasses.has(name))) out.push(`        legend_${name}["${escapeMermaid(defs[name]!.legend)}"]`);
        out.push('    end');
        for (const name of usedClasses.keys()) usedClasses.get(name)!.push(`legend_${name}`);
    }

    out.push(...laneStyles);
    if (dialect === 'flowchart' && (options.legend ?? true) && usedClasses.size > 0) out.push('    style legend fill:#ffffff,stroke:#d0d7de');
    for (const [name, def] of Object.entries(defs)) {
        if (usedClasses.has(name)) out.push(`    classDef ${name} ${def.style}`);
    }
    for (const [name, ids] of usedClasses) if (ids.length > 0) out.push(`    class ${ids.join(',')} ${name}`);
    for (const [name, indexes] of linkStyles) out.push(`    linkStyle ${indexes.join(',')} ${defs[name]!.linkStyle}`);
    return out.join('\n') + '\n';
}

/** The line drawn above each lane (the lane right below it), by lane id. */
function linesByLaneBelow(lanes: readonly LaidOutLane[], lines: readonly LaidOutLine[]): Map<string, LaidOutLine> {
    const result = new Map<string, LaidOutLine>();
    for (const line of lines) {
        const below = lanes.find(lane => Math.abs(lane.y - line.y) < 1) ?? lanes.find(lane => lane.y >= line.y);
        if (below && !result.has(below.id)) result.set(below.id, line);
    }
    return result;
}

/** Lanes below the line of visibility: out of the customer's sight. */
function hiddenLanes(lanes: readonly LaidOutLane[], lines: readonly LaidOutLine[]): Set<string> {
    const visibility = lines.find(line => line.kind === 'visibility');
    if (!visibility) return new Set(lanes.filter(lane => lane.kind === 'backstage' || lane.kind === 'support').map(lane => lane.id));
    return new Set(lanes.filter(lane => lane.y >= visibility.y - 1).map(lane => lane.id));
}

function laneTitle(lane: LaidOutLane, lineAbove: LaidOutLine | undefined): string {
    const title = `<b>${escapeMermaid(lane.label)}</b>`;
    return lineAbove ? `${title}<br/><i>┄ ${escapeMermaid(lineAbove.label)} ┄</i>` : title;
}

function stepClasses(step: LaidOutStep): string[] {
    if (step.evidenceFor !== undefined) return ['evidence'];
    return [step.failPoint && 'fail', step.waitPoint && 'wait', step.moment && 'moment'].filter((name): name is string => typeof name === 'string');
}

/** Evidence as a plain box, steps rounded; badges first, then the label, then who and through what, then the evidence. */
function shape(step: LaidOutStep, evidence: readonly string[]): string {
    // The fail point's number as on the SVG's badge (`F1`), which the way into its recovery is labelled with.
    const failBadge = step.marks?.find(mark => mark.kind === 'fail')?.lines.join('') || 'F';
    const badges = [step.failPoint ? failBadge : undefined, step.waitPoint ? (step.waitTime ? `W ${step.waitTime}` : 'W') : undefined, step.moment ? 'MOT' : undefined]
        .filter((badge): badge is string => badge !== undefined);
    const head = badges.length > 0 ? `<b>${escapeMermaid(badges.join(' · '))}</b> ` : '';
    // The chips' texts as the diagram draws them: the channel's label (a built-in one in the blueprint's language), not its name.
    const details = [step.actor, step.details.channel ?? step.channel, ...step.segments.map(segment => `[${segment}]`)].filter((part): part is string => !!part);
    const tail = (details.length > 0 ? `<br/><small>${escapeMermaid(details.join(' · '))}</small>` : '')
        + evidence.map(item => `<br/><small>▭ ${escapeMermaid(item)}</small>`).join('');
    const text = `"${head}${escapeMermaid(step.label)}${tail}"`;
    return step.evidenceFor !== undefined ? `[${text}]` : `(${text})`;
}

function edgeLabel(flow: LaidOutFlow): string {
    const label = [flow.loop ? '↺' : undefined, flow.label].filter(Boolean).join(' ');
    return label ? `|"${escapeMermaid(label)}"|` : '';
}
