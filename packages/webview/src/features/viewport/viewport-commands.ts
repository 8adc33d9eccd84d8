/** Commands that compute the viewport from the model they run on, so they see the latest model. */
import { inject, injectable } from 'inversify';
import {
    BoundsAwareViewportCommand, Command, isViewport, limitViewport, TYPES, ViewportAnimation,
    type CommandExecutionContext, type CommandReturn, type SModelRootImpl, type ViewerOptions
} from 'sprotty';
import type { Bounds, Viewport } from 'sprotty-protocol';
import { BlueprintGraph } from '../../model.js';
import { ShowStepsAction, ZoomAction } from './actions.js';
import { HEADER_INSETS, revealScroll } from './initial-viewport.js';

@injectable()
export class ZoomCommand extends Command {
    static readonly KIND = ZoomAction.KIND;

    @inject(TYPES.ViewerOptions) protected readonly viewerOptions!: ViewerOptions;
    private before?: Viewport;
    private after?: Viewport;

    constructor(@inject(TYPES.Action) protected readonly action: ZoomAction) {
        super();
    }

    execute(context: CommandExecutionContext): CommandReturn {
        const root = context.root;
        if (!isViewport(root)) return root;
        const zoom = this.action.level ?? root.zoom * (this.action.factor ?? 1);
        const { zoomLimits, horizontalScrollLimits, verticalScrollLimits } = this.viewerOptions;
        const limited = Math.min(Math.max(zoom, zoomLimits.min), zoomLimits.max);
        // Keep the middle of the panel where it is.
        const half = { x: root.canvasBounds.width / 2, y: root.canvasBounds.height / 2 };
        const scroll = {
            x: root.scroll.x + half.x / root.zoom - half.x / limited,
            y: root.scroll.y + half.y / root.zoom - half.y / limited
        };
        this.before = { scroll: root.scroll, zoom: root.zoom };
        this.after = limitViewport({ scroll, zoom: limited }, root.canvasBounds, horizontalScrollLimits, verticalScrollLimits, zoomLimits);
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
