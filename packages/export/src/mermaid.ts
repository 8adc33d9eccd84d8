/**
 * The blueprint as Mermaid text (`.mmd`), which GitHub, GitLab and most wikis draw in Markdown:
 * a `flowchart` every Mermaid renders, or a `swimlane-beta` diagram for Mermaid 11.16 and later.
 * The writer is @blueprint/diagram's, shared with the semantic diff's Mermaid block.
 */
import { writeMermaid, type BlueprintLayout, type MermaidDialect } from '@blueprint/diagram';

export const MERMAID_DIALECTS: readonly MermaidDialect[] = ['flowchart', 'swimlane'];

export function exportMermaid(layout: BlueprintLayout, options: { readonly dialect?: MermaidDialect } = {}): string {
    return writeMermaid(layout, { dialect: options.dialect ?? 'flowchart' });
}
