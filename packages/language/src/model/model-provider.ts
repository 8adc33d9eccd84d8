/**
 * Builds blueprint models on demand and caches them until their document changes. Validation asks
 * only for the step graph (step-graph.ts: the steps' place in the process, numbered); the structure
 * (lanes, lines, flows) is the first half of the model, which is built on from the same parts.
 */
import { AstUtils, DocumentCache, DocumentState, type LangiumDocument } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import { isBlueprint, type Blueprint, type BlueprintFile, type Step } from '../generated/ast.js';
import type { BlueprintModel, FlowGraph, ModelStep } from '@blueprint/model';
import { buildFlowGraph } from '@blueprint/model';
import type { RuleConfiguration } from '../validation/rule-configuration.js';
import { cstRange } from '../util/cst-range.js';
import { buildModelFromParts, buildModelParts, type BlueprintStructure, type ModelParts, type StructureStep } from './model-builder.js';
import { StepGraph } from './step-graph.js';

export class BlueprintModelProvider {
    private readonly cache: DocumentCache<Blueprint, BlueprintModel>;
    private readonly parts: DocumentCache<Blueprint, ModelParts>;
    private readonly stepGraphs: DocumentCache<Blueprint, StepGraph>;

    private readonly configuration: RuleConfiguration;

    constructor(shared: LangiumSharedCoreServices, configuration: RuleConfiguration) {
        // Models depend on linked references, so they are only valid once linking has run.
        this.cache = new DocumentCache(shared, DocumentState.Linked);
        this.parts = new DocumentCache(shared, DocumentState.Linked);
        this.stepGraphs = new DocumentCache(shared, DocumentState.Linked);
        // Validation reads the step graph: once a document is validated it would be kept for nothing;
        // so would parts built for the structure.
        shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
            this.parts.clear(document.uri);
            this.stepGraphs.clear(document.uri);
        });
        this.configuration = configuration;
    }

    private readonly stepIndex = new WeakMap<BlueprintModel, Map<string, ModelStep>>();
    private readonly flowGraphs = new WeakMap<BlueprintStructure, FlowGraph>();
    /** Per structure, the position of the first step of each name. */
    private readonly structureStepIndex = new WeakMap<BlueprintStructure, Map<string, number>>();

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

    /**
     * The structure step of this AST step: undefined for a step of a clashing name that is not the
     * first of that name, as `getStep` (the model's steps are the structure's, in the same order).
     */
    getStructureStep(step: Step): StructureStep | undefined {
        const parts = this.getParts(step.$container);
        let index = this.structureStepIndex.get(parts.structure);
        if (!index) {
            const positions = new Map<string, number>();
            parts.structure.steps.forEach((structureStep, position) => {
                if (!positions.has(structureStep.id)) positions.set(structureStep.id, position);
            });
            this.structureStepIndex.set(parts.structure, index = positions);
        }
        const position = index.get(step.name);
        return position !== undefined && parts.steps[position] === step ? parts.structure.steps[position] : undefined;
    }

    getModel(blueprint: Blueprint): BlueprintModel {
        const document = AstUtils.getDocument(blueprint);
        return this.cache.get(document.uri, blueprint, () => {
            const model = buildModelFromParts(blueprint, this.getParts(blueprint));
            // Built after validation (a lens, a hover): its parts are needed no more.
            if (document.state >= DocumentState.Validated) this.parts.delete(document.uri, blueprint);
            return model;
        });
    }

    /** What validation needs of the model; cheaper than the model, and shared with it. */
    getStructure(blueprint: Blueprint): BlueprintStructure {
        return this.getParts(blueprint).structure;
    }

    /** The flow graph of the structure, built once for the checks that search it. */
    getFlowGraph(blueprint: Blueprint): FlowGraph {
        const structure = this.getStructure(blueprint);
        let graph = this.flowGraphs.get(structure);
        if (!graph) this.flowGraphs.set(structure, graph = buildFlowGraph(structure));
        return graph;
    }

    /** What validation reads of the process: the structure's steps and flow graph, numbered (see step-graph.ts). */
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

    private getParts(blueprint: Blueprint): ModelParts {
        const document = AstUtils.getDocument(blueprint);
        return this.parts.get(document.uri, blueprint, () =>
            buildModelParts(blueprint, { language: this.configuration.settingsFor(document.uri).language }));
    }
}
