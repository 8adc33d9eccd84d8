/**
 * What the webview is showing, shared by the feature handlers. Handlers run one at a time, in the
 * order of the action queue, so they read and write this without races.
 */
import type { BlueprintLayout } from '@blueprint/diagram';
import type { LanguageCode } from '@blueprint/model';
import type { DiagramHighlights, DiagramParams, HeldDiagram } from '@blueprint/protocol';
import { injectable } from 'inversify';

export interface ShownDiagram {
    readonly uri: string;
    readonly layout: BlueprintLayout;
    readonly highlights?: DiagramHighlights;
    /** The blueprint's language, for the texts the page writes itself (the hover card). */
    readonly language?: LanguageCode;
}

@injectable()
export class DiagramState {
    /** The newest live layout received, which the next diagram message may patch (ahead of `shown` while a comparison is shown). */
    live?: HeldDiagram;
    /** The live diagram on screen (also while a comparison covers it). */
    shown?: ShownDiagram;
    /** Steps selected by the editor's cursor or the keyboard; kept across updates. */
    selected: ReadonlySet<string> = new Set();
    /** While a comparison is shown, the newest live diagram waits here. */
    comparison?: { readonly layout: BlueprintLayout; readonly language?: LanguageCode; readonly pendingLive?: DiagramParams };

    get comparing(): boolean {
        return this.comparison !== undefined;
    }

    /** The layout drawn now: the comparison's, or the live one. */
    get drawnLayout(): BlueprintLayout | undefined {
        return this.comparison?.layout ?? this.shown?.layout;
    }

    /** The language of the layout drawn now (English when the server did not say). */
    get drawnLanguage(): LanguageCode | undefined {
        return this.comparison ? this.comparison.language : this.shown?.language;
    }
}
