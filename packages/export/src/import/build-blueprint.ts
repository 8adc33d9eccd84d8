/**
 * Rows to a blueprint: each row is a step in its lane and stage (or, in the evidence lane, a piece
 * of physical evidence); stages, actors and channels are declared in the order they first appear;
 * flows come from a "next" column, else in reading order per stage (customer line first). A row
 * that cannot be placed is reported with its number and left out — never dropped silently.
 */
import {
    builtinChannelLabel, localisation, STANDARD_LANES, SUPPORTED_LANGUAGES, type ChannelDistance, type Feeling, type LanguageCode, type LineKind,
    type StandardLaneKind
} from '@blueprint/model';
import { FIELDS, normaliseHeader, planColumns, type ColumnPlan, type Field } from './columns.js';
import { closest, knownLaneNames, matchLane, parseEmotion, parseTime, unescapedCell, yesNo } from './cell-values.js';
import { isValidName, NameRegistry } from './names.js';
import type { ImportProblem } from './problems.js';
import type { DeclaredNames } from './declared-names.js';
import type { TableRow } from './read-table.js';
import { parseBlockLine, parseFlowLine, parseMarkers, parseMetricLine, type BlockKind } from '../workbook/cell-syntax.js';

/**
 * `--map`: headers to fields, and lane values to lanes: a standard lane, or `custom` for a lane of
 * its own (below the last one), `custom below frontstage` / `custom above X` to place it.
 */
export interface ImportMap {
    readonly columns?: Readonly<Record<string, Field>>;
    readonly lanes?: Readonly<Record<string, string>>;
}

export const CUSTOM_LANE = /^custom(?:\s+(above|below)\s+(.+))?$/u;

export interface ImportedStep {
    readonly row: number;
    readonly id: string;
    readonly label: string;
    /** A standard step lane, or the name of a custom lane. */
    readonly lane: string;
    readonly custom: boolean;
    readonly stage?: string;
    readonly actor?: string;
    readonly channel?: string;
    readonly evidence: readonly string[];
    readonly duration?: string;
    readonly durationTolerance?: string;
    readonly wait?: string;
    readonly waitTolerance?: string;
    readonly failPoints: readonly ImportedFailPoint[];
    readonly moment?: { readonly reason?: string };
    readonly emotion?: { readonly feeling: Feeling; readonly note?: string };
    readonly notes: readonly string[];
    readonly policies: readonly string[];
    /** The customer segments the step is a variant for (names). */
    readonly segments: readonly string[];
    start?: boolean;
    end?: boolean;
    independent?: boolean;
}

export interface ImportedFlow {
    readonly from: string;
    readonly arrow: string;
    readonly to: string;
    readonly share?: string;
    readonly label?: string;
    /** `loop`, `loop 10 %`, `loop 2 times`. */
    readonly loop?: string;
}

/** A `decision` or `parallel` block: the branches out of one step. */
export interface ImportedBlock {
    readonly row: number;
    readonly step: string;
    readonly kind: BlockKind;
    readonly number: number;
    label?: string;
    join?: string;
    readonly branches: Array<{ readonly arrow: string; readonly to: string; readonly share?: string; readonly label?: string }>;
}

export interface ImportedMetric {
    readonly row: number;
    readonly name: string;
    readonly label?: string;
    /** As Blueprint writes it: `>= 85 % within 15 s`. */
    readonly target?: string;
    readonly steps: string[];
}

export interface ImportedRemedy {
    readonly text: string;
    readonly pokaYoke?: string;
    /** The steps that carry it out (ids), resolved once every row is read. */
    steps: string[];
}

export interface ImportedFailPoint {
    readonly cause: string;
    /** As Blueprint writes it: `10 %`. */
    readonly rate?: string;
    readonly preventions: readonly ImportedRemedy[];
    readonly recoveries: readonly ImportedRemedy[];
}

export interface ImportedPersona {
    readonly name: string;
    readonly label: string;
    /** The segment's name. */
    readonly segment?: string;
    readonly notes: readonly string[];
}

