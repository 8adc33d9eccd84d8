/**
 * Reading what a cell says: a lane in any language or common spelling, a time (`30 s`, `2 min`,
 * a bare number in the column's unit), a yes/no, a feeling.
 */
import { localisation, SUPPORTED_LANGUAGES, STANDARD_LANES, type Feeling, type LanguageCode, type StandardLaneKind } from '@blueprint/model';
import { normaliseHeader, type TimeUnit } from './columns.js';

const LANE_SYNONYMS: Readonly<Record<StandardLaneKind, readonly string[]>> = {
    evidence: ['evidence', 'physical evidence', 'props', 'artifacts', 'artefacts', 'touchpoint evidence'],
    customer: ['customer', 'customer action', 'customer actions', 'customer journey', 'user', 'user actions', 'guest', 'client', 'customers'],
    frontstage: ['frontstage', 'front stage', 'frontstage action', 'frontstage actions', 'onstage', 'on stage', 'onstage actions',
        'onstage contact employee actions', 'front office', 'front of house', 'contact employee actions'],
    backstage: ['backstage', 'back stage', 'backstage action', 'backstage actions', 'backstage contact employee actions',
        'behind the scenes', 'back office', 'invisible contact employee actions'],
    support: ['support', 'support process', 'support processes', 'support systems', 'systems', 'internal support']
};

export interface LaneMatch {
    readonly kind: StandardLaneKind;
    /** The language whose lane name it is, if not English. */
    readonly language?: LanguageCode;
    /** The value had a qualifier in brackets (`顾客行为（到网点办理）`): a relabelled standard lane. */
    readonly relabelled: boolean;
}

let laneNames: Map<string, { kind: StandardLaneKind; language?: LanguageCode }> | undefined;

function laneVocabulary(): Map<string, { kind: StandardLaneKind; language?: LanguageCode }> {
    if (laneNames) return laneNames;
    laneNames = new Map();
    for (const kind of STANDARD_LANES) {
        laneNames.set(normaliseHeader(kind), { kind });
        for (const word of LANE_SYNONYMS[kind]) laneNames.set(normaliseHeader(word), { kind });
    }
    for (const code of SUPPORTED_LANGUAGES) {
        for (const kind of STANDARD_LANES) {
            const key = normaliseHeader(localisation(code).lanes[kind]);
            if (!laneNames.has(key)) laneNames.set(key, { kind, language: code === 'en' ? undefined : code });
        }
    }
    return laneNames;
}

export function matchLane(value: string): LaneMatch | undefined {
    const found = laneVocabulary().get(normaliseHeader(value));
    if (!found) return undefined;
    return { ...found, relabelled: /\([^)]*\)\s*$/u.test(value.normalize('NFKC')) };
}

/** Every lane name the import knows, for "did you mean". */
export function knownLaneNames(language: LanguageCode): string[] {
    return [...STANDARD_LANES.map(kind => localisation(language).lanes[kind]), ...STANDARD_LANES];
}

const SECONDS: Readonly<Record<string, number>> = {
    s: 1, sec: 1, secs: 1, second: 1, seconds: 1, 秒: 1, 초: 1,
    min: 60, mins: 60, minute: 60, minutes: 60, m: 60, 分: 60, 分钟: 60, 분: 60,
    h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600, 小时: 3600, 時間: 3600, 시간: 3600,
    d: 86400, day: 86400, days: 86400, 天: 86400, 日: 86400, 일: 86400,
    wk: 604800, week: 604800, weeks: 604800, 周: 604800, 週: 604800, 週間: 604800, 주: 604800
};
const CANONICAL: Readonly<Record<number, string>> = { 1: 's', 60: 'min', 3600: 'h', 86400: 'd', 604800: 'weeks' };

