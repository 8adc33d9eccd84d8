/** The pure parts of the preview's viewport, headers and keyboard navigation, on real layouts. */
import { describe, expect, it } from 'vitest';
import { revealScroll, startStep } from '../src/features/viewport/initial-viewport.js';
import { wheelZoomFactor } from '../src/features/viewport/wheel-zoom-factor.js';
import { headerLayout, laneLabelsRight, laneLabelWidth, lineLabelWidth } from '../src/features/headers/header-layout.js';
import { fitViewport } from '../src/features/viewport/fit-viewport.js';
import { placeHoverCard } from '../src/features/details/hover-card-position.js';
import { moveFrom, readingOrder } from '../src/features/select/step-navigation.js';
import { loadFixtureLayout, loadLayoutSource } from '../../../test/webview/layout-source.js';

describe('startStep', () => {
    it('is the leftmost customer step no flow leads to', async () => {
        const { layout } = await loadLayoutSource('credit-card-hotline');
        expect(startStep(layout)?.id).toBe('Dial');
        const bank = loadFixtureLayout();
        const start = startStep(bank)!;
        expect(bank.lanes.find(lane => lane.id === start.lane)?.kind).toBe('customer');
        expect(bank.flows.some(flow => flow.to === start.id && flow.kind !== 'evidence')).toBe(false);
    });

    it('falls back to the leftmost step when there is no customer lane, and to nothing when there are no steps', () => {
        const bank = loadFixtureLayout();
        const noCustomer = { ...bank, lanes: bank.lanes.map(lane => ({ ...lane, kind: 'custom' as const })) };
        const leftmost = [...bank.steps].filter(step => !step.evidenceFor && step.lane !== 'evidence').sort((a, b) => a.x - b.x)[0];
        expect(startStep(noCustomer)?.x).toBe(leftmost.x);
        expect(startStep({ ...bank, steps: [], flows: [] })).toBeUndefined();
    });
});

describe('revealScroll', () => {
    const canvas = { width: 1000, height: 600 };
    const diagram = { width: 4000, height: 800 };
    const insets = { left: 0, top: 30 };

    it('keeps the origin when the target is visible from there (a diagram opening)', () => {
        expect(revealScroll({ current: { x: 500, y: 0 }, zoom: 1, canvas, diagram, insets, preferOrigin: true, target: { x: 200, y: 260, width: 140, height: 60 } }))
            .toEqual({ x: 0, y: 0 });
    });

    it('centres an off-screen target, clamped inside the diagram when opening', () => {
        const far = { x: 3800, y: 100, width: 150, height: 60 };
        const opening = revealScroll({ current: { x: 0, y: 0 }, zoom: 1, canvas, diagram, insets, preferOrigin: true, target: far })!;
        expect(opening.x).toBe(diagram.width - canvas.width);
        expect(opening.y).toBe(0);
        const moving = revealScroll({ current: { x: 0, y: 0 }, zoom: 1, canvas, diagram, insets, target: far })!;
        expect(moving.x + canvas.width / 2).toBeCloseTo(far.x + far.width / 2, 5);
    });

    it('does not move for a target already in view, and counts the stage bar as covered', () => {
        expect(revealScroll({ current: { x: 100, y: 0 }, zoom: 1, canvas, diagram, insets, target: { x: 300, y: 100, width: 100, height: 60 } })).toBeUndefined();
        // Under the sticky stage bar: scrolled so it clears it.
        const under = revealScroll({ current: { x: 0, y: 100 }, zoom: 1, canvas, diagram, insets, target: { x: 300, y: 110, width: 100, height: 60 } })!;
        expect(under.x).toBe(0);
        expect(110 - under.y).toBeGreaterThanOrEqual(30);
    });
});

describe('wheelZoomFactor', () => {
    it('is proportional to the wheel movement and capped per event', () => {
        const notch = wheelZoomFactor({ deltaY: 100, deltaMode: 0, ctrlKey: false });
        expect(notch).toBeCloseTo(1 / 1.2, 10);
        expect(wheelZoomFactor({ deltaY: -50, deltaMode: 0, ctrlKey: false }) ** 2).toBeCloseTo(1.2, 10);
        expect(wheelZoomFactor({ deltaY: 3, deltaMode: 1, ctrlKey: false })).toBeCloseTo(wheelZoomFactor({ deltaY: 48, deltaMode: 0, ctrlKey: false }), 10);
        expect(wheelZoomFactor({ deltaY: -5000, deltaMode: 0, ctrlKey: false })).toBeCloseTo(1.25, 10);
        expect(wheelZoomFactor({ deltaY: 1, deltaMode: 2, ctrlKey: false })).toBeCloseTo(0.8, 10);
        // A pinch (Ctrl + small deltas) still zooms noticeably.
        expect(wheelZoomFactor({ deltaY: -10, deltaMode: 0, ctrlKey: true })).toBeCloseTo(Math.exp(0.1), 10);
    });
});

