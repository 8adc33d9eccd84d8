/** Commands that compute the viewport from the model they run on, so they see the latest model. */
import { inject, injectable } from 'inversify';
import {
    BoundsAwareViewportCommand, Command, isViewport, limitViewport, TYPES, ViewportAnimation,
    type CommandExecutionContext, type CommandReturn, type SModelRootImpl, type SNodeImpl, type ViewerOptions
} from 'sprotty';
import type { Bounds, Viewport } from 'sprotty-protocol';
import { BlueprintGraph, LaneNode, StageNode, StepNode } from '../../model.js';
import { laneLabelsRight, laneNameFits } from '../headers/header-layout.js';
import { FitDiagramAction, ShowStepsAction, ZoomAction } from './actions.js';
import { fitViewport } from './fit-viewport.js';
import { HEADER_INSETS, revealScroll } from './initial-viewport.js';

/** Screen pixels kept around the diagram by Fit. */
const FIT_PADDING = 24;

/** A viewport change computed from the model it runs on, animated or not, with undo and redo. */
@injectable()
abstract class ViewportChangeCommand extends Command {
    @inject(TYPES.ViewerOptions) protected readonly viewerOptions!: ViewerOptions;
    private before?: Viewport;
    private after?: Viewport;

    /** The action that asked for the change; it says whether to animate. */
    protected abstract readonly action: { readonly animate: boolean };

    /** The viewport to go to, inside the viewer's limits. */
    protected abstract target(root: SModelRootImpl & Viewport): Viewport;

    execute(context: CommandExecutionContext): CommandReturn {
        const root = context.root;
        if (!isViewport(root)) return root;
        const { horizontalScrollLimits, verticalScrollLimits, zoomLimits } = this.viewerOptions;
        this.before = { scroll: root.scroll, zoom: root.zoom };
        this.after = limitViewport(this.target(root), root.canvasBounds, horizontalScrollLimits, verticalScrollLimits, zoomLimits);
        return this.apply(root, this.before, this.after, context);
    }

    undo(context: CommandExecutionContext): CommandReturn {
        return this.before && this.after ? this.apply(context.root, this.after, this.before, context) : context.root;
    }

    redo(context: CommandExecutionContext): CommandReturn {
        return this.before && this.after ? this.apply(context.root, this.before, this.after, context) : context.root;
    }

    private apply(root: SModelRootImpl, from: Viewport, to: Viewport, context: CommandExecutionContext): CommandReturn {
        if (!isViewport(root)) return root;
        if (this.action.animate) {
            return new ViewportAnimation(root, from, to, context).start();
        }
        root.scroll = to.scroll;
        root.zoom = to.zoom;
        return root;
    }
}

@injectable()
export class ZoomCommand extends ViewportChangeCommand {
    static readonly KIND = ZoomAction.KIND;

    constructor(@inject(TYPES.Action) protected readonly action: ZoomAction) {
        super();
    }

    protected target(root: SModelRootImpl & Viewport): Viewport {
        const zoom = this.action.level ?? root.zoom * (this.action.factor ?? 1);
        const { zoomLimits } = this.viewerOptions;
        const limited = Math.min(Math.max(zoom, zoomLimits.min), zoomLimits.max);
        // Keep the middle of the panel where it is.
        const half = { x: root.canvasBounds.width / 2, y: root.canvasBounds.height / 2 };
        return {
            scroll: { x: root.scroll.x + half.x / root.zoom - half.x / limited, y: root.scroll.y + half.y / root.zoom - half.y / limited },
            zoom: limited
        };
    }
}

/**
 * Fit: the lanes, stages and steps in the part of the panel the sticky headers leave free (never
 * above 100 %), so that no lane name or stage name covers a step at the zoom it needs.
 */
@injectable()
export class FitDiagramCommand extends ViewportChangeCommand {
    static readonly KIND = FitDiagramAction.KIND;

    constructor(@inject(TYPES.Action) protected readonly action: FitDiagramAction) {
        super();
    }

    protected target(root: SModelRootImpl & Viewport): Viewport {
        if (!(root instanceof BlueprintGraph)) return { scroll: root.scroll, zoom: root.zoom };
        const lanes = root.children.filter((child): child is LaneNode => child instanceof LaneNode);
        const stages = root.children.filter((child): child is StageNode => child instanceof StageNode);
        const boxes = [...lanes, ...stages, ...root.children.filter(child => child instanceof StepNode)]
            .map(node => (node as SNodeImpl).bounds);
        if (boxes.length === 0) return { scroll: root.scroll, zoom: root.zoom };
        const left = Math.min(...boxes.map(box => box.x));
        const top = Math.min(...boxes.map(box => box.y));
        const diagram = {
            x: left, y: top,
            width: Math.max(...boxes.map(box => box.x + box.width)) - left,
            height: Math.max(...boxes.map(box => box.y + box.height)) - top
        };
        const content = {
            left: stages.length > 0 ? Math.min(...stages.map(stage => stage.position.x)) : left,
            top: stages.length > 0 ? Math.max(...stages.map(stage => stage.headerHeight)) : top
        };
        const { min, max } = this.viewerOptions.zoomLimits;
        const fit = (left: number) => fitViewport({
            canvas: root.canvasBounds, diagram, content, padding: FIT_PADDING, zoomLimits: { min, max: Math.min(1, max) },
            insets: { left, top: stages.length > 0 ? HEADER_INSETS.top + 2 : 0 }
        });
        // Room for the lane names left of the steps; where the diagram is then too small for any
        // lane to show its name, that room goes to the diagram instead (names that would cover a
        // step are left out, see header-layout.ts).
        const named = fit(laneLabelsRight(lanes.map(lane => lane.label)));
        return lanes.some(lane => laneNameFits(lane.size.height, named.zoom)) ? named : fit(0);
    }
}

@injectable()
export class ShowStepsCommand extends BoundsAwareViewportCommand {
    static readonly KIND = ShowStepsAction.KIND;

    constructor(@inject(TYPES.Action) protected readonly action: ShowStepsAction) {
        super(action.animate);
    }

    protected getElementIds(): string[] {
        return [...this.action.stepIds];
    }

    protected getNewViewport(bounds: Bounds, model: SModelRootImpl): Viewport | undefined {
        if (!isViewport(model)) return undefined;
        const zoom = this.action.zoom ?? model.zoom;
        const diagram = model instanceof BlueprintGraph ? { width: model.diagramWidth, height: model.diagramHeight } : bounds;
        const scroll = revealScroll({
            current: model.scroll, zoom, canvas: model.canvasBounds, target: bounds, diagram,
            insets: HEADER_INSETS, preferOrigin: this.action.preferOrigin
        });
        if (!scroll) {
            return zoom === model.zoom ? undefined : { scroll: model.scroll, zoom };
        }
        return { scroll, zoom };
    }
}
