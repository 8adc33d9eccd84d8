/** What the status line says: the banner over a stale diagram, or why there is no diagram. Pure. */
export type DiagramStatus =
    | { readonly kind: 'waiting' }
    | { readonly kind: 'fresh' }
    | { readonly kind: 'stale'; readonly errors: number; readonly message?: string }
    | { readonly kind: 'empty'; readonly errors: number; readonly message?: string }
    | { readonly kind: 'failed'; readonly message: string }
    | { readonly kind: 'diff'; readonly title: string; readonly changes: number; readonly risks: number };

export function statusText(status: DiagramStatus): string | undefined {
    switch (status.kind) {
        case 'waiting':
            return 'Waiting for the diagram…';
        case 'fresh':
            return undefined;
        case 'stale':
            return `${errorCount(status.errors)} — showing the last valid diagram`;
        case 'empty':
            return status.errors > 0
                ? `No diagram yet: fix ${status.errors === 1 ? 'the error' : `the ${status.errors} errors`} in the blueprint to see it here.`
                : 'No diagram yet. Add steps to the blueprint to see it here.';
        case 'failed':
            return `The diagram could not be drawn: ${status.message}`;
        case 'diff':
            return `${status.title}: ${status.changes} ${status.changes === 1 ? 'change' : 'changes'}`
                + `${status.risks > 0 ? `, ${status.risks} ${status.risks === 1 ? 'risk' : 'risks'}` : ''}`
                + ' — green added, amber changed, red removed. "Live" returns to the live diagram.';
    }
}

function errorCount(errors: number): string {
    if (errors <= 0) {
        return 'The blueprint has errors';
    }
    return errors === 1 ? '1 error' : `${errors} errors`;
}