describe('headerLayout', () => {
    const stages = [{ label: 'Arrive', x: 168, width: 600, headerHeight: 84 }, { label: 'Leave', x: 768, width: 600, headerHeight: 84 }];
    const lanes = [{ label: 'Customer actions', kind: 'customer', y: 84, height: 100 }, { label: 'Frontstage actions', kind: 'frontstage', y: 184, height: 200 }];
    const lines = [{ label: 'Line of interaction', kind: 'interaction', y: 184 }];

    it('keeps lane and line names at the left edge and the visible stages in the bar when panned right', () => {
        const layout = headerLayout({ scroll: { x: 900, y: 0 }, zoom: 1, canvas: { width: 800, height: 600 }, stages, lanes, lines });
        expect(layout.lanes.map(lane => [lane.label, lane.left])).toEqual([['Customer actions', 8], ['Frontstage actions', 8]]);
        expect(layout.lines).toEqual([{ label: 'Line of interaction', kind: 'interaction', right: 8, top: 184 - 8 }]);
        expect(layout.stages).toEqual([{ label: 'Leave', left: 0, width: 468 }]);
        expect(layout.stageBar).toEqual({ top: 27, stuck: false });
    });

    it('sticks the stage bar to the top and keeps lane names below it when scrolled down', () => {
        const layout = headerLayout({ scroll: { x: 0, y: 150 }, zoom: 1, canvas: { width: 800, height: 600 }, stages, lanes, lines });
        expect(layout.stageBar).toEqual({ top: 0, stuck: true });
        // The customer lane shows 34 px under the bar: too little for its name; the frontstage lane's name sits under the bar.
        expect(layout.lanes.map(lane => lane.label)).toEqual(['Frontstage actions']);
        expect(layout.lanes[0].top).toBe(184 - 150 + 4);
        expect(layout.lines).toEqual([]);
    });
});

describe('keyboard moves between steps', () => {
    it('tabs in reading order and follows flows with the arrow keys', async () => {
        const { layout } = await loadLayoutSource('credit-card-hotline');
        const steps = layout.steps.filter(step => !step.evidenceFor);
        const flows = layout.flows.filter(flow => flow.kind !== 'evidence');
        const ordered = readingOrder(steps).map(step => step.id);
        expect(moveFrom(undefined, 'next', steps, flows)).toBe(ordered[0]);
        expect(moveFrom(ordered[0], 'next', steps, flows)).toBe(ordered[1]);
        expect(moveFrom(ordered[ordered.length - 1], 'next', steps, flows)).toBeUndefined();
        expect(moveFrom(ordered[1], 'previous', steps, flows)).toBe(ordered[0]);
        for (const step of steps) {
            const right = moveFrom(step.id, 'right', steps, flows);
            const outgoing = flows.filter(flow => flow.from === step.id && flow.to !== step.id).map(flow => flow.to);
            if (outgoing.length > 0) expect(outgoing).toContain(right);
            const left = moveFrom(step.id, 'left', steps, flows);
            const incoming = flows.filter(flow => flow.to === step.id && flow.from !== step.id).map(flow => flow.from);
            if (incoming.length > 0) expect(incoming).toContain(left);
            const down = moveFrom(step.id, 'down', steps, flows);
            if (down) expect(steps.find(other => other.id === down)!.y).toBeGreaterThan(step.y);
        }
    });
});