export interface ImportedBlueprint {
    readonly name: string;
    readonly title: string;
    readonly description?: string;
    /** The policies of the whole blueprint (our workbook's names sheet). */
    readonly policies?: readonly string[];
    readonly language?: LanguageCode;
    /** The time standard of the whole process as written after `tolerance`, e.g. `25 min`. */
    readonly tolerance?: string;
    readonly laneLabels: ReadonlyArray<{ readonly kind: StandardLaneKind; readonly label: string }>;
    readonly customLanes: ReadonlyArray<{ readonly name: string; readonly label: string; readonly position: 'above' | 'below'; readonly anchor: string }>;
    /** The lines the blueprint declares (our workbook's names sheet); no label when it is the language's own name of the line. */
    readonly lines: ReadonlyArray<{ readonly kind: LineKind; readonly label?: string }>;
    readonly stages: ReadonlyArray<{ readonly name: string; readonly label: string }>;
    readonly segments: ReadonlyArray<{ readonly name: string; readonly label: string }>;
    readonly personas: readonly ImportedPersona[];
    readonly actors: ReadonlyArray<{ readonly name: string; readonly label: string; readonly system: boolean; readonly notes: readonly string[] }>;
    readonly channels: ReadonlyArray<{ readonly name: string; readonly label: string; readonly distance?: ChannelDistance; readonly selfService: boolean }>;
    readonly steps: readonly ImportedStep[];
    readonly evidence: ReadonlyArray<{ readonly name: string; readonly label: string; readonly stage?: string }>;
    readonly flows: readonly ImportedFlow[];
    readonly blocks: readonly ImportedBlock[];
    readonly metrics: readonly ImportedMetric[];
}

const STEP_LANES: readonly StandardLaneKind[] = ['customer', 'frontstage', 'backstage', 'support'];
const BUILTIN_CHANNELS = Object.keys(localisation('en').channels);
/** Labels the built-in channels had before they were named for any service: workbooks exported then still import them as built-in. */
const FORMER_BUILTIN_LABELS: Readonly<Record<string, string>> = { '手机银行': 'app', '网上银行': 'web', '上门服务': 'onsite', '店舗窓口': 'branch', '영업점': 'branch' };
/** Built-in channels where the customer serves themselves: who acts there is a system. */
const SELF_SERVICE_CHANNELS = new Set(['ivr', 'app', 'web', 'atm', 'kiosk']);
/** An actor whose name says it is an IT system. */
const SYSTEM_NAME = /system|engine|database|platform|software|server|\bapp\b|ivr|系统|系統|システム|시스템|플랫폼/iu;
/** `Core banking [system]`, `IVR operator [actor]`: the kind written after the name. */
const ACTOR_KIND = /\s*\[\s*(system|actor)\s*\]\s*$/iu;
const POKA_YOKE_TYPES = new Set(['task', 'treatment', 'tangible', 'preparation', 'encounter', 'resolution']);

export function buildBlueprint(rows: readonly TableRow[], title: string, map: ImportMap, problems: ImportProblem[], checkWidth: boolean,
    declared?: DeclaredNames): ImportedBlueprint | undefined {
    const headerIndex = rows.findIndex(r => r.cells.some(c => c.trim() !== ''));
    if (headerIndex < 0) {
        problems.push({ severity: 'error', message: 'the file holds no header row: expected columns such as stage, lane and label' });
        return undefined;
    }
    const header = rows[headerIndex];
    const mapped = new Map<string, Field>();
    for (const [column, field] of Object.entries(map.columns ?? {})) mapped.set(normaliseHeader(column), field);
    const plan = planColumns(header.cells, mapped);
    reportPlan(plan, header.row, problems);
    if (!plan.columns.has('label') || !plan.columns.has('lane')) {
        const missing = (['label', 'lane'] as const).filter(f => !plan.columns.has(f));
        problems.push({ severity: 'error', row: header.row, message: `no ${missing.join(' and no ')} column among ${header.cells.map(c => JSON.stringify(c.trim())).join(', ')}: name it in a --map file, e.g. {"columns": {"${header.cells[0]?.trim() || 'My column'}": "${missing[0]}"}}` });
        return undefined;
    }
    const builder = new Builder(plan, map, problems, declared);
    const body = rows.slice(headerIndex + 1);
    builder.reserveIds(body);
    builder.nameBlueprint(title, declared?.blueprint?.id);
    builder.declareNames();
    for (const row of body) {
        if (row.cells.every(c => c.trim() === '')) continue;
        // Extra cells that are empty (a trailing delimiter) lose nothing; any other difference is a broken row.
        const width = row.cells.length > header.cells.length && row.cells.slice(header.cells.length).every(c => c.trim() === '') ? header.cells.length : row.cells.length;
        if (checkWidth && width !== header.cells.length) {
            problems.push({ severity: 'error', row: row.row, message: `has ${row.cells.length} cells, the header has ${header.cells.length}: a missing or extra delimiter (quote cells that contain one)` });
            continue;
        }
        builder.add(row);
    }
    return builder.finish();
}

function reportPlan(plan: ColumnPlan, row: number, problems: ImportProblem[]): void {
    for (const d of plan.duplicates) problems.push({ severity: 'warning', row, message: `column "${d.header}" is also read as ${d.field}: only "${d.used}" is used` });
    if (plan.unused.length > 0) {
        problems.push({ severity: 'warning', row, message: `column${plan.unused.length === 1 ? '' : 's'} ${plan.unused.map(h => `"${h}"`).join(', ')} not imported (map ${plan.unused.length === 1 ? 'it' : 'them'} with --map; fields: ${FIELDS.join(', ')})` });
    }
    if (!plan.columns.has('stage')) problems.push({ severity: 'warning', row, message: 'no stage column: the steps are imported without stages' });
}

