/**
 * Entry point of the diagram webview bundle (`dist/webview.js`).
 */
import 'reflect-metadata';
import { createBlueprintContainer } from './di.config.js';
import { ExtensionConnection } from './extension-connection.js';
import { StatusOverlay } from './status-overlay.js';
import { Toolbar } from './toolbar.js';
import { WebviewStateStore } from './webview-state.js';

const container = createBlueprintContainer(acquireVsCodeApi());
container.get(Toolbar).render();
container.get(StatusOverlay).show({ kind: 'waiting' });
const state = container.get(WebviewStateStore);
window.addEventListener('pagehide', () => state.flush());
container.get(ExtensionConnection).listen();
