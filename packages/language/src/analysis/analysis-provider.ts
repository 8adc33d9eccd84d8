/**
 * The service analysis of each blueprint, computed once per document version and shared by code
 * lenses, hovers, validation, the diagram's highlights and reports (Langium's DocumentCache drops
 * it when the document changes). The time analysis alone is cached apart: the diagram's highlights
 * need only its critical path on every keystroke, the rest waits until a lens or hover asks; and
 * a version whose timing inputs are those of the version before (a label typed into) takes that
 * version's time analysis instead of computing it again (timing-inputs.ts).
 */
import { AstUtils, DocumentCache, DocumentState, type LangiumDocument, type URI } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import type { Blueprint } from '../generated/ast.js';
import type { BlueprintModel } from '@blueprint/model';
import type { BlueprintModelProvider } from '../model/model-provider.js';
import { analyseBlueprint, analyseTime, type BlueprintAnalysis, type TimeAnalysis } from '@blueprint/model';
import { sameTimingInputs } from './timing-inputs.js';

export class BlueprintAnalysisProvider {
    private readonly cache: DocumentCache<BlueprintModel, BlueprintAnalysis>;
    private readonly timeCache: DocumentCache<BlueprintModel, TimeAnalysis>;
    /**
     * Per document, the last model whose time analysis was computed, with it (outlives the version,
     * unlike `timeCache`). Released with the document when it is deleted, alone or with its folder
     * (Langium reports each document of a deleted folder); a document closed in the editor stays in
     * the workspace, as its file is still there, and keeps its entry like Langium's own caches.
     */
    private readonly lastTime = new Map<string, { readonly model: BlueprintModel; readonly time: TimeAnalysis }>();

    constructor(shared: LangiumSharedCoreServices, private readonly models: BlueprintModelProvider) {
        this.cache = new DocumentCache(shared, DocumentState.Linked);
        this.timeCache = new DocumentCache(shared, DocumentState.Linked);
        shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => {
            for (const uri of deleted) this.lastTime.delete(uri.toString());
        });
    }

    getAnalysis(blueprint: Blueprint): BlueprintAnalysis {
        return this.forModel(AstUtils.getDocument(blueprint).uri, this.models.getModel(blueprint));
    }

    getDocumentAnalysis(document: LangiumDocument): BlueprintAnalysis | undefined {
        const model = this.models.getDocumentModel(document);
        return model ? this.forModel(document.uri, model) : undefined;
    }

    /** The analysis of a model built from the document at `uri` (models are cached per version too). */
    forModel(uri: URI | string, model: BlueprintModel): BlueprintAnalysis {
        return this.cache.get(uri.toString(), model, () => analyseBlueprint(model, this.timeForModel(uri, model)));
    }

    /** The time analysis (base path) of a model built from the document at `uri`: `forModel(…).time`, cheaper. */
    timeForModel(uri: URI | string, model: BlueprintModel): TimeAnalysis {
        const key = uri.toString();
        return this.timeCache.get(key, model, () => {
            const last = this.lastTime.get(key);
            const time = last !== undefined && sameTimingInputs(last.model, model) ? last.time : analyseTime(model);
            this.lastTime.set(key, { model, time });
            return time;
        });
    }
}