class Builder {
    private readonly names = new NameRegistry();
    private readonly steps: ImportedStep[] = [];
    private readonly evidence: Array<{ name: string; label: string; stage?: string }> = [];
    private readonly stages = new Map<string, { name: string; label: string }>();
    private readonly segments = new Map<string, { name: string; label: string }>();
    /** `declared`: the names sheet says whether it is an actor or a system, so no guess changes it. */
    private readonly actors = new Map<string, { name: string; label: string; system: boolean; notes: readonly string[]; declared?: boolean }>();
    private readonly channels = new Map<string, { name: string; label: string; builtin: boolean; distance?: ChannelDistance; selfService: boolean }>();
    private readonly personas: ImportedPersona[] = [];
    private readonly customLanes = new Map<string, { name: string; label: string; position?: { where: 'above' | 'below'; anchor: string } }>();
    private readonly laneLabels = new Map<StandardLaneKind, string>();
    private readonly laneLanguages = new Map<LanguageCode, number>();
    private readonly nextCells: Array<{ row: number; from: string; cell: string }> = [];
    /** The Decision, Markers and Metrics cells, read once every row is placed (they name other rows). */
    private readonly structureCells: Array<{ row: number; step: ImportedStep; decision: string; markers: string; metrics: string }> = [];
    private readonly idRows = new Map<string, number>();
    private readonly remedySteps: Array<{ row: number; remedy: ImportedRemedy; cell: string }> = [];
    /** Ids and labels of rows that could not be placed: a flow to them is explained, not reported as unknown. */
    private readonly failedRows = new Map<string, number>();
    private readonly customMap: ReadonlyMap<string, string>;
    private title = '';
    private name = '';
    /** The file marks its systems (`Core banking [system]`, as our export does): the others are people, not guessed. */
    private actorKindsWritten = false;

    constructor(private readonly plan: ColumnPlan, map: ImportMap, private readonly problems: ImportProblem[], private readonly declared?: DeclaredNames) {
        this.customMap = new Map(Object.entries(map.lanes ?? {}).map(([value, lane]) => [normaliseHeader(value), lane]));
    }

    /** The ids written in the file come first: names made up for stages or actors must not take them. */
    reserveIds(rows: readonly TableRow[]): void {
        for (const row of rows) {
            const id = this.cell(row, 'id');
            if (id !== '' && isValidName(id)) this.names.reserve(id);
            if (ACTOR_KIND.test(this.cell(row, 'actor'))) this.actorKindsWritten = true;
        }
    }

    nameBlueprint(title: string, id?: string): void {
        this.title = title;
        this.name = this.named(id, title, 'Imported');
    }

    /**
     * What the workbook's names sheet declares, in its order: the blueprint's relabelled lanes, then
     * its stages, actors, systems, channels (with their distance and self-service), segments and
     * personas, also those no row uses. The rows then find them by label.
     */
    declareNames(): void {
        if (!this.declared) return;
        for (const { kind, label } of this.declared.laneLabels) this.laneLabels.set(kind, label);
        for (const declaration of this.declared.declarations) {
            const { label, id } = declaration;
            const key = label.toLowerCase();
            switch (declaration.kind) {
                case 'stage': this.stage(label); break;
                case 'segment': this.segment(label); break;
                case 'actor': case 'system':
                    if (!this.actors.has(key)) {
                        this.actors.set(key, { name: this.named(id, label, 'Actor'), label, system: declaration.kind === 'system', notes: declaration.notes, declared: true });
                    }
                    break;
                case 'channel':
                    // Declared, even when its label is also a built-in channel's.
                    if (!this.channels.has(key)) {
                        this.channels.set(key, { name: this.named(id, label, 'Channel'), label, builtin: false, distance: declaration.distance, selfService: declaration.selfService ?? false });
                    }
                    break;
                case 'persona':
                    this.personas.push({ name: this.named(id, label, 'Persona'), label, segment: declaration.segment === undefined ? undefined : this.segment(declaration.segment), notes: declaration.notes });
                    break;
            }
        }
    }

    /** The name the workbook's names sheet gives (when still free), else one made from the label. */
    private named(given: string | undefined, label: string, fallback: string): string {
        return given !== undefined && this.names.reserveExact(given) ? given : this.names.derive(label, fallback);
    }

    private cell(row: TableRow, field: Field): string {
        const column = this.plan.columns.get(field);
        const raw = column === undefined ? '' : row.cells[column.index] ?? '';
        return unescapedCell(raw);
    }

    private lines(row: TableRow, field: Field): string[] {
        return this.cell(row, field).split(/\r?\n/).map(l => l.trim()).filter(l => l !== '');
    }

