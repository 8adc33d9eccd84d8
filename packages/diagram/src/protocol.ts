/**
 * The diagram messages between the language server and the editor (one notification pair).
 * The client says which documents it shows; the server answers with laid-out geometry after each
 * validated build of those documents.
 */
import type { BlueprintLayout } from './geometry.js';

/** Client → server: start (open) or stop (close) sending diagrams for a document. */
export const DiagramOpenNotification = 'blueprint/diagramOpen';
export const DiagramCloseNotification = 'blueprint/diagramClose';

export interface DiagramOpenParams {
    readonly uri: string;
}

/** Server → client: the diagram of a document. */
export const DiagramNotification = 'blueprint/diagram';

export interface DiagramParams {
    readonly uri: string;
    /** The document version the layout was computed from. */
    readonly version: number;
    /** The last good layout; undefined when the document never had one. */
    readonly layout?: BlueprintLayout;
    /** True when the document currently has errors and `layout` is from an earlier version. */
    readonly stale: boolean;
    /** Number of errors in the current version. */
    readonly errors: number;
    /** Why there is no (fresh) layout, for the banner. */
    readonly message?: string;
}
