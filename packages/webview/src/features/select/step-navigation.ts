/**
 * Moving between steps with the keyboard. Pure: steps and flows as boxes and pairs of ids.
 * Tab order reads the blueprint left to right (stage columns), top to bottom within a column;
 * Right and Left follow the flows out of and into the step, Up and Down go to the nearest step
 * above or below.
 */
export interface NavigableStep {
    readonly id: string;
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
}

export interface NavigableFlow {
    readonly from: string;
    readonly to: string;
}

export type StepMove = 'next' | 'previous' | 'right' | 'left' | 'up' | 'down';

export function readingOrder(steps: readonly NavigableStep[]): NavigableStep[] {
    return [...steps].sort((a, b) => (a.x - b.x) || (a.y - b.y) || a.id.localeCompare(b.id));
}

/** The step to move to, or undefined to stay (or, for next/previous, to leave the diagram). */
export function moveFrom(current: string | undefined, move: StepMove, steps: readonly NavigableStep[], flows: readonly NavigableFlow[]): string | undefined {
    const ordered = readingOrder(steps);
    const index = current === undefined ? -1 : ordered.findIndex(step => step.id === current);
    if (index < 0) {
        return move === 'previous' ? ordered[ordered.length - 1]?.id : ordered[0]?.id;
    }
    const here = ordered[index];
    const centre = (step: NavigableStep) => ({ x: step.x + step.width / 2, y: step.y + step.height / 2 });
    const distance = (a: NavigableStep, b: NavigableStep) => Math.hypot(centre(a).x - centre(b).x, centre(a).y - centre(b).y);
    const nearest = (candidates: readonly NavigableStep[]) =>
        candidates.reduce<NavigableStep | undefined>((best, step) => !best || distance(here, step) < distance(here, best) ? step : best, undefined)?.id;
    const byId = new Map(steps.map(step => [step.id, step]));
    switch (move) {
        case 'next':
            return ordered[index + 1]?.id;
        case 'previous':
            return ordered[index - 1]?.id;
        case 'right': {
            const targets = flows.filter(flow => flow.from === here.id && flow.to !== here.id).map(flow => byId.get(flow.to));
            return nearest(targets.filter((step): step is NavigableStep => step !== undefined)) ?? ordered[index + 1]?.id;
        }
        case 'left': {
            const sources = flows.filter(flow => flow.to === here.id && flow.from !== here.id).map(flow => byId.get(flow.from));
            return nearest(sources.filter((step): step is NavigableStep => step !== undefined)) ?? ordered[index - 1]?.id;
        }
        case 'up':
            return nearest(steps.filter(step => centre(step).y < centre(here).y - here.height / 2));
        case 'down':
            return nearest(steps.filter(step => centre(step).y > centre(here).y + here.height / 2));
    }
}
