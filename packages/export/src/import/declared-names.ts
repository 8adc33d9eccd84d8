/**
 * The names sheet our workbook export writes (kind, id, label: `blueprint 외래방문 "외래 진료 방문"`,
 * `stage 접수단계 "접수"`): read back, the import names the blueprint (with its policies), its own
 * lanes, stages, actors, channels and segments as they were instead of making names up from their labels.
 */
import type { TableRow } from './read-table.js';
import { isValidName } from './names.js';

type NamedKind = 'lane' | 'stage' | 'actor' | 'channel' | 'segment';

export class DeclaredNames {
    private readonly byLabel = new Map<string, string>();
    blueprint?: { readonly id?: string; readonly title?: string };
    description?: string;
    readonly policies: string[] = [];

    /** The rows of the names sheet, its header first; unknown kinds and unusable ids are left out. */
    static read(rows: readonly TableRow[] | undefined): DeclaredNames | undefined {
        if (!rows || rows.length < 2) return undefined;
        const names = new DeclaredNames();
        for (const { cells } of rows.slice(1)) {
            const [kind = '', id = '', label = ''] = cells.map(cell => cell.trim());
            if (kind === 'blueprint') names.blueprint = { id: isValidName(id) ? id : undefined, title: label || undefined };
            else if (kind === 'description') names.description = label || undefined;
            else if (kind === 'policy' && label !== '') names.policies.push(label);
            else if (['lane', 'stage', 'actor', 'system', 'channel', 'segment'].includes(kind) && isValidName(id) && label !== '') {
                names.byLabel.set(key(kind === 'system' ? 'actor' : kind as NamedKind, label), id);
            }
        }
        return names;
    }

    /** The id a lane of the blueprint's own, a stage, actor, channel or segment with this label had. */
    idOf(kind: NamedKind, label: string): string | undefined {
        return this.byLabel.get(key(kind, label));
    }
}

const key = (kind: NamedKind, label: string) => `${kind}\u0000${label.toLowerCase()}`;