describe('headerLayout when zoomed out', () => {
    const stages = [{ label: 'Arrive', x: 168, width: 600, headerHeight: 84 }];
    const lanes = [{ label: 'Customer actions', kind: 'customer', y: 84, height: 100 }, { label: 'Frontstage actions', kind: 'frontstage', y: 184, height: 200 }];
    const lines = [{ label: 'Line of interaction', kind: 'interaction', y: 184 }];

    it('keeps the line names at the right edge, clear of the lane names', () => {
        const zoomedOut = headerLayout({ scroll: { x: 0, y: -200 }, zoom: 0.3, canvas: { width: 800, height: 600 }, stages, lanes, lines });
        expect(zoomedOut.lanes.map(lane => lane.label)).toEqual(['Customer actions', 'Frontstage actions']);
        expect(zoomedOut.lines.map(line => [line.label, line.right])).toEqual([['Line of interaction', 8]]);
    });

    it('drops a line name that would cover a lane name in a narrow panel', () => {
        const narrow = headerLayout({ scroll: { x: 0, y: 0 }, zoom: 1, canvas: { width: 200, height: 600 }, stages, lanes, lines });
        expect(narrow.lanes.map(lane => lane.label)).toEqual(['Customer actions', 'Frontstage actions']);
        expect(narrow.lines).toEqual([]);
        // A side-by-side preview (540 px) has room for both.
        const beside = headerLayout({ scroll: { x: 0, y: 0 }, zoom: 1, canvas: { width: 540, height: 600 }, stages, lanes, lines });
        expect(beside.lines.map(line => line.label)).toEqual(['Line of interaction']);
    });
});

describe('fitViewport', () => {
    const canvas = { width: 800, height: 600 };
    const diagram = { x: 0, y: 0, width: 3000, height: 900 };
    const content = { left: 174, top: 84 };
    const zoomLimits = { min: 0.05, max: 1 };

    it('keeps the steps right of the lane names and below the stage bar, the whole diagram inside the panel', () => {
        const insets = { left: 200, top: 32 };
        const { zoom, scroll } = fitViewport({ canvas, diagram, content, insets, padding: 24, zoomLimits });
        const toX = (x: number) => (x - scroll.x) * zoom;
        const toY = (y: number) => (y - scroll.y) * zoom;
        expect(toX(content.left)).toBeGreaterThanOrEqual(insets.left - 1e-9);
        expect(toY(content.top)).toBeGreaterThanOrEqual(insets.top - 1e-9);
        expect(toX(diagram.x)).toBeGreaterThanOrEqual(24 - 1e-9);
        expect(toX(diagram.x + diagram.width)).toBeLessThanOrEqual(canvas.width - 24 + 1e-9);
        expect(toY(diagram.y + diagram.height)).toBeLessThanOrEqual(canvas.height - 24 + 1e-9);
        // Width-bound: the steps fill the panel from the lane names to the padding.
        expect(toX(diagram.x + diagram.width)).toBeCloseTo(canvas.width - 24, 6);
        // Less room than without the lane names.
        const plain = fitViewport({ canvas, diagram, content, insets: { left: 0, top: 0 }, padding: 24, zoomLimits });
        expect(plain.zoom).toBeGreaterThan(zoom);
        expect(plain.zoom).toBeCloseTo((canvas.width - 48) / diagram.width, 9);
    });

    it('never zooms in above 100 %, and centres a small diagram', () => {
        const small = { x: 0, y: 0, width: 400, height: 300 };
        const { zoom, scroll } = fitViewport({ canvas, diagram: small, content, insets: { left: 200, top: 32 }, padding: 24, zoomLimits });
        expect(zoom).toBe(1);
        const left = -scroll.x;
        const right = canvas.width - (small.width - scroll.x);
        // Centred in the room the lane names leave (a couple of pixels off the exact middle).
        expect(Math.abs(left - right)).toBeLessThan(5);
        expect(content.left - scroll.x).toBeGreaterThanOrEqual(200);
    });
});

