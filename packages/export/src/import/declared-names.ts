/**
 * The names sheet our workbook export writes (names-sheet.ts: kind, id, label, then segment,
 * distance, self-service and notes: `blueprint 외래방문 "외래 진료 방문"`, `stage 접수단계 "접수"`,
 * `channel webHall "Online business hall" remote yes`): read back, the import names the blueprint
 * (with its policies), its lanes, stages, actors, channels and segments as they were instead of
 * making names up from their labels, and declares again its lines, its personas and what no step uses.
 * A workbook of three columns (before the others were added) imports as it always did.
 */
import { localisation, STANDARD_LANES, SUPPORTED_LANGUAGES, type ChannelDistance, type LineKind, type StandardLaneKind } from '@blueprint/model';
import { NAMES_COLUMNS, type NamesColumn } from '../workbook/names-sheet.js';
import type { TableRow } from './read-table.js';
import { unescapedCell, yesNo } from './cell-values.js';
import { isValidName } from './names.js';

type NamedKind = 'lane' | 'stage' | 'actor' | 'channel' | 'segment';

/** A stage, actor, system, channel, segment or persona of the sheet, in the order the blueprint declared it. */
export interface Declaration {
    readonly kind: 'stage' | 'actor' | 'system' | 'channel' | 'segment' | 'persona';
    readonly id?: string;
    readonly label: string;
    /** A persona's segment, by its label. */
    readonly segment?: string;
    readonly distance?: ChannelDistance;
    readonly selfService?: boolean;
    readonly notes: readonly string[];
}

const LINE_KINDS: readonly LineKind[] = ['interaction', 'visibility', 'internal', 'order-penetration', 'implementation'];
const DISTANCES: readonly ChannelDistance[] = ['remote', 'phone', 'face-to-face'];
const DECLARED_KINDS: ReadonlySet<string> = new Set(['stage', 'actor', 'system', 'channel', 'segment', 'persona']);

export class DeclaredNames {
    private readonly byLabel = new Map<string, string>();
    blueprint?: { readonly id?: string; readonly title?: string };
    description?: string;
    readonly policies: string[] = [];
    /** Standard lanes in the blueprint's own words (`lane customer "Patient"`). */
    readonly laneLabels: Array<{ readonly kind: StandardLaneKind; readonly label: string }> = [];
    readonly lines: Array<{ readonly kind: LineKind; readonly label: string }> = [];
    readonly declarations: Declaration[] = [];

    private constructor(private readonly declaresAll: boolean) {}

    /** The rows of the names sheet, its header first; unknown kinds and unusable ids are left out. */
    static read(rows: readonly TableRow[] | undefined): DeclaredNames | undefined {
        if (!rows || rows.length < 2) return undefined;
        // An older sheet (kind, id, label) lists only what steps use: the rows declare it as they always did, in the steps' order.
        const names = new DeclaredNames(rows[0].cells.length > NAMES_COLUMNS.indexOf('label') + 1);
        for (const { cells } of rows.slice(1)) names.add(columnsOf(cells));
        return names;
    }

    private add(row: Readonly<Record<NamesColumn, string>>): void {
        const { kind, id, label } = row;
        if (kind === 'blueprint') this.blueprint = { id: isValidName(id) ? id : undefined, title: label || undefined };
        else if (kind === 'description') this.description = label || undefined;
        else if (kind === 'policy' && label !== '') this.policies.push(label);
        else if (kind === 'lane' && (STANDARD_LANES as readonly string[]).includes(id) && label !== '') {
            if (!this.laneLabels.some(lane => lane.kind === id)) this.laneLabels.push({ kind: id as StandardLaneKind, label });
        } else if (kind === 'line' && (LINE_KINDS as readonly string[]).includes(id)) {
            if (!this.lines.some(line => line.kind === id)) this.lines.push({ kind: id as LineKind, label });
        } else if (label !== '' && (kind === 'lane' || DECLARED_KINDS.has(kind))) {
            const valid = isValidName(id);
            if (valid && kind !== 'persona') this.byLabel.set(key(kind === 'system' ? 'actor' : kind as NamedKind, label), id);
            if (kind !== 'lane' && this.declaresAll) this.declarations.push(declaration(kind as Declaration['kind'], valid ? id : undefined, row));
        }
    }

    /** The id a lane of the blueprint's own, a stage, actor, channel or segment with this label had. */
    idOf(kind: NamedKind, label: string): string | undefined {
        return this.byLabel.get(key(kind, label));
    }

    /** The standard lane a label in the blueprint's own words stands for (`Patient` for the customer lane). */
    laneOf(label: string): StandardLaneKind | undefined {
        return this.laneLabels.find(lane => lane.label.toLowerCase() === label.toLowerCase())?.kind;
    }
}

/** A row's cells by column (a shorter row, such as an older workbook's, has the later ones empty). */
function columnsOf(cells: readonly string[]): Readonly<Record<NamesColumn, string>> {
    return Object.fromEntries(NAMES_COLUMNS.map((column, index) => [column, unescapedCell(cells[index] ?? '')])) as Record<NamesColumn, string>;
}

function declaration(kind: Declaration['kind'], id: string | undefined, row: Readonly<Record<NamesColumn, string>>): Declaration {
    const notes = row.notes.split(/\r?\n/).map(line => line.trim()).filter(line => line !== '');
    if (kind === 'persona') return { kind, id, label: row.label, segment: row.segment || undefined, notes };
    if (kind === 'channel') return { kind, id, label: row.label, distance: distanceOf(row.distance), selfService: yesNo(row.selfService) === true, notes };
    return { kind, id, label: row.label, notes: kind === 'actor' || kind === 'system' ? notes : [] };
}

/** A distance as the grammar writes it, or as the report's tables name it in any language. */
function distanceOf(cell: string): ChannelDistance | undefined {
    const text = cell.toLowerCase();
    return DISTANCES.find(distance => distance === text || SUPPORTED_LANGUAGES.some(code => localisation(code).distances[distance].toLowerCase() === text));
}

const key = (kind: NamedKind, label: string) => `${kind}\u0000${label.toLowerCase()}`;
