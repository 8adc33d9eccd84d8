/**
 * The small syntax of the steps sheet's structure cells, written by the export and read back by the
 * import: one outgoing flow per line in the Next cell (`ReadOut 40 % "Self-service"`, `~> Record`,
 * `Answer "Follow-up question" loop 10 %`, prefixed `decision:` or `parallel:` when it is a branch of
 * a block), the blocks a step starts in the Decision cell (`decision "Resolved on the call?"`,
 * `parallel "…" join ReceiveAnswer`), the markers (`start`, `end`, `independent`) and the metrics
 * measured on the step (`ServiceLevel "Calls answered" target >= 85 % within 15 s`). Each is the
 * Blueprint language's own notation for that piece, so a consultant who knows one knows the other.
 * Parsing is strict: what the import writes back is rebuilt from the parts, never copied through.
 */
import type { FlowKind, ModelFlow, ModelMetric } from '@blueprint/model';

export const FLOW_ARROWS: Readonly<Record<FlowKind, string>> = { sequence: '->', 'two-way': '<->', 'hand-off': '~>', escalation: '=>' };
export const MARKERS = ['start', 'end', 'independent'] as const;
export type Marker = (typeof MARKERS)[number];
export type BlockKind = 'decision' | 'parallel';

/** A Blueprint string literal: quotes and backslashes escaped, line breaks written as `\n`. */
export function blueprintString(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

const STRING = String.raw`"(?:[^"\\]|\\.)*"`;
const NUMBER = String.raw`\d+(?:\.\d+)?`;
// The ID terminal of the grammar (blueprint.langium).
const LETTER = '_a-zA-Z\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF\\u3040-\\u30FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uAC00-\\uD7AF';
const ID = `[0-9]*[${LETTER}][0-9${LETTER}]*`;

function unquote(literal: string): string {
    return literal.slice(1, -1).replace(/\\(.)/gu, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[c] ?? c);
}

function number(value: number): string {
    return String(Math.round(value * 1e6) / 1e6);
}

// ── Writing ────────────────────────────────────────────────────────────────────────────────────

/** `decision: ~> Ticket 5 % "Beyond the agent's authority"`; a sequence flow has no arrow (a cell must not start with `-`). */
export function flowLine(flow: ModelFlow, block?: { kind: BlockKind; number?: number }): string {
    const prefix = block ? `${block.kind}${block.number ? ` ${block.number}` : ''}: ` : '';
    const arrow = flow.kind === 'sequence' ? '' : `${FLOW_ARROWS[flow.kind]} `;
    const share = flow.share ? ` ${number(flow.share.value)}${flow.share.unit === '%' ? ' %' : ''}` : '';
    const label = flow.label !== undefined ? ` ${blueprintString(flow.label)}` : '';
    const repeat = !flow.repeat ? '' : 'times' in flow.repeat ? ` ${number(flow.repeat.times)} times` : ` ${number(flow.repeat.probability * 100)} %`;
    return `${prefix}${arrow}${flow.to}${share}${label}${flow.loop ? ` loop${repeat}` : ''}`;
}

export function blockLine(kind: BlockKind, blockNumber: number | undefined, label: string | undefined, join: string | undefined): string {
    return `${kind}${blockNumber ? ` ${blockNumber}` : ''}${label !== undefined ? ` ${blueprintString(label)}` : ''}${join ? ` join ${join}` : ''}`;
}

/** `ServiceLevel "Calls answered within 15 seconds" target >= 85 % within 15 s`, `wholeProcess: ` in front when it is on no step. */
export function metricLine(metric: ModelMetric, wholeProcess?: string): string {
    const t = metric.target;
    const unit = t?.unit === undefined ? '' : t.unit === '%' ? ' %' : ` ${t.unit}`;
    const within = t?.within ? ` within ${number(t.within.value)}${t.within.unit ? ` ${t.within.unit}` : ''}` : '';
    const target = t ? ` target ${t.comparator ? `${t.comparator} ` : ''}${number(t.value)}${unit}${within}` : '';
    return `${wholeProcess ? `${wholeProcess}: ` : ''}${metric.id}${metric.label !== metric.id ? ` ${blueprintString(metric.label)}` : ''}${target}`;
}

// ── Reading ────────────────────────────────────────────────────────────────────────────────────

export interface FlowCell {
    readonly block?: { readonly kind: BlockKind; readonly number: number };
    readonly arrow: string;
    /** An id or a label of another row. */
    readonly target: string;
    /** As Blueprint writes it: `95 %` or a weight `3`. */
    readonly share?: string;
    readonly label?: string;
    /** `loop`, `loop 10 %`, `loop 2 times`. */
    readonly loop?: string;
}

const BLOCK_PREFIX = /^(decision|parallel)(?:\s+(\d+))?\s*[:：]\s*/u;
const ARROW = /^(<->|->|~>|=>)\s*/u;
const LOOP = new RegExp(String.raw`\s+loop(?:\s+(${NUMBER})\s*(%|times))?$`, 'u');
const SHARE = new RegExp(String.raw`\s+(${NUMBER})\s*(%)?$`, 'u');

/** One line of a Next cell; a string says what is wrong with it. */
export function parseFlowLine(line: string): FlowCell | string {
    let rest = line.normalize('NFKC').trim();
    const prefix = BLOCK_PREFIX.exec(rest);
    rest = rest.slice(prefix?.[0].length ?? 0);
    const arrow = ARROW.exec(rest);
    rest = rest.slice(arrow?.[0].length ?? 0);
    let loop: string | undefined;
    const loopMatch = LOOP.exec(rest);
    if (loopMatch) {
        loop = loopMatch[1] ? `loop ${loopMatch[1]} ${loopMatch[2]}` : 'loop';
        rest = rest.slice(0, loopMatch.index);
    } else if (/\sloop\b/u.test(rest) && !/"/u.test(rest.slice(rest.search(/\sloop\b/u)))) {
        return `"${rest.slice(rest.search(/\sloop\b/u)).trim()}" is not a repeat: write loop, loop 10 % or loop 2 times`;
    }
    let label: string | undefined;
    const labelMatch = new RegExp(String.raw`\s*(${STRING})$`, 'u').exec(rest);
    if (labelMatch) {
        label = unquote(labelMatch[1]);
        rest = rest.slice(0, labelMatch.index);
    } else if (rest.includes('"')) {
        return 'a flow\'s label is one quoted text after the target and its share: Resolve 95 % "Within the agent\'s authority"';
    }
    let share: string | undefined;
    const shareMatch = SHARE.exec(rest);
    if (shareMatch) {
        share = `${number(Number(shareMatch[1]))}${shareMatch[2] ? ' %' : ''}`;
        if (shareMatch[2] && Number(shareMatch[1]) > 100) return `share "${shareMatch[0].trim()}" is more than 100 %`;
        rest = rest.slice(0, shareMatch.index);
    } else if (/[%％]\s*$/u.test(rest)) {
        return `"${rest}" does not end in a share: write the target and then a number, e.g. Resolve 95 % (or a weight: Resolve 19)`;
    }
    const target = rest.trim();
    if (target === '') return 'no target step: write its id or its label';
    return {
        block: prefix ? { kind: prefix[1] as BlockKind, number: prefix[2] ? Number(prefix[2]) : 1 } : undefined,
        arrow: arrow?.[1] ?? '->', target, share, label, loop
    };
}

export interface BlockCell {
    readonly kind: BlockKind;
    readonly number: number;
    readonly label?: string;
    readonly join?: string;
}

const BLOCK = new RegExp(String.raw`^(decision|parallel)(?:\s+(\d+))?(?:\s+(${STRING}))?(?:\s+join\s+(.+))?$`, 'u');

export function parseBlockLine(line: string): BlockCell | string {
    const match = BLOCK.exec(line.normalize('NFKC').trim());
    if (!match) return `"${line.trim()}" is not a block: write decision "Question?" or parallel "What runs at once" join Step`;
    return { kind: match[1] as BlockKind, number: match[2] ? Number(match[2]) : 1, label: match[3] ? unquote(match[3]) : undefined, join: match[4]?.trim() };
}

export interface MetricCell {
    /** True when the metric is on the whole process, not on this row's step. */
    readonly wholeProcess: boolean;
    readonly name: string;
    readonly label?: string;
    /** The target as Blueprint writes it: `>= 85 % within 15 s`. */
    readonly target?: string;
}

const METRIC = new RegExp(String.raw`^(${ID})(?:\s+(${STRING}))?(?:\s+target\s+((?:>=|<=|>|<|=)\s*)?(${NUMBER})(?:\s*(%|${ID}))?(?:\s+within\s+(${NUMBER})(?:\s*(${ID}))?)?)?$`, 'u');

/** A metric line; `wholeProcess` are the words (in every language) that say it is on no one step. */
export function parseMetricLine(line: string, wholeProcess: readonly string[]): MetricCell | string {
    let rest = line.normalize('NFKC').trim();
    const whole = wholeProcess.find(words => rest.toLowerCase().startsWith(`${words.toLowerCase()}:`));
    if (whole) rest = rest.slice(whole.length + 1).trim();
    const match = METRIC.exec(rest);
    if (!match) return `"${line.trim()}" is not a metric: write Name "What is measured" target >= 85 % (within 15 s)`;
    const [, name, label, comparator, value, unit, withinValue, withinUnit] = match;
    const target = value === undefined ? undefined
        : `${comparator ? `${comparator.trim()} ` : ''}${value}${unit ? ` ${unit}` : ''}${withinValue ? ` within ${withinValue}${withinUnit ? ` ${withinUnit}` : ''}` : ''}`;
    return { wholeProcess: whole !== undefined, name, label: label ? unquote(label) : undefined, target };
}

/** `start, end` or one per line; a string names a word that is no marker. */
export function parseMarkers(cell: string): Marker[] | string {
    const words = cell.normalize('NFKC').toLowerCase().split(/[\s,;]+/u).filter(w => w !== '');
    const unknown = words.find(w => !(MARKERS as readonly string[]).includes(w));
    if (unknown !== undefined) return `"${unknown}" is not a marker: write start, end or independent`;
    return [...new Set(words)] as Marker[];
}
