/**
 * What the layouts of one document share from one version to the next, so that a label edit
 * rebuilds one box instead of all of them: each box keyed by exactly what it is computed from (the
 * step as the model has it, the names and numbers it shows), and the metric notes by their texts.
 * A layout of the same document with the same cache gives what a layout without it gives, only
 * faster; entries of boxes that are gone are dropped with each build, and the whole cache goes
 * with the document (the language server keeps one per open diagram).
 *
 * Unchanged boxes come back as the same objects, and so do the laid-out steps and annotation
 * entries made from them (layout.ts, annotations.ts): the patch of a layout against the one before
 * (record-patch in @blueprint/protocol) then skips them by identity.
 */
import { sameData } from '@blueprint/model';
import type { DiagramBox } from './diagram-input.js';
import type { LaidOutFootnote, LaidOutStep } from './geometry.js';

export interface LayoutCache {
    /** Drops everything (a caller may also just let the cache go). */
    clear(): void;
}

/**
 * Entries by id, each with the key it was computed from: any JSON-like value, compared in place
 * (a step of 1,000 serialised on every edit would cost more than the boxes it saves). `begin`
 * starts a build; what the build does not look up is gone after `end`.
 */
export class KeyedEntries<T> {
    private readonly entries = new Map<string, { key: unknown; value: T; build: number }>();
    private build = 0;
    private touched = 0;

    begin(): void {
        this.build++;
        this.touched = 0;
    }

    /** The entry of `id` when it was computed from an equal `key`, else the one `compute` makes now. */
    get(id: string, key: unknown, compute: () => T): T {
        const known = this.entries.get(id);
        if (known && known.build !== this.build) {
            this.touched++;
            known.build = this.build;
            if (sameData(known.key, key, 'value')) return known.value;
            known.key = key;
            known.value = compute();
            return known.value;
        }
        // New, or a second entry of the same id in one build (a broken file): the last one is kept.
        if (!known) this.touched++;
        const value = compute();
        this.entries.set(id, { key, value, build: this.build });
        return value;
    }

    end(): void {
        if (this.entries.size === this.touched) return;
        for (const [id, entry] of this.entries) {
            if (entry.build !== this.build) this.entries.delete(id);
        }
    }

    clear(): void {
        this.entries.clear();
    }

    get size(): number {
        return this.entries.size;
    }
}

/**
 * The laid-out steps of the last layout, with the box each was made from: a box placed where it
 * was is that step again (the same object), so the patch of the layout skips it by identity.
 */
export class PlacedSteps {
    private current = new Map<string, { readonly box: DiagramBox; readonly step: LaidOutStep }>();
    private next = new Map<string, { readonly box: DiagramBox; readonly step: LaidOutStep }>();

    begin(): void {
        this.next = new Map();
    }

    /** `box` placed at (x, y). */
    place(box: DiagramBox, x: number, y: number): LaidOutStep {
        const earlier = this.current.get(box.id);
        const step = earlier !== undefined && earlier.box === box && earlier.step.x === x && earlier.step.y === y ? earlier.step : placedAt(box, x, y);
        this.next.set(box.id, { box, step });
        return step;
    }

    end(): void {
        this.current = this.next;
        this.next = new Map();
    }

    clear(): void {
        this.current = new Map();
        this.next = new Map();
    }
}

type MutableStep = { -readonly [K in keyof LaidOutStep]: LaidOutStep[K] };

/**
 * Each box as a laid-out step at (0, 0), made once: a copy of it is one allocation of the final
 * shape, where copying the box's 23 fields one by one grew the new object's property store step
 * by step (~850 bytes of garbage per step placed, a 1,000-step label edit moves most of them).
 */
const stepTemplates = new WeakMap<DiagramBox, MutableStep>();

/**
 * `{ ...box, x, y }`: the box's fields, then x and y, in that order (the JSON of a layout depends
 * on it), copied from the box's template (the spread of a fixed shape copies it whole; the spread
 * of the box with x and y added after it is the slowest way).
 */
export function placedAt(box: DiagramBox, x: number, y: number): LaidOutStep {
    let template = stepTemplates.get(box);
    if (template === undefined) {
        template = Object.assign({}, box) as MutableStep;
        template.x = 0;
        template.y = 0;
        stepTemplates.set(box, template);
    }
    const step = { ...template };
    step.x = x;
    step.y = y;
    return step;
}

export class DocumentLayoutCache implements LayoutCache {
    /**
     * What every entry also depends on: the box metrics and the blueprint's language (its strings).
     * Entries made under another context are dropped.
     */
    private context?: string;
    readonly steps = new KeyedEntries<DiagramBox>();
    readonly evidence = new KeyedEntries<DiagramBox>();
    /** The metric notes (by position), keyed by their texts and the language. */
    readonly metricNotes = new KeyedEntries<MetricNote>();
    readonly placedSteps = new PlacedSteps();

    /** Starts a build under `context`, dropping entries made under another one. */
    enter(context: string): void {
        if (context !== this.context) this.clear();
        this.context = context;
    }

    clear(): void {
        this.context = undefined;
        this.steps.clear();
        this.evidence.clear();
        this.metricNotes.clear();
        this.placedSteps.clear();
    }
}

/** A metric's note before placement (annotations.ts). */
export type MetricNote = Pick<LaidOutFootnote, 'ref' | 'kind' | 'step'> & { readonly heading: string; readonly body: readonly string[] };

export function createLayoutCache(): LayoutCache {
    return new DocumentLayoutCache();
}

/** The implementation behind a cache handed in through the options (only this module makes them). */
export function documentCache(cache: LayoutCache | undefined): DocumentLayoutCache | undefined {
    return cache instanceof DocumentLayoutCache ? cache : undefined;
}