    add(row: TableRow): void {
        const before = this.problems.filter(p => p.severity === 'error').length;
        this.place(row);
        if (this.problems.filter(p => p.severity === 'error').length > before) {
            for (const key of [this.cell(row, 'id'), this.cell(row, 'label')]) if (key !== '' && !this.failedRows.has(key.toLowerCase())) this.failedRows.set(key.toLowerCase(), row.row);
        }
    }

    private place(row: TableRow): void {
        const label = this.cell(row, 'label').replace(/\s*\r?\n\s*/g, ' ');
        const laneValue = this.cell(row, 'lane');
        if (label === '') {
            this.problems.push({ severity: 'error', row: row.row, message: `has no label${laneValue ? ` (lane "${laneValue}")` : ''}: every row is one step or piece of evidence` });
            return;
        }
        const lane = this.resolveLane(laneValue, row.row, label);
        if (!lane) return;
        const stage = this.stage(this.cell(row, 'stage'));
        if (lane.kind === 'evidence') {
            this.evidence.push({ name: this.names.derive(label, 'Evidence'), label, stage });
            return;
        }
        const id = this.stepId(row, label);
        if (!id) return;
        const times = this.times(row);
        if (!times) return;
        const emotionCell = this.cell(row, 'emotion');
        const emotion = emotionCell ? parseEmotion(emotionCell) : undefined;
        const notes = this.lines(row, 'notes');
        if (emotionCell && !emotion) {
            this.problems.push({ severity: 'warning', row: row.row, message: `emotion "${emotionCell}" is not one of delighted, positive, neutral, negative, frustrated: kept as a note` });
            notes.push(emotionCell);
        }
        const step: ImportedStep = {
            row: row.row, id, label, lane: lane.name, custom: lane.kind === 'custom', stage,
            actor: this.actor(this.cell(row, 'actor'), this.cell(row, 'channel')), channel: this.channel(this.cell(row, 'channel')),
            evidence: this.lines(row, 'evidence'), ...times, failPoints: this.failPoints(row),
            moment: this.moment(this.cell(row, 'moment')), emotion, notes, policies: this.lines(row, 'policies'),
            segments: this.lines(row, 'segments').flatMap(line => line.split(/\s*[,;]\s*/u)).filter(s => s !== '').map(s => this.segment(s))
        };
        this.steps.push(step);
        const next = this.cell(row, 'next');
        if (next) this.nextCells.push({ row: row.row, from: id, cell: next });
        const [decision, markers, metrics] = [this.cell(row, 'decision'), this.cell(row, 'markers'), this.cell(row, 'metrics')];
        if (decision || markers || metrics) this.structureCells.push({ row: row.row, step, decision, markers, metrics });
    }

