/**
 * Which column holds what: headers matched leniently (case, spaces and punctuation ignored) against
 * the headers our own workbook writes in every language, common spreadsheet words ("Swimlane",
 * "Phase", "Description") and sticky-note board exports (Miro's and Mural's "Content", "Text",
 * "Frame", "Tags"); a map file names the rest.
 */
import { localisation, SUPPORTED_LANGUAGES, type LanguageCode } from '@blueprint/model';

export const FIELDS = [
    'id', 'label', 'lane', 'stage', 'actor', 'channel', 'evidence', 'fail', 'failureRate', 'prevention', 'preventionPokaYoke', 'preventionSteps',
    'recovery', 'recoveryPokaYoke', 'recoverySteps',
    'duration', 'durationTolerance', 'wait', 'waitTolerance', 'moment', 'emotion', 'notes', 'policies', 'next', 'decision', 'markers', 'metrics', 'segments'
] as const;
export type Field = (typeof FIELDS)[number];

/** How bare numbers in a time column are read. */
export type TimeUnit = 'min' | 's' | 'h';

export interface ColumnPlan {
    readonly columns: ReadonlyMap<Field, { readonly index: number; readonly header: string; readonly unit: TimeUnit }>;
    /** Headers that hold nothing the import uses. */
    readonly unused: readonly string[];
    /** Fields given by two columns: the first is used. */
    readonly duplicates: ReadonlyArray<{ readonly field: Field; readonly header: string; readonly used: string }>;
    /** The language of our own headers, when the header row is one. */
    readonly language?: LanguageCode;
}

const SYNONYMS: Readonly<Record<Field, readonly string[]>> = {
    id: ['id', 'key', 'ref', 'reference', 'identifier', 'code', 'name id', 'step id', 'item id'],
    label: ['label', 'step', 'step name', 'name', 'title', 'description', 'text', 'content', 'action', 'activity', 'task', 'item',
        'sticky', 'sticky note', 'sticky note text', 'note text', 'card', 'what', '描述', '内容', '名称', '説明', '内容', '名前', '설명', '내용', '이름'],
    lane: ['lane', 'swimlane', 'swim lane', 'row', 'layer', 'category', 'type', 'group', 'tag', 'tags', 'lane name', 'blueprint lane',
        '泳道', 'レーン', 'スイムレーン', '레인', '스윔레인'],
    stage: ['stage', 'phase', 'column', 'frame', 'section', 'journey stage', 'journey phase', 'period', 'step group',
        '阶段', '段階', 'フェーズ', 'ステージ', '국면', '단계명', '스테이지'],
    actor: ['actor', 'role', 'who', 'owner', 'performer', 'responsible', 'by', 'person', 'system', 'author role', '角色', '执行者', '担当', '役割', '담당', '역할', '수행자'],
    channel: ['channel', 'via', 'medium', 'touchpoint channel', '渠道', 'チャネル', '채널'],
    evidence: ['evidence', 'physical evidence', 'props', 'artifact', 'artefact', 'artifacts', 'artefacts', '有形展示', '物的証拠', '물리적 증거'],
    fail: ['fail', 'fail point', 'fail points', 'failpoint', 'failure', 'failure point', 'risk', 'pain point', 'pain points', 'issue', 'problem'],
    failureRate: ['failure rate', 'fail rate', 'error rate'],
    prevention: ['prevention', 'poka yoke', 'pokayoke', 'mitigation'],
    preventionPokaYoke: ['prevention poka yoke', 'poka yoke type'],
    preventionSteps: ['prevention steps', 'prevented by'],
    recovery: ['recovery', 'remedy', 'fix', 'service recovery'],
    recoveryPokaYoke: ['recovery poka yoke'],
    recoverySteps: ['recovery steps', 'recovered by', 'corrective steps'],
    duration: ['duration', 'time', 'minutes', 'mins', 'min', 'duration min', 'execution time', '时长', '时间', '所要時間', '時間', '소요 시간', '시간'],
    durationTolerance: ['tolerance', 'duration tolerance'],
    wait: ['wait', 'waiting', 'wait time', 'waiting time', 'queue time'],
    waitTolerance: ['wait tolerance'],
    moment: ['moment', 'moment of truth', 'mot'],
    emotion: ['emotion', 'feeling', 'mood', 'sentiment'],
    notes: ['note', 'notes', 'comment', 'comments', 'remark', 'remarks'],
    policies: ['policy', 'policies', 'regulation', 'regulations', 'rule', 'rules'],
    segments: ['segment', 'segments', 'customer segment', 'for', 'tier', 'variant'],
    decision: ['decision', 'decisions', 'branch', 'branching', 'gateway'],
    markers: ['marker', 'markers', 'start end', 'start / end', 'boundary'],
    metrics: ['metric', 'metrics', 'kpi', 'kpis', 'service standard', 'service standards', 'standard', 'standards'],
    next: ['next', 'next step', 'next steps', 'flow', 'flows', 'flow to', 'to', 'then', 'successor', 'successors', 'leads to', 'goes to', 'connects to']
};

