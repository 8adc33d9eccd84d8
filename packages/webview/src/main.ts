/**
 * Entry point of the diagram webview bundle (`dist/webview.js`).
 */
import 'reflect-metadata';
import { createBlueprintContainer } from './di.config.js';
import { DiagramController } from './diagram-controller.js';
import { Toolbar } from './toolbar.js';

const container = createBlueprintContainer(acquireVsCodeApi());
container.get(Toolbar).render();
container.get(DiagramController).start();
