/**
 * Headers that stay on screen while panning and zooming: the lane names at the left edge, the
 * names of the three lines on each line at the right edge, and the stage names in a bar
 * at the top. They are HTML over the canvas, re-positioned from the viewport after every render,
 * drawn at a fixed size (legible at any zoom) and hidden from screen readers (each step's name
 * says its lane and stage). The SVG's own lane and stage names are hidden in the live view only;
 * exports keep them.
 */
import { injectable } from 'inversify';
import type { VNode } from 'snabbdom';
import { isViewport, SModelRootImpl, type IVNodePostprocessor, type SModelElementImpl } from 'sprotty';
import { HEADERS_ELEMENT_ID } from '../../html.js';
import { BlueprintGraph, LaneNode, LineNode, StageNode, StepNode } from '../../model.js';
import { HEADER_INSETS } from '../viewport/initial-viewport.js';
import { headerLayout } from './header-layout.js';

@injectable()
export class StickyHeaders implements IVNodePostprocessor {
    private root?: SModelRootImpl;

    decorate(vnode: VNode, element: SModelElementImpl): VNode {
        if (element instanceof SModelRootImpl) this.root = element;
        return vnode;
    }

    postUpdate(): void {
        const container = document.getElementById(HEADERS_ELEMENT_ID);
        if (!container) return;
        const root = this.root;
        if (!(root instanceof BlueprintGraph) || !isViewport(root) || root.children.length === 0) {
            container.replaceChildren();
            return;
        }
        const layout = headerLayout({
            scroll: root.scroll,
            zoom: root.zoom,
            canvas: root.canvasBounds,
            stages: root.children.filter((child): child is StageNode => child instanceof StageNode)
                .map(stage => ({ label: stage.label, x: stage.position.x, width: stage.size.width, headerHeight: stage.headerHeight })),
            lanes: root.children.filter((child): child is LaneNode => child instanceof LaneNode)
                .map(lane => ({ label: lane.label, kind: lane.kind, y: lane.position.y, height: lane.size.height })),
            lines: root.children.filter((child): child is LineNode => child instanceof LineNode)
                .map(line => ({ label: line.label, kind: line.kind, y: line.position.y, x: line.position.x, width: line.size.width })),
            steps: root.children.filter((child): child is StepNode => child instanceof StepNode)
                .map(step => ({ ...step.position, ...step.size }))
        });
        const bar = element('div', `sticky-stage-bar${layout.stageBar.stuck ? ' stuck' : ''}`, { top: layout.stageBar.top, height: HEADER_INSETS.top });
        bar.append(...layout.stages.map(stage => element('div', 'sticky-stage', { left: stage.left, width: stage.width }, stage.label)));
        container.replaceChildren(
            ...layout.lanes.map(lane => element('div', `sticky-lane sticky-lane-${lane.kind}`, { left: lane.left, top: lane.top }, lane.label)),
            ...layout.lines.map(line => element('div', `sticky-line sticky-line-${line.kind}`,
                { right: line.right, top: line.top, ...(line.width !== undefined ? { 'max-width': line.width } : {}) }, line.label)),
            ...(layout.stages.length > 0 ? [bar] : [])
        );
    }
}

function element(tag: string, className: string, box: Readonly<Record<string, number>>, text?: string): HTMLElement {
    const node = document.createElement(tag);
    node.className = className;
    for (const [property, value] of Object.entries(box)) {
        node.style.setProperty(property, `${Math.round(value * 10) / 10}px`);
    }
    if (text !== undefined) {
        node.textContent = text;
        node.title = text;
    }
    return node;
}
