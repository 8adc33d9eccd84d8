/**
 * Changes the highlight mode. The model stays as it is: the next render draws the classes (see
 * `HighlightDecorator`), so toggling a highlight never rebuilds the graph.
 */
import { inject, injectable } from 'inversify';
import { Command, TYPES, type CommandExecutionContext, type CommandReturn } from 'sprotty';
import type { HighlightMode } from '@blueprint/protocol';
import { SetHighlightAction } from './actions.js';
import { HighlightState } from './highlight-state.js';

@injectable()
export class SetHighlightCommand extends Command {
    static readonly KIND = SetHighlightAction.KIND;

    @inject(HighlightState) protected readonly state!: HighlightState;
    private previous: HighlightMode = 'none';

    constructor(@inject(TYPES.Action) protected readonly action: SetHighlightAction) {
        super();
    }

    execute(context: CommandExecutionContext): CommandReturn {
        this.previous = this.state.mode;
        const { mode, toggle } = this.action;
        this.state.mode = toggle && this.state.mode === mode ? 'none' : mode;
        return context.root;
    }

    undo(context: CommandExecutionContext): CommandReturn {
        const current = this.state.mode;
        this.state.mode = this.previous;
        this.previous = current;
        return context.root;
    }

    redo(context: CommandExecutionContext): CommandReturn {
        return this.undo(context);
    }
}
