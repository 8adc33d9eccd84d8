/** Each message from the extension becomes the Sprotty action of the feature that handles it. Pure. */
import type { Action } from 'sprotty-protocol';
import { ExitComparisonAction, ShowComparisonAction } from '../features/compare/actions.js';
import { ShowDiagramAction } from '../features/diagram/actions.js';
import { ExportDiagramAction } from '../features/export/actions.js';
import { SetHighlightAction } from '../features/highlight/actions.js';
import { SelectStepsAction } from '../features/select/actions.js';
import { FitDiagramAction } from '../features/viewport/actions.js';
import type { ExtensionToWebviewMessage } from '@blueprint/protocol';

export function messageToAction(message: ExtensionToWebviewMessage): Action {
    switch (message.kind) {
        case 'diagram':
            return ShowDiagramAction.create(message.params, message.focus);
        case 'diff':
            return ShowComparisonAction.create(message.title, message.result);
        case 'exitDiff':
            return ExitComparisonAction.create();
        case 'select':
            return SelectStepsAction.create(message.ids);
        case 'fit':
            return FitDiagramAction.create();
        case 'exportSvg':
            return ExportDiagramAction.create();
        case 'highlight':
            return SetHighlightAction.create(message.mode);
    }
}
