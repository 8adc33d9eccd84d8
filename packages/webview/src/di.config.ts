/**
 * The dependency-injection container of the webview: the Sprotty modules it uses (no editing,
 * moving or command palette: the diagram is a view of the text; popups only for the steps' hover
 * cards), the base services, and one module per feature (features/<name>/di.config.ts), as
 * Sprotty organises its own.
 */
import { Container, ContainerModule } from 'inversify';
import {
    boundsModule, buttonModule, configureActionHandler, configureModelElement, configureViewerOptions, defaultModule,
    editFeature, edgeLayoutModule, exportModule, fadeModule, hoverFeedbackFeature, hoverModule, LocationPostprocessor, modelSourceModule, moveFeature,
    popupFeature, routingModule, selectFeature, selectModule, TYPES, updateModule, viewportModule, zorderModule
} from 'sprotty';
import { AnnotationsView } from './annotation-views.js';
import { ActionQueue } from './base/action-queue.js';
import { DiagramState } from './base/diagram-state.js';
import { BlueprintModelFactory } from './base/model-factory.js';
import { ExtensionConnection } from './extension-connection.js';
import { compareModule } from './features/compare/di.config.js';
import { stepDetailsModule } from './features/details/di.config.js';
import { diagramModule } from './features/diagram/di.config.js';
import { blueprintExportModule } from './features/export/di.config.js';
import { stickyHeadersModule } from './features/headers/di.config.js';
import { highlightModule } from './features/highlight/di.config.js';
import { RevealStepAction } from './features/select/actions.js';
import { selectStepsModule } from './features/select/di.config.js';
import { blueprintViewportModule } from './features/viewport/di.config.js';
import { DIAGRAM_ELEMENT_ID } from './html.js';
import { AnnotationsNode, BlueprintGraph, FlowEdge, GatewayNode, LaneNode, LineNode, StageNode, StepNode } from './model.js';
import { BlueprintModelSource } from './model-source.js';
import { BlueprintElementType } from './schema.js';
import { StatusOverlay } from './status-overlay.js';
import { Toolbar } from './toolbar.js';
import { BlueprintGraphView, EvidenceView, FlowView, GatewayView, LaneView, LineView, StageView, StepView } from './views.js';
import { BlueprintTypes, type VsCodeApi } from './vscode-api.js';
import { WebviewStateStore } from './webview-state.js';

/** Background elements are only drawn: not selectable, movable or hoverable. */
const BACKGROUND = { disable: [selectFeature, moveFeature, hoverFeedbackFeature, popupFeature] };

/** Zoom from 5 % (an overview of a very wide blueprint) to 300 %. */
export const ZOOM_LIMITS = { min: 0.05, max: 3 };

export function createBlueprintModule(vscode: VsCodeApi): ContainerModule {
    return new ContainerModule((bind, unbind, isBound, rebind) => {
        const context = { bind, unbind, isBound, rebind };
        bind(BlueprintTypes.VsCodeApi).toConstantValue(vscode);
        bind(ActionQueue).toSelf().inSingletonScope();
        bind(DiagramState).toSelf().inSingletonScope();
        bind(ExtensionConnection).toSelf().inSingletonScope();
        configureActionHandler(context, RevealStepAction.KIND, ExtensionConnection);
        bind(WebviewStateStore).toSelf().inSingletonScope();
        bind(StatusOverlay).toSelf().inSingletonScope();
        bind(Toolbar).toSelf().inSingletonScope();
        bind(TYPES.IVNodePostprocessor).toService(Toolbar);

        bind(TYPES.ModelSource).to(BlueprintModelSource).inSingletonScope();
        rebind(TYPES.IModelFactory).to(BlueprintModelFactory).inSingletonScope();
        // Only the translation of nodes to their positions from the move module: nothing here moves.
        bind(LocationPostprocessor).toSelf().inSingletonScope();
        bind(TYPES.IVNodePostprocessor).toService(LocationPostprocessor);
        bind(TYPES.HiddenVNodePostprocessor).toService(LocationPostprocessor);

        configureModelElement(context, BlueprintElementType.graph, BlueprintGraph, BlueprintGraphView);
        configureModelElement(context, BlueprintElementType.lane, LaneNode, LaneView, BACKGROUND);
        configureModelElement(context, BlueprintElementType.stage, StageNode, StageView, BACKGROUND);
        configureModelElement(context, BlueprintElementType.line, LineNode, LineView, BACKGROUND);
        // Steps and evidence open their hover card (stepDetailsModule).
        configureModelElement(context, BlueprintElementType.step, StepNode, StepView, { disable: [moveFeature] });
        configureModelElement(context, BlueprintElementType.evidence, StepNode, EvidenceView, { disable: [moveFeature] });
        configureModelElement(context, BlueprintElementType.annotations, AnnotationsNode, AnnotationsView, BACKGROUND);
        configureModelElement(context, BlueprintElementType.flow, FlowEdge, FlowView, { disable: [selectFeature, editFeature, popupFeature] });
        // Its description is its tooltip (a <title>): no hover card of its own.
        configureModelElement(context, BlueprintElementType.gateway, GatewayNode, GatewayView, BACKGROUND);

        configureViewerOptions(context, {
            needsClientLayout: false,
            needsServerLayout: false,
            baseDiv: DIAGRAM_ELEMENT_ID,
            hiddenDiv: `${DIAGRAM_ELEMENT_ID}-hidden`,
            popupDiv: `${DIAGRAM_ELEMENT_ID}-popup`,
            zoomLimits: ZOOM_LIMITS,
            popupOpenDelay: 400,
            popupCloseDelay: 200
        });
    });
}

export function createBlueprintContainer(vscode: VsCodeApi): Container {
    const container = new Container();
    container.load(
        defaultModule, modelSourceModule, boundsModule, buttonModule, exportModule, fadeModule, routingModule,
        selectModule, updateModule, viewportModule, zorderModule, edgeLayoutModule, hoverModule,
        createBlueprintModule(vscode),
        diagramModule, compareModule, highlightModule, selectStepsModule, blueprintExportModule, blueprintViewportModule,
        stickyHeadersModule, stepDetailsModule
    );
    return container;
}
