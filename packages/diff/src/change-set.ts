/** The structured result of comparing two versions of a blueprint (`blueprint diff --format json`). */
import type { LanguageCode } from '@blueprint/model';

export type SubjectType = 'blueprint' | 'step' | 'flow' | 'metric' | 'actor' | 'channel' | 'stage' | 'segment' | 'persona' | 'lane' | 'evidence' | 'import';

export type ChangeKind =
    | 'added' | 'removed' | 'renamed' | 'relabelled' | 'moved-lane' | 'moved-stage'
    | 'actor-changed' | 'channel-changed' | 'evidence-added' | 'evidence-removed'
    | 'duration-changed' | 'wait-added' | 'wait-removed' | 'wait-changed'
    | 'fail-point-added' | 'fail-point-removed' | 'remedy-added' | 'remedy-removed'
    | 'moment-added' | 'moment-removed' | 'emotion-changed' | 'segments-changed' | 'boundary-changed'
    | 'kind-changed' | 'target-tightened' | 'target-loosened' | 'target-changed' | 'steps-changed'
    | 'title-changed' | 'tolerance-changed' | 'description-changed' | 'attribute-changed'
    | 'share-changed' | 'repeat-changed' | 'failure-rate-changed' | 'recovery-steps-changed' | 'escalation-return-lost'
    | 'time-standard-exceeded' | 'time-standard-met';

export interface Change {
    readonly subject: SubjectType;
    /** Id of the subject in the new version (the old one for removals). */
    readonly id: string;
    readonly kind: ChangeKind;
    /** One line a reviewer can read without the files, e.g. `Wait "Wait in the queue": expected wait 8 min → 12 min`. */
    readonly message: string;
    readonly before?: string;
    readonly after?: string;
    /** Above the line of visibility, or otherwise seen by the customer (evidence, touchpoints). */
    readonly customerVisible: boolean;
    /** Set when the change makes the service riskier for the customer; says why. */
    readonly risk?: string;
    /** Lane of the step concerned, for grouping. */
    readonly lane?: string;
}

export interface ChangeSummary {
    readonly changes: number;
    readonly added: number;
    readonly removed: number;
    readonly changed: number;
    readonly customerVisible: number;
    readonly risks: number;
}

export interface ChangeSet {
    readonly blueprint: string;
    readonly title: string;
    /** The new version's language (lane names, report headings). */
    readonly language?: LanguageCode;
    readonly summary: ChangeSummary;
    readonly changes: readonly Change[];
    /** Old step id → new step id for steps that kept their identity (same or renamed). */
    readonly stepMapping: Readonly<Record<string, string>>;
    /** The time figures of both versions; absent when neither has any time. */
    readonly time?: TimeComparison;
    /** The validator's findings that are new in the new version, or gone from it; absent when none were given. */
    readonly diagnostics?: DiagnosticChanges;
    /** Set when there was no old version (a new file): what the new blueprint holds. */
    readonly created?: BlueprintContents;
}

/** A new blueprint at a glance: its steps lane by lane, flows, stages, touchpoints and fail points. */
export interface BlueprintContents {
    readonly steps: number;
    readonly lanes: ReadonlyArray<{ readonly id: string; readonly label: string; readonly steps: number }>;
    readonly flows: number;
    readonly stages: number;
    readonly touchpoints: number;
    readonly failPoints: number;
}

/** One version's time figures against its time standard (seconds; `atLeast`: steps without a time make it a lower bound). */
export interface TimeFiguresOfVersion {
    readonly expectedSeconds?: number;
    readonly expectedAtLeast: boolean;
    readonly worstCaseSeconds?: number;
    readonly worstCaseAtLeast: boolean;
    /** The worst case's steps (the critical path), as ids and written out with labels. */
    readonly criticalPath?: readonly string[];
    readonly criticalPathText?: string;
    readonly toleranceSeconds?: number;
    /** Undefined when the version has no time standard. */
    readonly expectedAboveStandard?: boolean;
    readonly worstCaseAboveStandard?: boolean;
}

export interface TimeComparison {
    readonly before: TimeFiguresOfVersion;
    readonly after: TimeFiguresOfVersion;
}

/** A validator finding as the diff compares it (a rule code such as BP024, its severity and text). */
export interface DiffDiagnostic {
    readonly rule: string;
    readonly severity: 'error' | 'warning' | 'info' | 'hint';
    readonly message: string;
    /** 1-based line in its version, when known. */
    readonly line?: number;
}

export interface DiagnosticChanges {
    readonly added: readonly DiffDiagnostic[];
    readonly resolved: readonly DiffDiagnostic[];
}

export interface DiffOptions {
    /** Each version's validator findings; the diff lists the new and the resolved ones. */
    readonly diagnostics?: { readonly before: readonly DiffDiagnostic[]; readonly after: readonly DiffDiagnostic[] };
}
