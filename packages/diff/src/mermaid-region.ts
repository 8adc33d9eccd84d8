/**
 * The changed region of a diff as a Mermaid flowchart, for a pull-request comment: GitHub draws it
 * in the Markdown, so reviewers see the change without downloading an artifact. The steps that
 * were added, changed or removed (from the visual diff's union layout, removed steps where they
 * were) and their direct neighbours for context, with the flows between them.
 */
import { writeMermaid, type MermaidClassDef } from '@blueprint/diagram';
import { localisation, type BlueprintModel } from '@blueprint/model';
import type { ChangeSet } from './change-set.js';
import { layoutDiff } from './visual-diff.js';

const DIFF_CLASSES: Readonly<Record<string, string>> = { 'bp-added': 'added', 'bp-changed': 'changed', 'bp-removed': 'removed' };

export async function renderDiffMermaid(before: BlueprintModel, after: BlueprintModel, changeSet: ChangeSet): Promise<string | undefined> {
    const { layout, classes } = await layoutDiff(before, after, changeSet);
    const strings = localisation(changeSet.language ?? after.language).diffReport;
    const isStep = new Set(layout.steps.filter(step => step.evidenceFor === undefined).map(step => step.id));

    const mermaidClasses = new Map<string, string[]>();
    const changed = new Set<string>();
    for (const [id, names] of classes) {
        const mapped = names.map(name => DIFF_CLASSES[name]).filter((name): name is string => name !== undefined);
        if (mapped.length === 0) continue;
        mermaidClasses.set(id, mapped);
        if (isStep.has(id)) changed.add(id);
    }
    // An added or removed flow between unchanged steps still shows, with both its ends.
    for (const flow of layout.flows) {
        if (mermaidClasses.has(flow.id) && flow.kind !== 'evidence') {
            changed.add(flow.from);
            changed.add(flow.to);
        }
    }
    if (changed.size === 0) return undefined;

    const region = new Set(changed);
    for (const flow of layout.flows) {
        if (flow.kind === 'evidence') continue;
        if (changed.has(flow.from)) region.add(flow.to);
        if (changed.has(flow.to)) region.add(flow.from);
    }
    for (const id of region) if (!mermaidClasses.has(id)) mermaidClasses.set(id, ['context']);

    const classDefs: Record<string, MermaidClassDef> = {
        added: { style: 'fill:#dafbe1,stroke:#1a7f37,stroke-width:2px', legend: strings.added, linkStyle: 'stroke:#1a7f37,stroke-width:2px' },
        changed: { style: 'fill:#fff8c5,stroke:#9a6700,stroke-width:2px', legend: strings.changed },
        removed: { style: 'fill:#ffebe9,stroke:#cf222e,stroke-dasharray:4 3,color:#82071e', legend: strings.removed, linkStyle: 'stroke:#cf222e,stroke-dasharray:4 3' },
        context: { style: 'fill:#ffffff,stroke:#d0d7de,color:#59636e', legend: strings.context }
    };
    return writeMermaid(layout, { dialect: 'flowchart', steps: region, classes: mermaidClasses, classDefs, language: changeSet.language ?? after.language });
}
