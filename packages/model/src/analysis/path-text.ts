/**
 * A path written out for people: its steps joined by arrows, and where the journey does work at
 * the same time, the branches side by side ("Take the order → Pay by card ∥ Cook → Serve"), so a
 * path names the alternative it stands for as well as the parallel work that decides its time.
 */
import type { ParallelWork, ProcessPath } from './time-analysis.js';

export const PATH_ARROW = ' → ';
export const PATH_PARALLEL = ' ∥ ';

/**
 * `label` gives each step's text (already escaped for the output it goes into). A path's steps
 * list each fork's branches one after the other, right after the step where the path forks (or
 * where a recovery brings it back): they are written side by side there.
 */
export function pathText(path: Pick<ProcessPath, 'steps' | 'parallel'>, label: (id: string) => string): string {
    const parts: string[] = [];
    const forks = path.parallel ?? [];
    let fork = 0;
    for (let i = 0; i < path.steps.length; i++) {
        parts.push(label(path.steps[i]));
        if (fork >= forks.length || !branchesAt(path.steps, i + 1, forks[fork])) continue;
        const { branches } = forks[fork++];
        const text = branches.map(branch => branch.map(label).join(PATH_ARROW)).join(PATH_PARALLEL);
        parts.push(branches.some(branch => branch.length > 1) ? `(${text})` : text);
        i += branches.reduce((count, branch) => count + branch.length, 0);
        // A fork within these branches is written as its branch's steps; the next fork to write comes after them.
        while (fork < forks.length && branches.some(branch => branch.includes(forks[fork].at))) fork++;
    }
    return parts.join(PATH_ARROW);
}

/** Whether the fork's branches are listed from `start` on. */
function branchesAt(steps: readonly string[], start: number, fork: ParallelWork): boolean {
    let i = start;
    for (const branch of fork.branches) {
        for (const id of branch) if (steps[i++] !== id) return false;
    }
    return true;
}
