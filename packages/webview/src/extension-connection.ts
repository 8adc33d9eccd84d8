/**
 * The webview's side of the message channel with the extension: checks incoming messages and
 * enqueues them as actions, posts outgoing ones, and turns Sprotty actions that concern the
 * extension into messages.
 */
import { inject, injectable } from 'inversify';
import type { IActionHandler } from 'sprotty';
import type { Action } from 'sprotty-protocol';
import { ActionQueue } from './base/action-queue.js';
import { messageToAction } from './base/message-actions.js';
import { RevealStepAction } from './features/select/actions.js';
import { isExtensionToWebviewMessage, type WebviewToExtensionMessage } from '@blueprint/protocol';
import { BlueprintTypes, type VsCodeApi } from './vscode-api.js';

@injectable()
export class ExtensionConnection implements IActionHandler {
    @inject(BlueprintTypes.VsCodeApi) protected readonly vscode!: VsCodeApi;
    @inject(ActionQueue) protected readonly queue!: ActionQueue;

    private listening = false;

    post(message: WebviewToExtensionMessage): void {
        this.vscode.postMessage(message);
    }

    /** Starts taking the extension's messages (into the action queue); malformed ones are reported and dropped. */
    listen(): void {
        if (this.listening) {
            throw new Error('ExtensionConnection.listen may be called only once.');
        }
        this.listening = true;
        window.addEventListener('message', event => {
            const data: unknown = event.data;
            if (isExtensionToWebviewMessage(data)) {
                void this.queue.enqueue(messageToAction(data));
            } else {
                console.warn('Blueprint diagram: ignoring an unexpected message', data);
            }
        });
        this.post({ kind: 'ready' });
    }

    handle(action: Action): void {
        if (action.kind === RevealStepAction.KIND) {
            this.post({ kind: 'reveal', id: (action as RevealStepAction).stepId });
        }
    }
}
