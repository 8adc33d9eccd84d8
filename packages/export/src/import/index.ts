/**
 * `blueprint import`: a spreadsheet or sticky-note board export (CSV or XLSX, one row per item) to
 * `.blueprint` text. It lives in @blueprint/export, the package of the other formats a blueprint
 * travels in; it needs only the model's vocabulary (lane names, our own headers, built-in
 * channels). The caller formats the text and checks it with the language services.
 */
import { buildBlueprint, CUSTOM_LANE, type ImportedBlueprint, type ImportMap } from './build-blueprint.js';
import { blueprintText } from './blueprint-text.js';
import { minutesText } from './cell-values.js';
import { DeclaredNames } from './declared-names.js';
import { FIELDS, type Field } from './columns.js';
import type { ImportProblem } from './problems.js';
import { readTable } from './read-table.js';

export { describeProblem, type ImportProblem } from './problems.js';
export { FIELDS as IMPORT_FIELDS, type Field as ImportField } from './columns.js';
export type { ImportMap, ImportedBlueprint } from './build-blueprint.js';
export { blueprintString } from './blueprint-text.js';

export interface ImportOptions {
    /** The file's name: its extension picks the reader, its base name the blueprint's title. */
    readonly fileName: string;
    readonly title?: string;
    readonly map?: ImportMap;
}

export interface ImportResult {
    /** The blueprint text; undefined when nothing could be read at all. */
    readonly text?: string;
    readonly blueprint?: ImportedBlueprint;
    /** Errors (rows that were not placed) and warnings (what was assumed), in row order. */
    readonly problems: readonly ImportProblem[];
    /** How many data rows were read and how many became steps or evidence. */
    readonly rows: number;
    readonly placed: number;
}

export async function importSpreadsheet(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
    const problems: ImportProblem[] = [];
    const table = await readTable(bytes, options.fileName, problems);
    if (!table) return { problems, rows: 0, placed: 0 };
    // Our workbook names the blueprint itself; any other file is named after the file.
    const declared = DeclaredNames.read(table.names);
    const title = options.title ?? declared?.blueprint?.title ?? (options.fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'Imported blueprint');
    const built = buildBlueprint(table.rows, title, options.map ?? {}, problems, table.kind === 'csv', declared);
    const blueprint = built && table.timeStandardMinutes !== undefined ? { ...built, tolerance: minutesText(table.timeStandardMinutes) } : built;
    const sorted = problems.map((p, i) => [p, i] as const).sort(([a, i], [b, j]) => (a.row ?? 0) - (b.row ?? 0) || i - j).map(([p]) => p);
    if (!blueprint) return { problems: sorted, rows: Math.max(0, table.rows.length - 1), placed: 0 };
    const rows = table.rows.filter(r => r.cells.some(c => c.trim() !== '')).length - 1;
    return {
        text: blueprintText(blueprint, options.fileName.replace(/^.*[\\/]/, '')), blueprint, problems: sorted,
        rows, placed: blueprint.steps.length + blueprint.evidence.length
    };
}

/** A `--map` file's content, checked: `{"columns": {"Header": "lane"}, "lanes": {"Kunde": "customer"}}` (or the columns alone). */
export function parseImportMap(json: string): ImportMap {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('a map is a JSON object: {"columns": {"Header": "lane"}, "lanes": {"Value": "customer"}}');
    const record = value as Record<string, unknown>;
    const structured = 'columns' in record || 'lanes' in record;
    const columns = (structured ? record.columns ?? {} : record) as Record<string, unknown>;
    const lanes = (structured ? record.lanes ?? {} : {}) as Record<string, unknown>;
    for (const [header, field] of Object.entries(columns)) {
        if (typeof field !== 'string' || !FIELDS.includes(field as Field)) {
            throw new Error(`column "${header}" maps to ${JSON.stringify(field)}: use one of ${FIELDS.join(', ')}`);
        }
    }
    const laneKinds = ['customer', 'frontstage', 'backstage', 'support', 'evidence'];
    for (const [lane, kind] of Object.entries(lanes)) {
        if (typeof kind !== 'string' || !(laneKinds.includes(kind) || CUSTOM_LANE.test(kind.trim()))) {
            throw new Error(`lane "${lane}" maps to ${JSON.stringify(kind)}: use one of ${laneKinds.join(', ')}, or custom (custom below frontstage, custom above X) for a lane of its own`);
        }
    }
    return { columns: columns as ImportMap['columns'], lanes: lanes as ImportMap['lanes'] };
}
