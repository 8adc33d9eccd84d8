/** The documents the client shows a diagram for, with the last good layout of each. */
import type { BlueprintLayout } from '@blueprint/diagram';
import type { LanguageCode } from '@blueprint/model';
import type { DiagramHighlights, HeldDiagram } from '@blueprint/protocol';
import type { LayoutJob } from './layout-scheduler.js';

/** A layout started before its version was validated (see DiagramBridge). */
export interface EarlyLayout {
    readonly job: LayoutJob;
    /** What validation found, once it ran. */
    validated?: 'ok' | 'not-ok';
    /** The layout's result, when it came back before validation ended. */
    result?: { layout?: BlueprintLayout; error?: string };
}

export interface DiagramDocumentState {
    /** The last layout computed from an error-free version. */
    lastGood?: BlueprintLayout;
    /** The blueprint's language in `lastGood`, sent with it. */
    lastLanguage?: LanguageCode;
    /** Highlights of `lastGood`, sent with it. */
    lastHighlights?: DiagramHighlights;
    /** The newest document version seen, and whether it has errors. */
    latestVersion: number;
    latestErrors: number;
    /** The client applies patches (it said so in diagramOpen). */
    patches: boolean;
    /** The layout the client has now (sent whole or as a patch), the version it came with and its highlights. */
    sent?: HeldDiagram;
    /** The layout started early for the version being validated now. */
    early?: EarlyLayout;
}

export class DiagramDocuments {
    private readonly open = new Map<string, DiagramDocumentState>();

    /** Starts tracking a document; reopening keeps what is known about it. */
    add(uri: string, patches = false): DiagramDocumentState {
        let state = this.open.get(uri);
        if (!state) {
            state = { latestVersion: -1, latestErrors: 0, patches };
            this.open.set(uri, state);
        }
        // A (re)opened view starts without a layout: the next diagram is sent whole.
        state.patches = patches;
        state.sent = undefined;
        return state;
    }

    remove(uri: string): void {
        this.open.delete(uri);
    }

    get(uri: string): DiagramDocumentState | undefined {
        return this.open.get(uri);
    }

    has(uri: string): boolean {
        return this.open.has(uri);
    }
}
