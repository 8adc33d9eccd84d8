/** Every extension message becomes the action of the feature that handles it. */
import { describe, expect, it } from 'vitest';
import { messageToAction } from '../src/base/message-actions.js';
import { isExtensionToWebviewMessage, type ExtensionToWebviewMessage } from '@blueprint/protocol';
import { loadFixtureLayout } from '../../../test/webview/layout-source.js';

describe('messageToAction', () => {
    const layout = loadFixtureLayout();
    const params = { uri: 'file:///a.blueprint', version: 3, layout, stale: false, errors: 0 };

    it('maps each message kind to one feature action, carrying its data', () => {
        const cases: Array<[ExtensionToWebviewMessage, Record<string, unknown>]> = [
            [{ kind: 'diagram', params }, { kind: 'blueprintShowDiagram', params }],
            [{ kind: 'diagram', params, focus: ['A'] }, { kind: 'blueprintShowDiagram', params, focus: ['A'] }],
            [{ kind: 'diagram', params, focus: [] }, { kind: 'blueprintShowDiagram', params }],
            [{ kind: 'select', ids: ['A', 'B'] }, { kind: 'blueprintSelectSteps', stepIds: ['A', 'B'], focus: false }],
            [{ kind: 'fit' }, { kind: 'blueprintFitDiagram', animate: true }],
            [{ kind: 'exportSvg' }, { kind: 'blueprintExportDiagram' }],
            [{ kind: 'highlight', mode: 'failPoints' }, { kind: 'blueprintSetHighlight', mode: 'failPoints', toggle: false }],
            [{ kind: 'exitDiff' }, { kind: 'blueprintExitComparison' }]
        ];
        for (const [message, action] of cases) {
            expect(isExtensionToWebviewMessage(message)).toBe(true);
            expect(messageToAction(message)).toEqual(action);
        }
    });

    it('accepts a diagram message with the cursor\'s steps and rejects a malformed focus', () => {
        expect(isExtensionToWebviewMessage({ kind: 'diagram', params, focus: ['A'] })).toBe(true);
        expect(isExtensionToWebviewMessage({ kind: 'diagram', params, focus: 'A' })).toBe(false);
        expect(isExtensionToWebviewMessage({ kind: 'diagram', params, focus: [1] })).toBe(false);
    });
});