    private resolveLane(value: string, row: number, label: string): { kind: StandardLaneKind | 'custom'; name: string } | undefined {
        if (value === '') {
            this.problems.push({ severity: 'error', row, message: `"${label}" has no lane: write customer, frontstage, backstage, support or evidence (or a lane name in the blueprint's language)` });
            return undefined;
        }
        // A lane of the blueprint's own, with where it goes, as our export writes it: `Risk and compliance [below support]`.
        const placed = /^(.*?)\s*\[\s*(above|below)\s+([^\]]+?)\s*\]$/u.exec(value);
        if (placed) value = placed[1];
        const mapped = this.customMap.get(normaliseHeader(value));
        const custom = mapped === undefined ? (placed ? [placed[0], placed[2], placed[3]] : undefined) : CUSTOM_LANE.exec(mapped.trim());
        if (custom) {
            const key = normaliseHeader(value);
            let lane = this.customLanes.get(key);
            if (!lane) {
                const position = custom[1] ? { where: custom[1] as 'above' | 'below', anchor: custom[2] } : placed ? { where: placed[2] as 'above' | 'below', anchor: placed[3] } : undefined;
                lane = { name: this.named(this.declared?.idOf('lane', value), value, 'Lane'), label: value, position };
                this.customLanes.set(key, lane);
            }
            return { kind: 'custom', name: lane.name };
        }
        if (mapped) return { kind: mapped as StandardLaneKind, name: mapped };
        const relabelled = placed ? undefined : this.declared?.laneOf(value);
        if (relabelled) return { kind: relabelled, name: relabelled };
        const match = matchLane(value);
        if (!match) {
            const language = this.plan.language ?? 'en';
            const suggestion = closest(value, [...knownLaneNames(language), ...knownLaneNames('en')]);
            this.problems.push({ severity: 'error', row, message: `unknown lane "${value}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: use customer, frontstage, backstage, support or evidence, or map it in a --map file ({"lanes": {"${value}": "custom"}} for a lane of its own)` });
            return undefined;
        }
        if (match.language) this.laneLanguages.set(match.language, (this.laneLanguages.get(match.language) ?? 0) + 1);
        if (match.relabelled && !this.laneLabels.has(match.kind)) this.laneLabels.set(match.kind, value);
        return { kind: match.kind, name: match.kind };
    }

    private stepId(row: TableRow, label: string): string | undefined {
        const given = this.cell(row, 'id');
        if (given === '') return this.names.derive(label, 'Step');
        const earlier = this.idRows.get(given.toLowerCase());
        if (earlier !== undefined) {
            this.problems.push({ severity: 'error', row: row.row, message: `id "${given}" is already used by row ${earlier}: ids must be unique` });
            return undefined;
        }
        this.idRows.set(given.toLowerCase(), row.row);
        if (!isValidName(given)) {
            const derived = this.names.derive(label, 'Step');
            this.problems.push({ severity: 'warning', row: row.row, message: `id "${given}" is not usable as a Blueprint name: named ${derived}` });
            return derived;
        }
        return given;
    }

    private times(row: TableRow): Pick<ImportedStep, 'duration' | 'durationTolerance' | 'wait' | 'waitTolerance'> | undefined {
        const result: Record<string, string | undefined> = {};
        for (const field of ['duration', 'durationTolerance', 'wait', 'waitTolerance'] as const) {
            const value = this.cell(row, field);
            if (value === '') continue;
            const time = parseTime(value, this.plan.columns.get(field)!.unit);
            if (!time) {
                this.problems.push({ severity: 'error', row: row.row, message: `${this.plan.columns.get(field)!.header} "${value}" is not a time: write e.g. 90 s, 2 min, 1.5 h or a number of minutes` });
                return undefined;
            }
            result[field] = time;
        }
        if (result.durationTolerance && !result.duration) {
            this.problems.push({ severity: 'warning', row: row.row, message: 'a duration tolerance without a duration: left out' });
            delete result.durationTolerance;
        }
        return result;
    }

    private failPoints(row: TableRow): ImportedStep['failPoints'] {
        const causes = this.lines(row, 'fail');
        const preventions = this.remedies(row, 'prevention', 'preventionPokaYoke', 'preventionSteps');
        const recoveries = this.remedies(row, 'recovery', 'recoveryPokaYoke', 'recoverySteps');
        const rates = this.cell(row, 'failureRate').split(/\r?\n/).map(r => r.trim());
        if (causes.length === 0) {
            if (preventions.length + recoveries.length > 0) {
                this.problems.push({ severity: 'warning', row: row.row, message: 'a prevention or recovery without a fail point: left out (write the fail point\'s cause)' });
            }
            return [];
        }
        // One remedy line per fail point when the counts agree; otherwise every remedy belongs to the first.
        const pair = (remedies: ImportedRemedy[], index: number) => remedies.length === causes.length ? [remedies[index]] : index === 0 ? remedies : [];
        return causes.map((cause, index) => ({ cause, rate: this.rate(rates[index] ?? '', row.row), preventions: pair(preventions, index), recoveries: pair(recoveries, index) }));
    }

    /** Remedy texts, one per line, with the poka-yoke type on the same line of its own column. */
    private remedies(row: TableRow, textField: Field, typeField: Field, stepsField: Field): ImportedRemedy[] {
        const texts = this.cell(row, textField).split(/\r?\n/);
        const types = this.cell(row, typeField).split(/\r?\n/).map(t => t.trim().toLowerCase());
        const steps = this.cell(row, stepsField).split(/\r?\n/);
        return texts.map((text, index) => ({ text: text.trim(), type: types[index] ?? '', steps: steps[index] ?? '' })).filter(r => r.text !== '').map(({ text, type, steps }) => {
            const valid = type === '' || POKA_YOKE_TYPES.has(type);
            if (!valid) this.problems.push({ severity: 'warning', row: row.row, message: `poka-yoke "${type}" is not one of ${[...POKA_YOKE_TYPES].join(', ')}: left out` });
            const remedy: ImportedRemedy = { text, pokaYoke: valid && type ? type : undefined, steps: [] };
            if (steps.trim() !== '') this.remedySteps.push({ row: row.row, remedy, cell: steps });
            return remedy;
        });
    }

    private rate(cell: string, row: number): string | undefined {
        if (cell === '') return undefined;
        const match = /^(\d+(?:\.\d+)?)\s*%?$/u.exec(cell.normalize('NFKC'));
        if (!match || Number(match[1]) > 100) {
            this.problems.push({ severity: 'warning', row, message: `failure rate "${cell}" is not a percentage: left out` });
            return undefined;
        }
        return `${match[1]} %`;
    }

    private moment(cell: string): ImportedStep['moment'] {
        if (cell === '') return undefined;
        const flag = yesNo(cell);
        if (flag === false) return undefined;
        return flag === true ? {} : { reason: cell.replace(/\s*\r?\n\s*/g, ' ') };
    }

    private stage(value: string): string | undefined {
        if (value === '') return undefined;
        const key = value.toLowerCase();
        let stage = this.stages.get(key);
        if (!stage) {
            stage = { name: this.named(this.declared?.idOf('stage', value), value, 'Stage'), label: value };
            this.stages.set(key, stage);
        }
        return stage.name;
    }

    /** An actor, declared as a system when its name says so or it acts at a self-service channel. */
    private segment(value: string): string {
        const key = value.toLowerCase();
        let segment = this.segments.get(key);
        if (!segment) {
            segment = { name: this.named(this.declared?.idOf('segment', value), value, 'Segment'), label: value };
            this.segments.set(key, segment);
        }
        return segment.name;
    }

    private actor(cell: string, channel: string): string | undefined {
        const kind = ACTOR_KIND.exec(cell);
        const value = kind ? cell.slice(0, kind.index).trim() : cell;
        if (value === '') return undefined;
        const key = value.toLowerCase();
        let actor = this.actors.get(key);
        if (!actor) {
            const system = kind ? kind[1].toLowerCase() === 'system' : !this.actorKindsWritten && SYSTEM_NAME.test(value);
            actor = { name: this.named(this.declared?.idOf('actor', value), value, 'Actor'), label: value, system, notes: [] };
            this.actors.set(key, actor);
        }
        const channelName = channel === '' ? undefined : this.channel(channel);
        if (!this.actorKindsWritten && !kind && !actor.declared && channelName && SELF_SERVICE_CHANNELS.has(channelName)) actor.system = true;
        return actor.name;
    }

    /** A built-in channel by its name or its label in any language (`kiosk`, `Self-service terminal`), else a declared one. */
    private channel(value: string): string | undefined {
        if (value === '') return undefined;
        const key = value.toLowerCase();
        let channel = this.channels.get(key);
        if (!channel) {
            const builtin = BUILTIN_CHANNELS.find(name => name === key
                || SUPPORTED_LANGUAGES.some(code => builtinChannelLabel(name, code)?.toLowerCase() === key)) ?? FORMER_BUILTIN_LABELS[value];
            channel = builtin ? { name: builtin, label: value, builtin: true, selfService: false }
                : { name: this.named(this.declared?.idOf('channel', value), value, 'Channel'), label: value, builtin: false, selfService: false };
            this.channels.set(key, channel);
        }
        return channel.name;
    }

    finish(): ImportedBlueprint {
        const blocks = this.blocksFromCells();
        const flows = this.nextCells.length > 0 || blocks.length > 0 ? this.flowsFromNext(blocks) : this.flowsInReadingOrder();
        for (const block of blocks) {
            if (block.branches.length === 0) {
                this.problems.push({ severity: 'error', row: block.row, message: `${block.kind}${block.number > 1 ? ` ${block.number}` : ''} has no branches: write them in the next column as ${block.kind}${block.number > 1 ? ` ${block.number}` : ''}: Target` });
            }
        }
        this.readMarkers();
        const metrics = this.metricsFromCells();
        this.resolveRemedySteps();
        if (!this.steps.some(s => s.lane === 'customer')) {
            this.problems.push({ severity: 'warning', message: 'no customer steps: a blueprint is drawn from the customer\'s point of view' });
        }
        const language = this.plan.language ?? majority(this.laneLanguages) ?? scriptLanguage(this.steps.map(s => s.label).join(''));
        return {
            name: this.name, title: this.title, description: this.declared?.description, policies: this.declared?.policies, language,
            laneLabels: [...this.laneLabels.entries()].map(([kind, label]) => ({ kind, label })),
            customLanes: this.placeCustomLanes(), lines: this.declaredLines(language),
            stages: [...this.stages.values()], segments: [...this.segments.values()], personas: this.personas,
            actors: [...this.actors.values()].map(({ name, label, system, notes }) => ({ name, label, system, notes })),
            channels: [...this.channels.values()].filter(c => !c.builtin).map(({ name, label, distance, selfService }) => ({ name, label, distance, selfService })),
            steps: this.steps, evidence: this.evidence, flows, blocks: blocks.filter(b => b.branches.length > 0), metrics
        };
    }

    /** The names sheet's lines; a label that is the language's own name of the line is not written. */
    private declaredLines(language: LanguageCode | undefined): ImportedBlueprint['lines'] {
        const defaults = localisation(language ?? 'en').lines;
        return (this.declared?.lines ?? []).map(({ kind, label }) => ({ kind, label: label === '' || label === defaults[kind] ? undefined : label }));
    }

    /** Each custom lane at its place from the map: next to a standard lane or another custom lane; else below the last. */
    private placeCustomLanes(): ImportedBlueprint['customLanes'] {
        const placed: Array<{ name: string; label: string; position: 'above' | 'below'; anchor: string }> = [];
        for (const lane of this.customLanes.values()) {
            const previous = placed.length === 0 ? 'support' : placed[placed.length - 1].name;
            let where: 'above' | 'below' = 'below';
            let anchor = previous;
            if (lane.position) {
                const key = normaliseHeader(lane.position.anchor);
                const found = STANDARD_LANES.find(kind => kind === key) ?? this.customLanes.get(key)?.name;
                if (found) {
                    where = lane.position.where;
                    anchor = found;
                } else {
                    this.problems.push({ severity: 'warning', message: `lane "${lane.label}" is to go ${lane.position.where} "${lane.position.anchor}", which is no lane: placed below ${previous}` });
                }
            }
            placed.push({ name: lane.name, label: lane.label, position: where, anchor });
        }
        return placed;
    }

    /** `Strip the polish → Re-polish`: the corrective sub-process, by label or id. */
    private resolveRemedySteps(): void {
        const find = this.stepFinder();
        const split = (cell: string, separator: RegExp) => cell.split(separator).map(n => n.trim()).filter(n => n !== '');
        for (const { row, remedy, cell } of this.remedySteps) {
            // Our export joins labels with arrows (a label may hold a comma); a hand-written cell may use commas.
            const byArrow = split(cell, /→/u);
            const names = byArrow.every(name => find(name)) ? byArrow : split(cell, /→|->|,|;/u);
            for (const name of names) {
                const id = find(name);
                if (id) remedy.steps.push(id);
                else this.problems.push({ severity: 'warning', row, message: `remedy step "${name}" is neither an id nor a label of another row: left out` });
            }
        }
    }

    private stepFinder(): (name: string) => string | undefined {
        const byId = new Map(this.steps.map(s => [s.id.toLowerCase(), s.id]));
        const byLabel = new Map(this.steps.map(s => [s.label.toLowerCase(), s.id]));
        return name => byId.get(name.toLowerCase()) ?? byLabel.get(name.toLowerCase());
    }

    /**
     * `Wait`, `~> Archive "Filed"`, `Resolve 95 %`, `decision: Ticket 5 %`, one per line (or separated by commas): targets by
     * id or by label, the arrow for other kinds of flow, a share, a label, a loop; a branch of a block says which block.
     */
    private flowsFromNext(blocks: ImportedBlock[]): ImportedFlow[] {
        const find = this.stepFinder();
        const flows: ImportedFlow[] = [];
        for (const { row, from, cell } of this.nextCells) {
            for (const part of cell.split(/\r?\n/).flatMap(line => splitOutsideQuotes(line)).map(p => p.trim()).filter(p => p !== '')) {
                const parsed = parseFlowLine(part);
                if (typeof parsed === 'string') {
                    this.problems.push({ severity: 'error', row, message: `next "${part}": ${parsed}` });
                    continue;
                }
                const target = find(parsed.target);
                const failed = this.failedRows.get(parsed.target.toLowerCase());
                if (!target && failed !== undefined) {
                    this.problems.push({ severity: 'error', row, message: `next step "${parsed.target}" is row ${failed}, which could not be placed (see there)` });
                    continue;
                }
                if (!target) {
                    const suggestion = closest(parsed.target, this.steps.map(s => s.id));
                    this.problems.push({ severity: 'error', row, message: `next step "${parsed.target}" is neither an id nor a label of another row${suggestion ? ` (did you mean "${suggestion}"?)` : ''}` });
                    continue;
                }
                if (!parsed.block) {
                    flows.push({ from, arrow: parsed.arrow, to: target, share: parsed.share, label: parsed.label, loop: parsed.loop });
                    continue;
                }
                const { kind, number } = parsed.block;
                let block = blocks.find(b => b.step === from && b.kind === kind && b.number === number);
                if (!block) {
                    block = { row, step: from, kind, number, branches: [] };
                    blocks.push(block);
                }
                if (kind === 'parallel' && parsed.share) {
                    this.problems.push({ severity: 'error', row, message: `next "${part}": a parallel branch has no share (all of them run); make it a decision branch or leave the share out` });
                } else if (parsed.loop) {
                    this.problems.push({ severity: 'error', row, message: `next "${part}": a branch of a ${kind} does not loop; write the loop as a flow of its own (without ${kind}:)` });
                } else {
                    block.branches.push({ arrow: parsed.arrow, to: target, share: parsed.share, label: parsed.label });
                }
            }
        }
        return flows;
    }

    /** `decision "Resolved on the call?"`, `parallel "…" join Step`: the blocks each step starts. */
    private blocksFromCells(): ImportedBlock[] {
        const find = this.stepFinder();
        const blocks: ImportedBlock[] = [];
        for (const { row, step, decision } of this.structureCells) {
            for (const line of decision.split(/\r?\n/).map(l => l.trim()).filter(l => l !== '')) {
                const parsed = parseBlockLine(line);
                if (typeof parsed === 'string') {
                    this.problems.push({ severity: 'error', row, message: `decision ${parsed}` });
                    continue;
                }
                if (blocks.some(b => b.step === step.id && b.kind === parsed.kind && b.number === parsed.number)) {
                    this.problems.push({ severity: 'error', row, message: `${parsed.kind}${parsed.number > 1 ? ` ${parsed.number}` : ''} is written twice: number the blocks (${parsed.kind} 2 "…") and their branches (${parsed.kind} 2: Target)` });
                    continue;
                }
                let join: string | undefined;
                if (parsed.join !== undefined) {
                    join = find(parsed.join);
                    if (!join) this.problems.push({ severity: 'error', row, message: `the join step "${parsed.join}" is neither an id nor a label of another row` });
                    if (parsed.kind === 'decision') this.problems.push({ severity: 'error', row, message: 'a decision has no join (one branch is taken): join belongs to parallel blocks' });
                }
                blocks.push({ row, step: step.id, kind: parsed.kind, number: parsed.number, label: parsed.label, join, branches: [] });
            }
        }
        return blocks;
    }

    /** `start`, `end`, `independent`. */
    private readMarkers(): void {
        for (const { row, step, markers } of this.structureCells) {
            if (markers === '') continue;
            const parsed = parseMarkers(markers);
            if (typeof parsed === 'string') {
                this.problems.push({ severity: 'error', row, message: `markers: ${parsed}` });
                continue;
            }
            step.start = parsed.includes('start');
            step.end = parsed.includes('end');
            step.independent = parsed.includes('independent');
        }
    }

    /** Metrics by name: the rows they are written on are the steps they are measured on. */
    private metricsFromCells(): ImportedMetric[] {
        const wholeProcess = SUPPORTED_LANGUAGES.map(code => localisation(code).serviceReport.wholeProcess);
        const metrics = new Map<string, ImportedMetric>();
        for (const { row, step, metrics: cell } of this.structureCells) {
            for (const line of cell.split(/\r?\n/).map(l => l.trim()).filter(l => l !== '')) {
                const parsed = parseMetricLine(line, wholeProcess);
                if (typeof parsed === 'string') {
                    this.problems.push({ severity: 'error', row, message: `metric ${parsed}` });
                    continue;
                }
                let metric = metrics.get(parsed.name.toLowerCase());
                if (!metric) {
                    metric = { row, name: parsed.name, label: parsed.label, target: parsed.target, steps: [] };
                    metrics.set(parsed.name.toLowerCase(), metric);
                } else if ((parsed.label !== undefined && parsed.label !== metric.label) || (parsed.target !== undefined && parsed.target !== metric.target)) {
                    this.problems.push({ severity: 'warning', row, message: `metric ${parsed.name} is written differently on row ${metric.row}: that one's label and target are used` });
                }
                if (!parsed.wholeProcess && !metric.steps.includes(step.id)) metric.steps.push(step.id);
            }
        }
        return [...metrics.values()];
    }

    /** One chain: stage by stage, each stage's customer steps first, then the lanes below, in row order. */
    private flowsInReadingOrder(): ImportedBlueprint['flows'] {
        const stageOrder = new Map([...this.stages.values()].map((s, i) => [s.name, i]));
        const rank = (step: ImportedStep) => step.custom ? STEP_LANES.length : STEP_LANES.indexOf(step.lane as StandardLaneKind);
        const order = (step: ImportedStep) => step.stage === undefined ? stageOrder.size : stageOrder.get(step.stage)!;
        const ordered = [...this.steps].sort((a, b) => order(a) - order(b) || rank(a) - rank(b) || a.row - b.row);
        if (ordered.length > 0 && !this.plan.columns.has('markers')) {
            ordered[0].start = true;
            ordered[ordered.length - 1].end = true;
        }
        return ordered.slice(1).map((step, index) => ({ from: ordered[index].id, arrow: '->', to: step.id }));
    }
}

/** A cell's parts separated by commas or semicolons, not those inside a quoted label. */
function splitOutsideQuotes(line: string): string[] {
    const parts: string[] = [];
    let current = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
        const char = line[i];
        if (quoted && char === '\\') {
            current += char + (line[i + 1] ?? '');
            i++;
            continue;
        }
        if (char === '"') quoted = !quoted;
        if (!quoted && (char === ',' || char === ';')) {
            parts.push(current);
            current = '';
        } else {
            current += char;
        }
    }
    parts.push(current);
    return parts;
}

function majority(counts: ReadonlyMap<LanguageCode, number>): LanguageCode | undefined {
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Hangul is Korean, kana Japanese, Han alone Chinese; Latin says nothing. */
function scriptLanguage(text: string): LanguageCode | undefined {
    if (/[\uac00-\ud7af]/u.test(text)) return 'ko';
    if (/[\u3040-\u30ff]/u.test(text)) return 'ja';
    if (/[\u4e00-\u9fff]/u.test(text)) return 'zh';
    return undefined;
}
