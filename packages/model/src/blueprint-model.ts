/**
 * The blueprint model: a plain, serialisable description of one service blueprint.
 * It is derived from the AST in exactly one place (model-builder.ts) and is what the diagram,
 * the CLI, the semantic diff and the analysis consume. Ids are the names written in the text.
 */
import { localisation, type LanguageCode } from './i18n/localisation.js';
import type { TimeSpan } from './time.js';

export type StandardLaneKind = 'evidence' | 'customer' | 'frontstage' | 'backstage' | 'support';
export type LaneKind = StandardLaneKind | 'custom';
export type LineKind = 'interaction' | 'visibility' | 'internal' | 'order-penetration' | 'implementation';
export type FlowKind = 'sequence' | 'two-way' | 'hand-off' | 'escalation';
export type ChannelDistance = 'remote' | 'phone' | 'face-to-face';
export type Feeling = 'delighted' | 'positive' | 'neutral' | 'negative' | 'frustrated';
export type Comparator = '>=' | '<=' | '>' | '<' | '=';

export const STANDARD_LANES: readonly StandardLaneKind[] = ['evidence', 'customer', 'frontstage', 'backstage', 'support'];

/** English lane and line names; other languages: i18n/localisation.ts. */
export const STANDARD_LANE_LABELS: Readonly<Record<StandardLaneKind, string>> = localisation('en').lanes;

export const LINE_LABELS: Readonly<Record<LineKind, string>> = localisation('en').lines;

/** Zero-based position in the source text, as in LSP. */
export interface SourceRange {
    readonly start: { readonly line: number; readonly character: number };
    readonly end: { readonly line: number; readonly character: number };
}

export interface ModelLane {
    readonly id: string;
    readonly kind: LaneKind;
    readonly label: string;
}

export interface ModelLine {
    readonly kind: LineKind;
    readonly label: string;
    /** The lanes the line lies between (ids); `below` is undefined for a line under the last lane. */
    readonly above: string;
    readonly below?: string;
}

export interface ModelStage {
    readonly id: string;
    readonly label: string;
}

export interface ModelActor {
    readonly id: string;
    readonly label: string;
    /** `actor` is a person or role; `system` is an IT system or automated service. */
    readonly kind: 'actor' | 'system';
    /** The declaration's `note`s, in the order written. */
    readonly notes: readonly string[];
}

export interface ModelChannel {
    readonly id: string;
    readonly label: string;
    readonly distance?: ChannelDistance;
    readonly selfService: boolean;
}

export interface ModelSegment {
    readonly id: string;
    readonly label: string;
}

export interface ModelPersona {
    readonly id: string;
    readonly label: string;
    readonly segment?: string;
    /** The declaration's `note`s, in the order written. */
    readonly notes: readonly string[];
}

/** Chase & Stewart's poka-yokes: server errors (task, treatment, tangible), customer errors (preparation, encounter, resolution). */
export type PokaYokeType = 'task' | 'treatment' | 'tangible' | 'preparation' | 'encounter' | 'resolution';
export const POKA_YOKE_TYPES: readonly PokaYokeType[] = ['task', 'treatment', 'tangible', 'preparation', 'encounter', 'resolution'];

export interface ModelRemedy {
    readonly text: string;
    readonly pokaYoke?: PokaYokeType;
    /** The steps that carry the remedy out: the corrective sub-process of a recovery (ids). */
    readonly steps: readonly string[];
}

export interface ModelFailPoint {
    readonly cause: string;
    /** How often the failure happens, 0..1, if written (`rate 10 %`). */
    readonly rate?: number;
    readonly preventions: readonly string[];
    readonly recoveries: readonly string[];
    /** The remedies in full, in the order written (the string lists above are their texts). */
    readonly preventionDetails: readonly ModelRemedy[];
    readonly recoveryDetails: readonly ModelRemedy[];
}

export interface ModelWait {
    readonly expected?: TimeSpan;
    readonly tolerance?: TimeSpan;
}

