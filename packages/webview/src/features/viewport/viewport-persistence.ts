/**
 * Saves the viewport after every render of the main view. Hooking the render (rather than the
 * actions) catches every way the viewport changes: drag, wheel, fit, center, toolbar.
 */
import { inject, injectable } from 'inversify';
import type { VNode } from 'snabbdom';
import { isViewport, SModelRootImpl, type IVNodePostprocessor, type SModelElementImpl } from 'sprotty';
import { BlueprintElementType } from '../../schema.js';
import { WebviewStateStore } from '../../webview-state.js';

@injectable()
export class ViewportPersistence implements IVNodePostprocessor {
    @inject(WebviewStateStore) protected readonly state!: WebviewStateStore;

    private root?: SModelRootImpl;

    decorate(vnode: VNode, element: SModelElementImpl): VNode {
        if (element instanceof SModelRootImpl) {
            this.root = element;
        }
        return vnode;
    }

    postUpdate(): void {
        const root = this.root;
        if (root && root.type === BlueprintElementType.graph && isViewport(root)) {
            this.state.setViewport({ scroll: root.scroll, zoom: root.zoom });
        }
    }
}