/** A time as Blueprint writes it (`30 s`, `2 min`); undefined when the cell is not a time. */
export function parseTime(cell: string, unit: TimeUnit): string | undefined {
    const text = cell.normalize('NFKC').trim().toLowerCase().replace(',', '.');
    if (/^\d+(\.\d+)?$/.test(text)) {
        const value = Number(text);
        return unit === 'min' ? minutesText(value, text.split('.')[1]?.length ?? 0) : `${trimNumber(value)} ${unit}`;
    }
    const parts = [...text.matchAll(/(\d+(?:\.\d+)?)\s*([a-z\u3040-\u9fff\uac00-\ud7af]+)/gu)];
    if (parts.length === 0 || parts.map(p => p[0]).join('').replace(/\s/g, '') !== text.replace(/\s/g, '')) return undefined;
    if (parts.some(p => SECONDS[p[2]] === undefined)) return undefined;
    if (parts.length === 1) {
        const value = Number(parts[0][1]);
        return `${trimNumber(value)} ${value === 1 && SECONDS[parts[0][2]] === 604800 ? 'week' : CANONICAL[SECONDS[parts[0][2]]]}`;
    }
    const seconds = parts.reduce((sum, p) => sum + Number(p[1]) * SECONDS[p[2]], 0);
    return seconds % 60 === 0 ? `${trimNumber(seconds / 60)} min` : `${trimNumber(seconds)} s`;
}

/**
 * A number of minutes (our workbook's time columns, so that a spreadsheet can add them up) in the
 * largest unit it is a whole number of: 0.5 → `30 s`, 480 → `8 h`, 10080 → `1 week`, as a blueprint
 * usually writes it. The sheet does not say which unit the blueprint wrote: `60 min` comes back as
 * `1 h`, the same time.
 */
export function minutesText(minutes: number, decimals = String(minutes).split('.')[1]?.length ?? 0): string {
    const raw = minutes * 60;
    // Our workbook writes whole seconds to two decimals of a minute (0.33 min is the 20 s it was
    // written from) and a fraction of a second to six (0.008333 min is 500 ms).
    if (raw === 0) return '0 min';
    const seconds = decimals <= 2 ? Math.max(1, Math.round(raw)) : Math.round(raw * 1000) / 1000;
    if (seconds > 0 && seconds < 1) return `${trimNumber(seconds * 1000)} ms`;
    if (!Number.isInteger(seconds)) return `${trimNumber(seconds)} s`;
    for (const [size, one, many] of TIME_UNITS) {
        if (seconds >= size && seconds % size === 0) return `${seconds / size} ${seconds === size ? one : many}`;
    }
    return `${seconds} s`;
}

const TIME_UNITS: ReadonlyArray<readonly [number, string, string]> = [
    [604800, 'week', 'weeks'], [86400, 'd', 'd'], [3600, 'h', 'h'], [60, 'min', 'min'], [1, 's', 's']
];

function trimNumber(value: number): string {
    return String(Math.round(value * 1000) / 1000);
}

/** A cell our own export wrote with the escaper's apostrophe in front of a formula character. */
const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r])/;

/** A cell's text as the blueprint had it: without the apostrophe the export put before a formula character, trimmed. */
export function unescapedCell(raw: string): string {
    return raw.replace(ESCAPED_FORMULA, '').trim();
}

const YES = new Set(['yes', 'y', 'true', 'x', '1', '✓', '✔', '★', '*', '是', '有', 'はい', '○', '예', '네']);
const NO = new Set(['no', 'n', 'false', '0', '-', '—', '否', '无', 'いいえ', '아니요', '아니오']);

export function yesNo(cell: string): boolean | undefined {
    const text = cell.trim().toLowerCase();
    const words = new Set(SUPPORTED_LANGUAGES.flatMap(code => [localisation(code).serviceReport.yes.toLowerCase()]));
    if (YES.has(text) || words.has(text)) return true;
    const noWords = new Set(SUPPORTED_LANGUAGES.map(code => localisation(code).serviceReport.no.toLowerCase()));
    if (NO.has(text) || noWords.has(text)) return false;
    return undefined;
}

const FEELINGS: readonly Feeling[] = ['delighted', 'positive', 'neutral', 'negative', 'frustrated'];

/** `negative: Bored, checks the time` → the feeling and its note. */
export function parseEmotion(cell: string): { feeling: Feeling; note?: string } | undefined {
    const match = /^\s*([a-z]+)\s*(?:[:：-]\s*(.*))?$/isu.exec(cell);
    const feeling = match?.[1].toLowerCase() as Feeling | undefined;
    if (!match || !feeling || !FEELINGS.includes(feeling)) return undefined;
    const note = match[2]?.trim();
    return { feeling, note: note || undefined };
}

/** Edit distance, for "did you mean". */
export function distance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let previous = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const current = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
            previous = current;
        }
    }
    return row[b.length];
}

/** The closest candidate, when close enough to be a typo. */
export function closest(value: string, candidates: readonly string[]): string | undefined {
    const key = value.toLowerCase();
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const d = distance(key, candidate.toLowerCase());
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}
