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
    | 'share-changed' | 'repeat-changed' | 'failure-rate-changed' | 'recovery-steps-changed' | 'escalation-return-lost';

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
}
