/**
 * The diagram messages between the language server and the editor (one notification pair).
 * The client says which documents it shows; the server answers with laid-out geometry after each
 * validated build of those documents.
 */
import type { BlueprintLayout } from '@blueprint/diagram';
import type { Change, ChangeSummary } from '@blueprint/diff';
import type { LanguageCode } from '@blueprint/model';
import { notification, request } from './message-types.js';
import type { RecordPatch } from './record-patch.js';

/** Client → server: start (open) or stop (close) sending diagrams for a document. */
export const DiagramOpenNotification = notification<DiagramOpenParams>('blueprint/diagramOpen');
export const DiagramCloseNotification = notification<DiagramOpenParams>('blueprint/diagramClose');

export interface DiagramOpenParams {
    readonly uri: string;
    /**
     * The client applies `patch` (record-patch.ts in @blueprint/protocol): after the first diagram,
     * the server may send what changed instead of the whole layout. Clients that leave this out
     * always get `layout`.
     */
    readonly patches?: boolean;
}

/** Server → client: the diagram of a document. */
export const DiagramNotification = notification<DiagramParams>('blueprint/diagram');

export interface DiagramParams {
    readonly uri: string;
    /** The document version the layout was computed from. */
    readonly version: number;
    /** The last good layout; undefined when the document never had one (or when `patch` stands for it). */
    readonly layout?: BlueprintLayout;
    /**
     * Instead of `layout`, for clients that asked for patches: the layout as a patch of the layout
     * of the previous diagram notification for this document (`patch.base` is that one's version).
     */
    readonly patch?: RecordPatch;
    /**
     * The language of the blueprint `layout` (or the patched layout) was drawn from, for the texts the
     * preview writes itself (the hover card); English when absent.
     */
    readonly language?: LanguageCode;
    /** True when the document currently has errors and `layout` is from an earlier version. */
    readonly stale: boolean;
    /** Number of errors in the current version. */
    readonly errors: number;
    /** Why there is no (fresh) layout, for the banner. */
    readonly message?: string;
    /**
     * What the preview can highlight on demand; absent when there is no layout. In a notification
     * with a `patch`, absent means unchanged: the highlights of the base diagram still hold.
     */
    readonly highlights?: DiagramHighlights;
}

/**
 * What the preview can highlight on demand (issue: service analysis in the editor): the steps and
 * flows of the critical path, and the steps with fail points. Sent with every whole diagram, and with a patch when they changed.
 */
export interface DiagramHighlights {
    readonly criticalPath: readonly string[];
    /** Flow ids (as in the layout) between consecutive critical-path steps. */
    readonly criticalFlows: readonly string[];
    readonly failPoints: readonly string[];
    /** Expected time of the critical path in seconds (a lower bound when `unknownSteps` > 0). */
    readonly criticalSeconds?: number;
    readonly unknownSteps?: number;
}

/** Client → server request: compare the open document with an older text of it (e.g. from git). */
export const DiagramDiffRequest = request<DiagramDiffParams, DiagramDiffResult>('blueprint/diagramDiff');

export interface DiagramDiffParams {
    /** The document as it is now (its current text is the "new" side). */
    readonly uri: string;
    /** The older text, e.g. `git show HEAD:path`. Its imports resolve next to the current file. */
    readonly oldText: string;
    /** How to name the old side, e.g. `HEAD` or `origin/main`. */
    readonly oldLabel: string;
}

/** A change of the semantic diff (@blueprint/diff) as the preview lists it. */
export type DiagramDiffChange = Pick<Change, 'subject' | 'id' | 'kind' | 'message' | 'customerVisible' | 'risk'>;

export interface DiagramDiffResult {
    /** The diff layout: the union of both versions, unchanged steps where they were. */
    readonly layout?: BlueprintLayout;
    /** The language of the current version, which the diff layout speaks (as `DiagramParams.language`). */
    readonly language?: LanguageCode;
    /** `bp-added` / `bp-removed` / `bp-changed` per step or flow id of the layout. */
    readonly classes: Readonly<Record<string, readonly string[]>>;
    readonly changes: readonly DiagramDiffChange[];
    readonly summary: ChangeSummary;
    /** The same change list as `blueprint diff` prints, for a side panel or a copy to the clipboard. */
    readonly markdown: string;
    /** Why there is no diff (either side has errors, no blueprint, ...). */
    readonly error?: string;
}
