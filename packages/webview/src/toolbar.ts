/**
 * The toolbar above the diagram: the process time against its standard (the drawing has it beside
 * its title, which the sticky stage names cover on screen), then fit, 100 %, zoom, export, the
 * highlight toggles (pressed while on) and "Live" during a comparison. Buttons enqueue actions in the same queue as the
 * extension's messages; their pressed state is read back after each render, so it never runs
 * ahead of the diagram.
 */
import { inject, injectable } from 'inversify';
import type { IVNodePostprocessor } from 'sprotty';
import type { VNode } from 'snabbdom';
import type { Action } from 'sprotty-protocol';
import { ActionQueue } from './base/action-queue.js';
import { DiagramState } from './base/diagram-state.js';
import { ExitComparisonAction } from './features/compare/actions.js';
import { ExportDiagramAction } from './features/export/actions.js';
import { SetHighlightAction } from './features/highlight/actions.js';
import { HighlightState } from './features/highlight/highlight-state.js';
import { FitDiagramAction, ZoomAction } from './features/viewport/actions.js';
import { TOOLBAR_ELEMENT_ID } from './html.js';
import type { HighlightMode } from '@blueprint/protocol';

const ZOOM_STEP = 1.25;

interface ToolbarButton {
    readonly id: string;
    readonly text: string;
    readonly title: string;
    readonly action: () => Action;
    /** A toggle: pressed while this highlight is on. */
    readonly highlight?: HighlightMode;
}

const BUTTONS: readonly ToolbarButton[] = [
    { id: 'fit', text: 'Fit', title: 'Fit the diagram to the panel (F)', action: () => FitDiagramAction.create() },
    { id: 'actual-size', text: '100 %', title: 'Zoom to 100 % (0)', action: () => ZoomAction.to(1) },
    { id: 'zoom-in', text: '+', title: 'Zoom in (+)', action: () => ZoomAction.by(ZOOM_STEP) },
    { id: 'zoom-out', text: '−', title: 'Zoom out (−)', action: () => ZoomAction.by(1 / ZOOM_STEP) },
    { id: 'export', text: 'SVG', title: 'Export the diagram as SVG', action: () => ExportDiagramAction.create() },
    {
        id: 'critical-path', text: 'Critical path', title: 'Highlight the critical path (press again to clear)',
        action: () => SetHighlightAction.create('criticalPath', { toggle: true }), highlight: 'criticalPath'
    },
    {
        id: 'fail-points', text: 'Fail points', title: 'Highlight the steps with fail points (press again to clear)',
        action: () => SetHighlightAction.create('failPoints', { toggle: true }), highlight: 'failPoints'
    },
    { id: 'live', text: 'Live', title: 'Leave the comparison and show the live diagram', action: () => ExitComparisonAction.create() }
];

@injectable()
export class Toolbar implements IVNodePostprocessor {
    @inject(ActionQueue) protected readonly queue!: ActionQueue;
    @inject(HighlightState) protected readonly highlight!: HighlightState;
    @inject(DiagramState) protected readonly state!: DiagramState;

    private buttons = new Map<string, HTMLButtonElement>();
    private processTime?: HTMLElement;

    render(): void {
        const element = document.getElementById(TOOLBAR_ELEMENT_ID);
        if (!element) {
            return;
        }
        this.buttons.clear();
        this.processTime = document.createElement('span');
        this.processTime.className = 'toolbar-process-time';
        element.replaceChildren(this.processTime, ...BUTTONS.map(button => {
            const node = document.createElement('button');
            node.type = 'button';
            node.className = `toolbar-button toolbar-${button.id}`;
            node.dataset.action = button.id;
            node.title = button.title;
            node.setAttribute('aria-label', button.title.replace(/ \([^)]*\)$/, ''));
            if (button.highlight) node.setAttribute('aria-pressed', 'false');
            node.textContent = button.text;
            node.addEventListener('click', () => void this.queue.enqueue(button.action()));
            this.buttons.set(button.id, node);
            return node;
        }));
    }

    decorate(vnode: VNode): VNode {
        return vnode;
    }

    /** After each render: the toggles show the highlight that is drawn. */
    postUpdate(): void {
        const time = this.state.drawnLayout?.processTime;
        if (this.processTime && this.processTime.textContent !== (time?.text ?? '')) {
            this.processTime.textContent = time?.text ?? '';
            this.processTime.title = time?.text ?? '';
        }
        this.processTime?.classList.toggle('over', time?.over === true);
        for (const button of BUTTONS) {
            const node = this.buttons.get(button.id);
            if (node && button.highlight) {
                const on = this.highlight.mode === button.highlight && !this.state.comparing;
                node.setAttribute('aria-pressed', String(on));
                node.disabled = this.state.comparing;
            }
        }
    }
}
