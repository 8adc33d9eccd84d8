/**
 * The diagram bridge: after each validated build of a document the client shows a diagram for,
 * send its layout (`blueprint/diagram`). A version with errors is not laid out; the client gets
 * the last good layout marked stale, with the error count, so the diagram never goes blank mid-edit.
 *
 * The layout of a version starts as soon as the version is linked and parsed without errors, so it
 * runs (in the layout worker) while the version is validated and its analysis computed; it is sent
 * only once validation found no errors, and dropped otherwise.
 */
import { computeHighlights } from './diagram-highlights.js';
import type { BlueprintLayout, LayoutSpacing } from '@blueprint/diagram';
import { DiagramCloseNotification, DiagramNotification, DiagramOpenNotification, type DiagramOpenParams, type DiagramParams } from '@blueprint/protocol';
import type { BlueprintAnalysisProvider, BlueprintModelProvider } from '@blueprint/language';
import { DocumentState, URI, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { DiagnosticSeverity, type Disposable } from 'vscode-languageserver';
import { patchForReceiver } from '@blueprint/protocol';
import { DiagramDocuments, type EarlyLayout } from './diagram-documents.js';
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
    /** Layouts started before their version was validated (see `startEarly`). */
    private readonly earlyLayouts = new WeakMap<LayoutJob, EarlyLayout>();
    private readonly scheduler: LayoutScheduler;
    private readonly subscription: Disposable;

    constructor(private readonly services: DiagramBridgeServices, private readonly connection: DiagramConnection,
        private readonly runner: LayoutRunner) {
        this.scheduler = new LayoutScheduler(runner, (job, result) => this.layoutDone(job, result));
        connection.onNotification(DiagramOpenNotification.method, params => this.open(params.uri, params.patches === true));
        connection.onNotification(DiagramCloseNotification.method, params => this.close(params.uri));
        const builder = services.shared.workspace.DocumentBuilder;
        const linked = builder.onBuildPhase(DocumentState.Linked, built => {
            for (const document of built) {
                if (this.documents.has(document.uri.toString())) this.startEarly(document);
            }
        });
        const validated = builder.onBuildPhase(DocumentState.Validated, built => {
            for (const document of built) {
                if (this.documents.has(document.uri.toString())) this.update(document);
            }
        });
        this.subscription = { dispose: () => { linked.dispose(); validated.dispose(); } };
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

    /**
     * A version parsed without errors and linked: start its layout now, while it is validated (on
     * the layout worker's thread). Only when no layout of the document runs: a waiting request
     * would replace one already validated.
     */
    private startEarly(document: LangiumDocument): void {
        const uri = document.uri.toString();
        const state = this.documents.get(uri)!;
        const { lexerErrors, parserErrors } = document.parseResult;
        if (!this.runner.concurrent || lexerErrors.length > 0 || parserErrors.length > 0 || this.scheduler.isRunning(uri)) return;
        const model = this.services.modelProvider.getDocumentModel(document);
        if (!model) return;
        const job: LayoutJob = { uri, version: document.textDocument.version, model, previous: state.lastGood, spacing: this.services.spacing?.() };
        const early: EarlyLayout = { job };
        this.earlyLayouts.set(job, early);
        if (state.early) state.early.validated = 'not-ok'; // its build was cancelled before validation
        state.early = early;
        this.scheduler.schedule(job);
        // Needed for the highlights once the layout is back; computed meanwhile (and cached for lenses and hovers).
        this.services.analysisProvider.timeForModel(uri, model);
    }

    private update(document: LangiumDocument): void {
        const uri = document.uri.toString();
        const state = this.documents.get(uri)!;
        const version = document.textDocument.version;
        const errors = (document.diagnostics ?? []).filter(d => d.severity === DiagnosticSeverity.Error).length;
        state.latestVersion = version;
        state.latestErrors = errors;
        const early = state.early;
        state.early = undefined;
        // An early layout of another version (its build was cancelled) is never sent.
        if (early && early.job.version !== version) early.validated = 'not-ok';
        if (errors > 0) {
            this.scheduler.cancel(uri);
            if (early) early.validated = 'not-ok';
            this.sendStale(uri, version, errors);
            return;
        }
        const model = this.services.modelProvider.getDocumentModel(document);
        if (!model) {
            this.scheduler.cancel(uri);
            this.send({ uri, version, layout: undefined, stale: false, errors: 0, message: 'This file declares no blueprint to draw.' });
            return;
        }
        if (early && early.validated === undefined && early.job.model === model) {
            early.validated = 'ok';
            // Its layout may be back already, waiting for this.
            if (early.result) this.layoutDone(early.job, early.result);
            return;
        }
        if (early) early.validated = 'not-ok';
        this.scheduler.schedule({ uri, version, model, previous: state.lastGood, spacing: this.services.spacing?.() });
    }

    private layoutDone(job: LayoutJob, result: { layout?: BlueprintLayout; error?: string }): void {
        const state = this.documents.get(job.uri);
        if (!state) return; // closed meanwhile
        const early = this.earlyLayouts.get(job);
        if (early?.validated === undefined && early) {
            // Not validated yet: `update` sends it if the version has no errors.
            early.result = result;
            return;
        }
        // A version with errors (its stale notice went out) or one never validated.
        if (early?.validated === 'not-ok') return;
        if (result.layout) {
            state.lastGood = result.layout;
            state.lastLanguage = job.model.language;
            const time = this.services.analysisProvider.timeForModel(job.uri, job.model);
            state.lastHighlights = computeHighlights(job.model, time, result.layout);
        }
        if (job.version !== state.latestVersion) {
            // A newer version arrived: a queued layout will answer for it, or it has errors and the
            // stale notice it got should now carry this fresher layout.
            if (state.latestErrors > 0 && result.layout) this.sendStale(job.uri, state.latestVersion, state.latestErrors);
            return;
        }
        if (result.layout) {
            this.send({ uri: job.uri, version: job.version, layout: result.layout, language: state.lastLanguage, stale: false, errors: 0, highlights: state.lastHighlights });
        } else {
            this.send({
                uri: job.uri, version: job.version, layout: state.lastGood, language: state.lastLanguage, stale: state.lastGood !== undefined, errors: 0,
                highlights: state.lastHighlights,
                message: `The diagram could not be laid out: ${result.error}`
            });
        }
    }

    private sendStale(uri: string, version: number, errors: number): void {
        const state = this.documents.get(uri);
        const lastGood = state?.lastGood;
        const plural = errors === 1 ? 'error' : 'errors';
        this.send({
            uri, version, layout: lastGood, language: lastGood ? state?.lastLanguage : undefined, stale: true, errors,
            highlights: lastGood ? state?.lastHighlights : undefined,
            message: lastGood
                ? `The file has ${errors} ${plural}; showing the diagram of the last version without errors.`
                : `The file has ${errors} ${plural}; the diagram appears once they are fixed.`
        });
    }

    private send(params: DiagramParams): void {
        void Promise.resolve(this.connection.sendNotification(DiagramNotification.method, this.asPatch(params))).catch(() => undefined);
    }

    /** For a client that applies patches: the layout as a patch of the one it has (see `patchForReceiver`). */
    private asPatch(params: DiagramParams): DiagramParams {
        const state = this.documents.get(params.uri);
        if (!state?.patches) return params;
        // The worker's patch when it made this layout from the one sent (the same diff, not made twice).
        const step = patchForReceiver(state.sent, params);
        state.sent = step.held;
        return step.params;
    }
}

/** Clients may spell the same file URI differently (`%3A` vs `:`); Langium keys documents by `URI.toString()`. */
function normalise(uri: string): string {
    return URI.parse(uri).toString();
}
