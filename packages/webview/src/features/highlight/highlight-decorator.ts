/**
 * Draws the highlight: steps and flows of the chosen set get `bp-highlighted`, the others
 * `bp-dimmed`. Bound for the main view only, so exports (rendered in the hidden view) never carry
 * a temporary highlight.
 */
import type { DiagramHighlights } from '@blueprint/protocol';
import { inject, injectable } from 'inversify';
import type { VNode } from 'snabbdom';
import { setClass, type IVNodePostprocessor, type SModelElementImpl } from 'sprotty';
import { elementId } from '../../graph-builder.js';
import { BlueprintGraph, FlowEdge, StepNode } from '../../model.js';
import type { HighlightMode } from '@blueprint/protocol';
import { HighlightState } from './highlight-state.js';

interface HighlightSets {
    readonly steps: ReadonlySet<string>;
    readonly flows: ReadonlySet<string>;
}

@injectable()
export class HighlightDecorator implements IVNodePostprocessor {
    @inject(HighlightState) protected readonly state!: HighlightState;

    private cache = new WeakMap<DiagramHighlights, Map<HighlightMode, HighlightSets>>();

    decorate(vnode: VNode, element: SModelElementImpl): VNode {
        const mode = this.state.mode;
        if (mode === 'none' || !(element instanceof StepNode || element instanceof FlowEdge)) {
            return vnode;
        }
        const root = element.root;
        const highlights = root instanceof BlueprintGraph ? root.highlights : undefined;
        if (!highlights) {
            return vnode;
        }
        const sets = this.sets(highlights, mode);
        const on = element instanceof StepNode ? sets.steps.has(element.id) : sets.flows.has(element.id);
        setClass(vnode, 'bp-highlighted', on);
        setClass(vnode, 'bp-dimmed', !on);
        return vnode;
    }

    postUpdate(): void {
        document.body.dataset.highlight = this.state.mode;
    }

    private sets(highlights: DiagramHighlights, mode: HighlightMode): HighlightSets {
        let byMode = this.cache.get(highlights);
        if (!byMode) {
            byMode = new Map();
            this.cache.set(highlights, byMode);
        }
        let sets = byMode.get(mode);
        if (!sets) {
            sets = highlightSets(highlights, mode);
            byMode.set(mode, sets);
        }
        return sets;
    }
}

/** The model ids to emphasise in a mode. Pure. */
export function highlightSets(highlights: DiagramHighlights, mode: HighlightMode): HighlightSets {
    if (mode === 'criticalPath') {
        return { steps: new Set(highlights.criticalPath), flows: new Set(highlights.criticalFlows.map(elementId.flow)) };
    }
    if (mode === 'failPoints') {
        return { steps: new Set(highlights.failPoints), flows: new Set() };
    }
    return { steps: new Set(), flows: new Set() };
}
