/**
 * The diagram bridge: after each validated build of a document the client shows a diagram for,
 * send its layout (`blueprint/diagram`). A version with errors is not laid out; the client gets
 * the last good layout marked stale, with the error count, so the diagram never goes blank mid-edit.
 */
import { computeHighlights } from './diagram-highlights.js';
import type { BlueprintLayout, LayoutSpacing } from '@blueprint/diagram';
import { DiagramCloseNotification, DiagramNotification, DiagramOpenNotification, type DiagramOpenParams, type DiagramParams } from '@blueprint/protocol';
import type { BlueprintAnalysisProvider, BlueprintModelProvider } from '@blueprint/language';
import { DocumentState, URI, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { DiagnosticSeverity, type Disposable } from 'vscode-languageserver';
import { diffRecords } from '@blueprint/protocol';
import { DiagramDocuments } from './diagram-documents.js';
import type { LayoutRunner } from './layout-runner.js';
import { LayoutScheduler, type LayoutJob } from './layout-scheduler.js';

/** The part of an LSP connection the bridge uses (a fake in tests). */
export interface DiagramConnection {
    onNotification(method: string, handler: (params: DiagramOpenParams) => void): unknown;
    sendNotification(method: string, params: DiagramParams): unknown;
}

export interface DiagramBridgeServices {
    readonly shared: LangiumSharedCoreServices;
    readonly modelProvider: BlueprintModelProvider;
    /** The spacing to lay out with now (the editor's `blueprint.layout.spacing`); the defaults when absent. */
    readonly spacing?: () => Partial<LayoutSpacing>;
    readonly analysisProvider: BlueprintAnalysisProvider;
}

export class DiagramBridge implements Disposable {
    private readonly documents = new DiagramDocuments();
    private readonly scheduler: LayoutScheduler;
    private readonly subscription: Disposable;

    constructor(private readonly services: DiagramBridgeServices, private readonly connection: DiagramConnection,
        private readonly runner: LayoutRunner) {
        this.scheduler = new LayoutScheduler(runner, (job, result) => this.layoutDone(job, result));
        connection.onNotification(DiagramOpenNotification.method, params => this.open(params.uri, params.patches === true));
        connection.onNotification(DiagramCloseNotification.method, params => this.close(params.uri));
        this.subscription = services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, built => {
            for (const document of built) {
                if (this.documents.has(document.uri.toString())) this.update(document);
            }
        });
    }

    /** Number of layouts waiting behind a running one for `uri` (never more than 1). */
    pendingLayouts(uri: string): number {
        return this.scheduler.pendingCount(uri);
    }

    dispose(): void {
        this.subscription.dispose();
        this.runner.dispose();
    }

    private open(uri: string, patches: boolean): void {
        const key = normalise(uri);
        this.documents.add(key, patches);
        // The document may have been built before the client asked: answer right away.
        const langiumDocuments = this.services.shared.workspace.LangiumDocuments;
        const parsed = URI.parse(key);
        if (langiumDocuments.hasDocument(parsed)) {
            const document = langiumDocuments.getDocument(parsed)!;
            if (document.state >= DocumentState.Validated) this.update(document);
        }
    }

    private close(uri: string): void {
        const key = normalise(uri);
        this.documents.remove(key);
        this.scheduler.cancel(key);
        this.runner.release(key);
    }

    private update(document: LangiumDocument): void {
        const uri = document.uri.toString();
        const state = this.documents.get(uri)!;
        const version = document.textDocument.version;
        const errors = (document.diagnostics ?? []).filter(d => d.severity === DiagnosticSeverity.Error).length;
        state.latestVersion = version;
        state.latestErrors = errors;
        if (errors > 0) {
            this.scheduler.cancel(uri);
            this.sendStale(uri, version, errors);
            return;
        }
        const model = this.services.modelProvider.getDocumentModel(document);
        if (!model) {
            this.scheduler.cancel(uri);
            this.send({ uri, version, layout: undefined, stale: false, errors: 0, message: 'This file declares no blueprint to draw.' });
            return;
        }
        this.scheduler.schedule({ uri, version, model, previous: state.lastGood, spacing: this.services.spacing?.() });
    }

    private layoutDone(job: LayoutJob, result: { layout?: BlueprintLayout; error?: string }): void {
        const state = this.documents.get(job.uri);
        if (!state) return; // closed meanwhile
        if (result.layout) {
            state.lastGood = result.layout;
            const analysis = this.services.analysisProvider.forModel(job.uri, job.model);
            state.lastHighlights = computeHighlights(job.model, analysis.time, result.layout);
        }
        if (job.version !== state.latestVersion) {
            // A newer version arrived: a queued layout will answer for it, or it has errors and the
            // stale notice it got should now carry this fresher layout.
            if (state.latestErrors > 0 && result.layout) this.sendStale(job.uri, state.latestVersion, state.latestErrors);
            return;
        }
        if (result.layout) {
            this.send({ uri: job.uri, version: job.version, layout: result.layout, stale: false, errors: 0, highlights: state.lastHighlights });
        } else {
            this.send({
                uri: job.uri, version: job.version, layout: state.lastGood, stale: state.lastGood !== undefined, errors: 0,
                highlights: state.lastHighlights,
                message: `The diagram could not be laid out: ${result.error}`
            });
        }
    }

    private sendStale(uri: string, version: number, errors: number): void {
        const lastGood = this.documents.get(uri)?.lastGood;
        const plural = errors === 1 ? 'error' : 'errors';
        this.send({
            uri, version, layout: lastGood, stale: true, errors, highlights: lastGood ? this.documents.get(uri)?.lastHighlights : undefined,
            message: lastGood
                ? `The file has ${errors} ${plural}; showing the diagram of the last version without errors.`
                : `The file has ${errors} ${plural}; the diagram appears once they are fixed.`
        });
    }

    private send(params: DiagramParams): void {
        void Promise.resolve(this.connection.sendNotification(DiagramNotification.method, this.asPatch(params))).catch(() => undefined);
    }

    /**
     * For a client that applies patches and has a layout already: the layout as a patch of that one
     * (when everything moved, the patch is the whole layout plus the ids' order: hardly larger).
     */
    private asPatch(params: DiagramParams): DiagramParams {
        const state = this.documents.get(params.uri);
        if (!state?.patches || !params.layout) return params;
        const sent = state.sent;
        state.sent = { version: params.version, layout: params.layout };
        if (!sent) return params;
        const patch = diffRecords(sent.layout as unknown as Record<string, unknown>, params.layout as unknown as Record<string, unknown>, sent.version);
        const { layout: _whole, ...rest } = params;
        return { ...rest, patch };
    }
}

/** Clients may spell the same file URI differently (`%3A` vs `:`); Langium keys documents by `URI.toString()`. */
function normalise(uri: string): string {
    return URI.parse(uri).toString();
}
