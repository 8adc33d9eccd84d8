/**
 * The one queue of the webview: the extension's messages, the toolbar and the keyboard all enqueue
 * their actions here, and each runs only after the previous one has finished, including the work
 * its handlers started (a new model, then the viewport on it). Without this a toolbar click could
 * overtake a diagram update that is still being rendered.
 */
import { inject, injectable } from 'inversify';
import { TYPES, type IActionDispatcher } from 'sprotty';
import type { Action } from 'sprotty-protocol';
import { StatusOverlay } from '../status-overlay.js';

@injectable()
export class ActionQueue {
    @inject(TYPES.IActionDispatcher) protected readonly dispatcher!: IActionDispatcher;
    @inject(StatusOverlay) protected readonly status!: StatusOverlay;

    private tail: Promise<void> = Promise.resolve();
    private started: Promise<unknown>[] = [];

    /** Runs `action` after everything enqueued so far; a failure is reported and does not stop later actions. */
    enqueue(action: Action): Promise<void> {
        this.tail = this.tail.then(() => this.run(action)).catch(error => this.report(error));
        return this.tail;
    }

    /** For handlers: the queue waits for `work` before it runs the next action. */
    waitFor(work: Promise<unknown>): void {
        this.started.push(work);
    }

    /** Resolves when everything enqueued so far has run. */
    idle(): Promise<void> {
        return this.tail;
    }

    private async run(action: Action): Promise<void> {
        this.started = [];
        await this.dispatcher.dispatch(action);
        while (this.started.length > 0) {
            const work = this.started;
            this.started = [];
            await Promise.all(work);
        }
    }

    private report(error: unknown): void {
        this.started = [];
        console.error('Blueprint diagram:', error);
        this.status.show({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
}