/** Our own workbook's headers for each field, by language. */
function ownHeaders(code: LanguageCode): ReadonlyArray<readonly [Field, string]> {
    const { serviceReport: s, workbook: w } = localisation(code);
    return [
        ['id', w.id], ['label', s.step], ['lane', s.lane], ['stage', s.stage], ['actor', w.actor], ['channel', s.channel],
        ['evidence', s.evidence], ['fail', w.failPoint], ['failureRate', s.failureRate], ['prevention', w.prevention],
        ['preventionPokaYoke', w.preventionPokaYoke], ['preventionSteps', w.preventionSteps], ['recovery', w.recovery],
        ['recoveryPokaYoke', w.recoveryPokaYoke], ['recoverySteps', w.recoverySteps],
        ['duration', w.duration], ['durationTolerance', w.durationTolerance], ['wait', w.wait], ['waitTolerance', w.waitTolerance],
        ['moment', s.momentOfTruth], ['emotion', w.emotion], ['notes', w.notes], ['policies', w.policies], ['next', w.next], ['decision', w.decision], ['markers', w.markers], ['metrics', w.metrics], ['segments', s.segment]
    ];
}

/** Lowercase, width-folded, without spaces, punctuation or a unit in brackets: `Swim-lane (min)` → `swimlane`. */
export function normaliseHeader(header: string): string {
    return header.normalize('NFKC').toLowerCase().replace(/\((?:[^)]*)\)\s*$/u, '').replace(/[\s_\-.:#/\\'"’()[\]]+/gu, '');
}

export function timeUnitOf(header: string): TimeUnit {
    const unit = /\(([^)]*)\)\s*$/u.exec(header.normalize('NFKC'))?.[1]?.trim().toLowerCase();
    if (unit && /^(s|sec|secs|seconds?|秒|초)$/u.test(unit)) return 's';
    if (unit && /^(h|hrs?|hours?|小时|時間|시간)$/u.test(unit)) return 'h';
    return 'min';
}

interface Vocabulary {
    readonly exact: ReadonlyMap<string, { field: Field; language?: LanguageCode }>;
}

let vocabulary: Vocabulary | undefined;

function vocabularyOf(): Vocabulary {
    if (vocabulary) return vocabulary;
    const exact = new Map<string, { field: Field; language?: LanguageCode }>();
    // Our own headers first; a header spelt as in English ("ID") says nothing about the language.
    const english = new Set(ownHeaders('en').map(([, header]) => normaliseHeader(header)));
    for (const code of SUPPORTED_LANGUAGES) {
        for (const [field, header] of ownHeaders(code)) {
            const key = normaliseHeader(header);
            if (!exact.has(key)) exact.set(key, { field, language: code === 'en' || english.has(key) ? undefined : code });
        }
    }
    for (const field of FIELDS) for (const word of SYNONYMS[field]) {
        const key = normaliseHeader(word);
        if (!exact.has(key)) exact.set(key, { field });
    }
    vocabulary = { exact };
    return vocabulary;
}

/** The plan for a header row; `mapped` (from --map) wins over the built-in words. */
export function planColumns(headers: readonly string[], mapped: ReadonlyMap<string, Field>): ColumnPlan {
    const { exact } = vocabularyOf();
    const columns = new Map<Field, { index: number; header: string; unit: TimeUnit }>();
    const unused: string[] = [];
    const duplicates: Array<{ field: Field; header: string; used: string }> = [];
    const languages = new Map<LanguageCode, number>();
    headers.forEach((raw, index) => {
        const header = raw.replace(/^\ufeff/, '').trim();
        if (header === '') return;
        const key = normaliseHeader(header);
        const field = mapped.get(key) ?? exact.get(key)?.field;
        const language = mapped.has(key) ? undefined : exact.get(key)?.language;
        if (!field) {
            unused.push(header);
            return;
        }
        if (language) languages.set(language, (languages.get(language) ?? 0) + 1);
        const existing = columns.get(field);
        if (existing) {
            duplicates.push({ field, header, used: existing.header });
            return;
        }
        columns.set(field, { index, header, unit: timeUnitOf(header) });
    });
    const language = [...languages.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    return { columns, unused, duplicates, language };
}
