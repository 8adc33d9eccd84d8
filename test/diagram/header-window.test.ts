/** The stage and lane headers a window onto the drawing shows (the paged export's tiles, the webview's sticky headers). */
import { headersInWindow } from '@blueprint/diagram';
import { headersInWindow as fromEntry } from '@blueprint/diagram/header-window';
import { expect, it } from 'vitest';

const headers = {
    stages: [{ id: 'a', x: 170, width: 200 }, { id: 'b', x: 370, width: 300 }, { id: 'c', x: 670, width: 100 }],
    lanes: [{ id: 'customer', y: 40, height: 120 }, { id: 'frontstage', y: 160, height: 120 }, { id: 'support', y: 280, height: 120 }]
};

it('cuts the stages the window cuts through to their part inside it, and leaves out the others', () => {
    const { stages } = headersInWindow(headers, { x: 300, y: 0, width: 300, height: 1000 });
    expect(stages).toEqual([{ id: 'a', x: 300, width: 70 }, { id: 'b', x: 370, width: 230 }]);
});

it('keeps the lanes the window shows some of, as they are', () => {
    const { lanes } = headersInWindow(headers, { x: 0, y: 150, width: 1000, height: 100 });
    expect(lanes.map(lane => lane.id)).toEqual(['customer', 'frontstage']);
    expect(lanes[0]).toBe(headers.lanes[0]);
});

it('shows nothing that only touches the window edge', () => {
    const { stages, lanes } = headersInWindow(headers, { x: 370, y: 280, width: 0.5, height: 0.5 });
    expect(stages.map(stage => stage.id)).toEqual(['b']);
    expect(lanes.map(lane => lane.id)).toEqual(['support']);
});

it('is the same function from the import-free entry the webview uses', () => {
    expect(fromEntry).toBe(headersInWindow);
});
