/**
 * The webview's side of the message channel with the extension: checks incoming messages, posts
 * outgoing ones, and turns Sprotty actions that concern the extension into messages.
 */
import { inject, injectable } from 'inversify';
import type { IActionHandler } from 'sprotty';
import type { Action } from 'sprotty-protocol';
import { RevealStepAction } from './actions.js';
import { isExtensionToWebviewMessage, type ExtensionToWebviewMessage, type WebviewToExtensionMessage } from './protocol.js';
import { BlueprintTypes, type VsCodeApi } from './vscode-api.js';

export type ExtensionMessageHandler = (message: ExtensionToWebviewMessage) => void;

@injectable()
export class ExtensionConnection implements IActionHandler {
    @inject(BlueprintTypes.VsCodeApi) protected readonly vscode!: VsCodeApi;

    private listening = false;

    post(message: WebviewToExtensionMessage): void {
        this.vscode.postMessage(message);
    }

    /** Starts delivering the extension's messages; malformed ones are reported and dropped. */
    listen(handler: ExtensionMessageHandler): void {
        if (this.listening) {
            throw new Error('ExtensionConnection.listen may be called only once.');
        }
        this.listening = true;
        window.addEventListener('message', event => {
            const data: unknown = event.data;
            if (isExtensionToWebviewMessage(data)) {
                handler(data);
            } else {
                console.warn('Blueprint diagram: ignoring an unexpected message', data);
            }
        });
    }

    handle(action: Action): void {
        if (action.kind === RevealStepAction.KIND) {
            this.post({ kind: 'reveal', id: (action as RevealStepAction).stepId });
        }
    }
}