describe('headerLayout keeps the names off the steps', () => {
    const stages = [{ label: 'Arrive', x: 174, width: 2800, headerHeight: 84 }];
    const lanes = [{ label: 'Customer actions', kind: 'customer', y: 84, height: 300 }, { label: 'Frontstage actions', kind: 'frontstage', y: 384, height: 300 }];
    const lines = [{ label: 'Line of interaction', kind: 'interaction', y: 384, x: 0, width: 3000 }];

    it('moves a line name left along its line off a step at the line end, and ends it at the line end', () => {
        const free = headerLayout({ scroll: { x: -100, y: 0 }, zoom: 0.25, canvas: { width: 1000, height: 600 }, stages, lanes, lines, steps: [] });
        // The line ends at 3000 → (3000 + 100) × 0.25 = 775 px: the name ends there, not at the panel's edge.
        expect(free.lines).toHaveLength(1);
        expect(1000 - free.lines[0].right).toBeCloseTo(775 - 2, 6);
        const step = { x: 2700, y: 370, width: 200, height: 60 };
        const moved = headerLayout({ scroll: { x: -100, y: 0 }, zoom: 0.25, canvas: { width: 1000, height: 600 }, stages, lanes, lines, steps: [step] });
        const right = 1000 - moved.lines[0].right;
        expect(right).toBeLessThanOrEqual((step.x + 100) * 0.25);
        // A line crowded with steps has no place for its name: it is left out.
        const crowded = Array.from({ length: 30 }, (_, i) => ({ x: i * 100, y: 370, width: 95, height: 60 }));
        expect(headerLayout({ scroll: { x: -100, y: 0 }, zoom: 0.25, canvas: { width: 1000, height: 600 }, stages, lanes, lines, steps: crowded }).lines).toEqual([]);
        // A gap narrower than the name but wide enough for some of it: the name is cut to the gap.
        const spaced = [{ x: 0, y: 370, width: 1600, height: 60 }, { x: 2000, y: 370, width: 1000, height: 60 }];
        const cut = headerLayout({ scroll: { x: -100, y: 0 }, zoom: 0.25, canvas: { width: 1000, height: 600 }, stages, lanes, lines, steps: spaced });
        expect(cut.lines).toHaveLength(1);
        expect(cut.lines[0].width).toBeDefined();
        expect(cut.lines[0].width!).toBeGreaterThanOrEqual(72);
        expect(cut.lines[0].width!).toBeLessThan(lineLabelWidth('Line of interaction'));
    });

    it('leaves out a lane name that would cover a step while the diagram\'s left edge is in view, not when panned', () => {
        const step = { x: 180, y: 90, width: 200, height: 80 };
        const home = headerLayout({ scroll: { x: -40, y: 0 }, zoom: 0.3, canvas: { width: 1000, height: 600 }, stages, lanes, lines, steps: [step] });
        expect(home.lanes.map(lane => lane.label)).toEqual(['Frontstage actions']);
        const panned = headerLayout({ scroll: { x: 600, y: 0 }, zoom: 1, canvas: { width: 1000, height: 600 }, stages, lanes, lines, steps: [{ ...step, x: 610 }] });
        expect(panned.lanes.map(lane => lane.label)).toEqual(['Customer actions', 'Frontstage actions']);
    });

    it('estimates wide (CJK) characters wider than Latin ones', () => {
        expect(laneLabelWidth('일선 직원 행동')).toBeGreaterThan(laneLabelWidth('abcdefgh'));
        expect(laneLabelsRight(['Customer actions', 'A'])).toBe(8 + laneLabelWidth('Customer actions') + 6);
    });
});

describe('placeHoverCard', () => {
    const viewport = { width: 600, height: 500 };
    const card = { width: 300, height: 200 };

    it('stays where Sprotty put it when it fits', () => {
        expect(placeHoverCard({ at: { x: 100, y: 50 }, card, anchor: undefined, viewport })).toEqual({ x: 100, y: 50 });
    });

    it('flips to the left of the step beside which it would overflow the right edge', () => {
        const anchor = { left: 400, top: 100, right: 560, bottom: 160 };
        expect(placeHoverCard({ at: { x: 565, y: 110 }, card, anchor, viewport })).toEqual({ x: 400 - 6 - 300, y: 110 });
    });

    it('moves in from the edges when there is no room on the other side, keeping its size', () => {
        const anchor = { left: 100, top: 100, right: 560, bottom: 160 };
        const placed = placeHoverCard({ at: { x: 565, y: 420 }, card, anchor, viewport });
        expect(placed.x).toBe(600 - 8 - 300);
        // Over the bottom edge, and no room above the step: moved up from the edge.
        expect(placed.y).toBe(500 - 8 - 200);
        // With room above the step, it goes there instead.
        const low = { left: 100, top: 300, right: 560, bottom: 360 };
        expect(placeHoverCard({ at: { x: 565, y: 365 }, card, anchor: low, viewport }).y).toBe(300 - 6 - 200);
        expect(placed.y + card.height).toBeLessThanOrEqual(viewport.height);
    });
});