export interface ModelStep {
    readonly id: string;
    readonly label: string;
    readonly lane: string;
    readonly laneKind: LaneKind;
    readonly stage?: string;
    readonly actor?: string;
    readonly channel?: string;
    /** Evidence labels: written on the step and declared as evidence items on it. */
    readonly evidence: readonly string[];
    readonly duration?: TimeSpan;
    readonly durationTolerance?: TimeSpan;
    readonly wait?: ModelWait;
    readonly failPoints: readonly ModelFailPoint[];
    readonly moment?: { readonly reason?: string };
    readonly emotion?: { readonly feeling: Feeling; readonly note?: string };
    readonly notes: readonly string[];
    readonly policies: readonly string[];
    /**
     * Runs apart from any customer order (marked `independent`, or reached only from such steps):
     * below the line of order penetration and off the customer's path.
     */
    readonly independent: boolean;
    /** Segment ids this step is a variant for; empty for the base path. */
    readonly segments: readonly string[];
    readonly start: boolean;
    readonly end: boolean;
    /** A customer step that meets the provider: a flow across the line of interaction or a channel. */
    readonly touchpoint: boolean;
    readonly range?: SourceRange;
}

export interface ModelEvidence {
    readonly id: string;
    readonly label: string;
    readonly step?: string;
    readonly stage?: string;
    /** True for `evidence "..."` written inside a step, false for a declared evidence item. */
    readonly inline: boolean;
}

export interface ModelFlow {
    /** `from->to`, with `#n` appended for the n-th repeat of the same pair. */
    readonly id: string;
    readonly from: string;
    readonly to: string;
    readonly kind: FlowKind;
    readonly label?: string;
    readonly loop: boolean;
    /** How often a rework loop repeats: a probability per pass (0..1), or a number of extra passes. */
    readonly repeat?: { readonly probability: number } | { readonly times: number };
    /** The share as written: a percentage or a weight (alternatives of a decision). */
    readonly share?: ModelShare;
    /** The chance this flow is taken once its source is done (0..1), when its decision says so. */
    readonly probability?: number;
    /** Lines this flow crosses, top to bottom. */
    readonly crosses: readonly LineKind[];
}

export interface ModelShare {
    readonly value: number;
    readonly unit: '%' | 'weight';
}

/** A branch point: alternatives with shares, or parallel work that joins again. */
export interface ModelDecision {
    /** The step where the process branches. */
    readonly step: string;
    readonly kind: 'alternative' | 'parallel';
    /** The question asked at a decision, or the label of the parallel block. */
    readonly label?: string;
    /** True when written as a `decision`/`parallel` block, false when implied by shares on flows. */
    readonly declared: boolean;
    readonly join?: string;
    /** Flow ids of the branches, in the order written. */
    readonly flows: readonly string[];
}

export interface ModelMetricTarget {
    readonly comparator?: Comparator;
    readonly value: number;
    /** `%`, a time unit, or any other unit as written. */
    readonly unit?: string;
    /** The threshold a service level is measured against: `>= 85 % within 15 s`. */
    readonly within?: TimeSpan;
}

export interface ModelMetric {
    readonly id: string;
    readonly label: string;
    readonly steps: readonly string[];
    readonly target?: ModelMetricTarget;
}

export interface BlueprintModel {
    readonly id: string;
    readonly title: string;
    readonly description?: string;
    /** The blueprint's language (its `language`, else the workspace's, else English): lane and line names, report headings. */
    readonly language: LanguageCode;
    /** Policies and regulations for the whole process. */
    readonly policies: readonly string[];
    /** Time standard for the whole process, if declared. */
    readonly tolerance?: TimeSpan;
    /** Lanes top to bottom. */
    readonly lanes: readonly ModelLane[];
    readonly lines: readonly ModelLine[];
    readonly stages: readonly ModelStage[];
    readonly actors: readonly ModelActor[];
    readonly channels: readonly ModelChannel[];
    readonly segments: readonly ModelSegment[];
    readonly personas: readonly ModelPersona[];
    readonly steps: readonly ModelStep[];
    readonly evidence: readonly ModelEvidence[];
    readonly flows: readonly ModelFlow[];
    readonly decisions: readonly ModelDecision[];
    readonly metrics: readonly ModelMetric[];
    /** Import paths as written. */
    readonly imports: readonly string[];
}
