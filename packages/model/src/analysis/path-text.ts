/**
 * A path written out for people: its steps joined by arrows, and where the journey does work at
 * the same time, the branches side by side ("Take the order → Pay by card ∥ Cook → Serve"), so a
 * path names the alternative it stands for as well as the parallel work that decides its time.
 */
import type { ProcessPath } from './time-analysis.js';

export const PATH_ARROW = ' → ';
export const PATH_PARALLEL = ' ∥ ';

/** `label` gives each step's text (already escaped for the output it goes into). */
export function pathText(path: Pick<ProcessPath, 'steps' | 'parallel'>, label: (id: string) => string): string {
    const parts: string[] = [];
    const forks = path.parallel ?? [];
    let fork = 0;
    for (let i = 0; i < path.steps.length; i++) {
        const id = path.steps[i];
        parts.push(label(id));
        if (fork >= forks.length || forks[fork].at !== id) continue;
        const { branches, join } = forks[fork++];
        const group = branches.map(branch => branch.map(label).join(PATH_ARROW));
        const text = group.join(PATH_PARALLEL);
        parts.push(branches.some(branch => branch.length > 1) ? `(${text})` : text);
        // The path's own branch is one of the group: go on at the join (or stop: the branches end).
        const at = join === undefined ? -1 : path.steps.indexOf(join, i + 1);
        if (at < 0) break;
        i = at - 1;
    }
    return parts.join(PATH_ARROW);
}
