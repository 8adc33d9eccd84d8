/** What the import reports: each row it could not place (with its number), and what it assumed. */
export interface ImportProblem {
    readonly severity: 'error' | 'warning';
    /** The spreadsheet's row number (the header is row 1); undefined for the file as a whole. */
    readonly row?: number;
    readonly message: string;
}

/** `row 7: unknown lane "Custmer" (did you mean "Customer actions"?)` */
export function describeProblem(problem: ImportProblem): string {
    return `${problem.row === undefined ? '' : `row ${problem.row}: `}${problem.severity === 'warning' ? 'warning: ' : ''}${problem.message}`;
}
