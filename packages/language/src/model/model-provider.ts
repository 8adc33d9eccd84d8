/**
 * Builds blueprint models on demand and caches them until their document changes. Validation reads
 * the step graph (step-graph.ts: the steps' place in the process, numbered); only the time-standard
 * check (a blueprint with a tolerance) asks for the model.
 */
import { AstUtils, DocumentCache, DocumentState, type LangiumDocument } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import { isBlueprint, type Blueprint, type BlueprintFile, type Step } from '../generated/ast.js';
import type { BlueprintModel, ModelStep } from '@blueprint/model';
import type { RuleConfiguration } from '../validation/rule-configuration.js';
import { cstRange } from '../util/cst-range.js';
import { buildBlueprintModel } from './model-builder.js';
import { StepGraph } from './step-graph.js';

export class BlueprintModelProvider {
    private readonly cache: DocumentCache<Blueprint, BlueprintModel>;
    private readonly stepGraphs: DocumentCache<Blueprint, StepGraph>;

    private readonly configuration: RuleConfiguration;

    constructor(shared: LangiumSharedCoreServices, configuration: RuleConfiguration) {
        // Models depend on linked references, so they are only valid once linking has run.
        this.cache = new DocumentCache(shared, DocumentState.Linked);
        this.stepGraphs = new DocumentCache(shared, DocumentState.Linked);
        // Validation reads the step graph: once a document is validated it would be kept for nothing.
        shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => this.stepGraphs.clear(document.uri));
        this.configuration = configuration;
    }

    private readonly stepIndex = new WeakMap<BlueprintModel, Map<string, ModelStep>>();

    /** The model step built from this AST step (the first of that name, if names clash). */
    getStep(step: Step): ModelStep | undefined {
        const model = this.getModel(step.$container);
        let index = this.stepIndex.get(model);
        if (!index) {
            index = new Map();
            for (const modelStep of model.steps) if (!index.has(modelStep.id)) index.set(modelStep.id, modelStep);
            this.stepIndex.set(model, index);
        }
        const found = index.get(step.name);
        const start = step.$cstNode ? cstRange(step.$cstNode).start : undefined;
        return found && found.range?.start.line === start?.line && found.range?.start.character === start?.character ? found : undefined;
    }

    getModel(blueprint: Blueprint): BlueprintModel {
        const document = AstUtils.getDocument(blueprint);
        return this.cache.get(document.uri, blueprint, () =>
            buildBlueprintModel(blueprint, { language: this.configuration.settingsFor(document.uri).language }));
    }

    /** What validation reads of the process: the model's steps and flow graph, numbered (see step-graph.ts). */
    getStepGraph(blueprint: Blueprint): StepGraph {
        return this.stepGraphs.get(AstUtils.getDocument(blueprint).uri, blueprint, () => new StepGraph(blueprint));
    }

    /** The lanes the customer sees (`visibleLaneIds` of the structure), computed once for the checks that ask per step. */
    getVisibleLanes(blueprint: Blueprint): ReadonlySet<string> {
        return this.getStepGraph(blueprint).visibleLanes;
    }

    /** The blueprint of a document (the first one, if a file wrongly holds several). */
    getDocumentModel(document: LangiumDocument): BlueprintModel | undefined {
        const blueprint = (document.parseResult.value as BlueprintFile).elements.find(isBlueprint);
        return blueprint ? this.getModel(blueprint) : undefined;
    }
}
