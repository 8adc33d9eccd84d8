/**
 * The dependency-injection container of the webview: the Sprotty modules it uses (no editing,
 * moving or command palette: the diagram is a view of the text; popups only for the steps' hover
 * cards) and its own services.
 */
import { Container, ContainerModule } from 'inversify';
import {
    boundsModule, buttonModule, configureActionHandler, configureModelElement, configureViewerOptions, defaultModule,
    editFeature, edgeLayoutModule, exportModule, fadeModule, hoverFeedbackFeature, hoverModule, LocationPostprocessor, modelSourceModule, moveFeature,
    popupFeature, routingModule, selectFeature, selectModule, TYPES, updateModule, viewportModule, zorderModule
} from 'sprotty';
import { RevealStepAction } from './actions.js';
import { DiagramController } from './diagram-controller.js';
import { ExtensionConnection } from './extension-connection.js';
import { DIAGRAM_ELEMENT_ID } from './html.js';
import { AnnotationsView } from './annotation-views.js';
import { stepDetailsModule } from './features/details/di.config.js';
import { AnnotationsNode, BlueprintGraph, FlowEdge, LaneNode, LineNode, StageNode, StepNode } from './model.js';
import { BlueprintModelSource } from './model-source.js';
import { RevealMouseListener } from './reveal-mouse-listener.js';
import { BlueprintElementType } from './schema.js';
import { StatusOverlay } from './status-overlay.js';
import { BlueprintSvgExporter } from './svg-exporter.js';
import { Toolbar } from './toolbar.js';
import { ViewportPersistence } from './viewport-persistence.js';
import { BlueprintGraphView, EvidenceView, FlowView, LaneView, LineView, StageView, StepView } from './views.js';
import { BlueprintTypes, type VsCodeApi } from './vscode-api.js';
import { WebviewStateStore } from './webview-state.js';

/** Background elements are only drawn: not selectable, movable or hoverable. */
const BACKGROUND = { disable: [selectFeature, moveFeature, hoverFeedbackFeature, popupFeature] };

export function createBlueprintModule(vscode: VsCodeApi): ContainerModule {
    return new ContainerModule((bind, unbind, isBound, rebind) => {
        const context = { bind, unbind, isBound, rebind };
        bind(BlueprintTypes.VsCodeApi).toConstantValue(vscode);
        bind(ExtensionConnection).toSelf().inSingletonScope();
        configureActionHandler(context, RevealStepAction.KIND, ExtensionConnection);
        bind(WebviewStateStore).toSelf().inSingletonScope();
        bind(StatusOverlay).toSelf().inSingletonScope();
        bind(DiagramController).toSelf().inSingletonScope();
        bind(Toolbar).toSelf().inSingletonScope();

        bind(TYPES.ModelSource).to(BlueprintModelSource).inSingletonScope();
        rebind(TYPES.SvgExporter).to(BlueprintSvgExporter).inSingletonScope();
        bind(RevealMouseListener).toSelf().inSingletonScope();
        bind(TYPES.MouseListener).toService(RevealMouseListener);
        // Only the translation of nodes to their positions from the move module: nothing here moves.
        bind(LocationPostprocessor).toSelf().inSingletonScope();
        bind(TYPES.IVNodePostprocessor).toService(LocationPostprocessor);
        bind(TYPES.HiddenVNodePostprocessor).toService(LocationPostprocessor);
        bind(ViewportPersistence).toSelf().inSingletonScope();
        bind(TYPES.IVNodePostprocessor).toService(ViewportPersistence);

        configureModelElement(context, BlueprintElementType.graph, BlueprintGraph, BlueprintGraphView);
        configureModelElement(context, BlueprintElementType.lane, LaneNode, LaneView, BACKGROUND);
        configureModelElement(context, BlueprintElementType.stage, StageNode, StageView, BACKGROUND);
        configureModelElement(context, BlueprintElementType.line, LineNode, LineView, BACKGROUND);
        // Steps and evidence open their hover card (stepDetailsModule).
        configureModelElement(context, BlueprintElementType.step, StepNode, StepView, { disable: [moveFeature] });
        configureModelElement(context, BlueprintElementType.evidence, StepNode, EvidenceView, { disable: [moveFeature] });
        configureModelElement(context, BlueprintElementType.annotations, AnnotationsNode, AnnotationsView, BACKGROUND);
        configureModelElement(context, BlueprintElementType.flow, FlowEdge, FlowView, { disable: [selectFeature, editFeature, popupFeature] });

        configureViewerOptions(context, {
            needsClientLayout: false,
            needsServerLayout: false,
            baseDiv: DIAGRAM_ELEMENT_ID,
            hiddenDiv: `${DIAGRAM_ELEMENT_ID}-hidden`,
            popupDiv: `${DIAGRAM_ELEMENT_ID}-popup`,
            zoomLimits: { min: 0.05, max: 4 },
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
        createBlueprintModule(vscode), stepDetailsModule
    );
    return container;
}
