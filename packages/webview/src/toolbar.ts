/** The small toolbar over the diagram: fit, zoom in, zoom out, export SVG, highlight the critical path or the fail points. */
import { inject, injectable } from 'inversify';
import { DiagramController } from './diagram-controller.js';
import { TOOLBAR_ELEMENT_ID } from './html.js';

interface ToolbarButton {
    readonly id: string;
    readonly text: string;
    readonly title: string;
    readonly run: (controller: DiagramController) => Promise<void>;
}

const BUTTONS: readonly ToolbarButton[] = [
    { id: 'fit', text: 'Fit', title: 'Fit the diagram to the panel', run: controller => controller.fitAll() },
    { id: 'zoom-in', text: '+', title: 'Zoom in', run: controller => controller.zoomIn() },
    { id: 'zoom-out', text: '−', title: 'Zoom out', run: controller => controller.zoomOut() },
    { id: 'export', text: 'SVG', title: 'Export the diagram as SVG', run: controller => controller.requestExport() },
    {
        id: 'critical-path', text: 'Critical path', title: 'Highlight the critical path (press again to clear)',
        run: controller => controller.setHighlight(controller.highlight === 'criticalPath' ? 'none' : 'criticalPath')
    },
    {
        id: 'live', text: 'Live', title: 'Leave the comparison and show the live diagram',
        run: controller => controller.exitComparison()
    },
    {
        id: 'fail-points', text: 'Fail points', title: 'Highlight the steps with fail points (press again to clear)',
        run: controller => controller.setHighlight(controller.highlight === 'failPoints' ? 'none' : 'failPoints')
    }
];

@injectable()
export class Toolbar {
    @inject(DiagramController) protected readonly controller!: DiagramController;

    render(): void {
        const element = document.getElementById(TOOLBAR_ELEMENT_ID);
        if (!element) {
            return;
        }
        element.replaceChildren(...BUTTONS.map(button => {
            const node = document.createElement('button');
            node.type = 'button';
            node.className = `toolbar-button toolbar-${button.id}`;
            node.dataset.action = button.id;
            node.title = button.title;
            node.setAttribute('aria-label', button.title);
            node.textContent = button.text;
            node.addEventListener('click', () => void button.run(this.controller));
            return node;
        }));
    }
}
