/**
 * The workbook's names sheet: what the other sheets show only by label, or not at all, one
 * declaration a row, so that `blueprint import` gives the blueprint back as it was. The blueprint's
 * id and title (and description and policies); its relabelled lanes, its own lanes and its
 * declared lines; every stage, actor, system, declared channel, segment and persona, also those no
 * step uses, in the order the blueprint declares them (a stage `접수단계 "접수"` beside a step `접수`
 * stays `접수단계`). After kind, id and label, the columns older workbooks lack: a persona's
 * segment, a channel's distance and self-service, and the notes of actors, systems and personas.
 */
import { localisation, type BlueprintModel, type LineKind, type ModelLane, type ServiceReportStrings, type WorkbookStrings } from '@blueprint/model';
import type { CellValue } from './workbook-tables.js';

/** Kinds of the names sheet's rows, as the language's keywords: `blueprint`, `stage`, `actor`… */
export type DeclaredKind = 'blueprint' | 'description' | 'policy' | 'lane' | 'line' | 'stage' | 'actor' | 'system' | 'channel' | 'segment' | 'persona';

/** The sheet's columns in order; the import reads them by position, and a workbook of three columns still reads. */
export const NAMES_COLUMNS = ['kind', 'id', 'label', 'segment', 'distance', 'selfService', 'notes'] as const;
export type NamesColumn = (typeof NAMES_COLUMNS)[number];

/** Lines the model draws whether declared or not; the others are there only when declared. */
const DEFAULT_LINES: ReadonlySet<LineKind> = new Set(['interaction', 'visibility', 'internal']);

const BUILTIN_CHANNELS: ReadonlySet<string> = new Set(Object.keys(localisation('en').channels));

export function namesColumns(s: ServiceReportStrings, w: WorkbookStrings): Array<readonly [string, number]> {
    const headers: Readonly<Record<NamesColumn, readonly [string, number]>> = {
        kind: [s.kind, 12], id: [w.id, 18], label: [w.label, 40], segment: [s.segment, 18], distance: [s.distance, 14],
        selfService: [w.selfService, 12], notes: [w.notes, 40]
    };
    return NAMES_COLUMNS.map(column => headers[column]);
}

export function namesRows(model: BlueprintModel): CellValue[][] {
    const { serviceReport: s, lanes: defaultLanes, lines: defaultLines } = localisation(model.language);
    const row = (kind: DeclaredKind, id: string | undefined, label: string, more: Partial<Record<NamesColumn, CellValue>> = {}): CellValue[] =>
        [kind, id, label, more.segment, more.distance, more.selfService, more.notes];
    const segmentLabel = (id: string | undefined) => model.segments.find(segment => segment.id === id)?.label ?? id;
    const usedLane = (lane: ModelLane) => model.steps.some(step => step.lane === lane.id);
    return [
        row('blueprint', model.id, model.title),
        ...model.description ? [row('description', undefined, model.description)] : [],
        ...model.policies.map(policy => row('policy', undefined, policy)),
        // A standard lane in the blueprint's own words (`lane customer "Patient"`): its steps' lane cells say "Patient".
        ...model.lanes.filter(lane => lane.kind !== 'custom' && lane.label !== defaultLanes[lane.kind]).map(lane => row('lane', lane.id, lane.label)),
        // A lane of the blueprint's own: its place is in the steps' lane cells (`Tools applied [below frontstage]`).
        ...model.lanes.filter(lane => lane.kind === 'custom' && usedLane(lane)).map(lane => row('lane', lane.id, lane.label)),
        ...model.lines.filter(line => !DEFAULT_LINES.has(line.kind) || line.label !== defaultLines[line.kind]).map(line => row('line', line.kind, line.label)),
        ...model.stages.map(stage => row('stage', stage.id, stage.label)),
        ...model.actors.map(actor => row(actor.kind, actor.id, actor.label, { notes: lines(actor.notes) })),
        ...model.channels.filter(channel => !BUILTIN_CHANNELS.has(channel.id)).map(channel =>
            row('channel', channel.id, channel.label, { distance: channel.distance, selfService: channel.selfService ? s.yes : s.no })),
        ...model.segments.map(segment => row('segment', segment.id, segment.label)),
        ...model.personas.map(persona => row('persona', persona.id, persona.label, { segment: segmentLabel(persona.segment), notes: lines(persona.notes) }))
    ];
}

/** Several values in one cell, one per line; nothing when there are none. */
function lines(values: readonly string[]): string | undefined {
    return values.length > 0 ? values.join('\n') : undefined;
}
