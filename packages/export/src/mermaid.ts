/**
 * The blueprint as Mermaid text (`.mmd`), which GitHub, GitLab and most wikis draw in Markdown:
 * a `flowchart` every Mermaid renders, or a `swimlane-beta` diagram for Mermaid 11.16 and later.
 * The writer is @blueprint/diagram's, shared with the semantic diff's Mermaid block.
 */
import { writeMermaid, type BlueprintLayout, type MermaidDialect } from '@blueprint/diagram';
import { localisation, SUPPORTED_LANGUAGES } from '@blueprint/model';

export const MERMAID_DIALECTS: readonly MermaidDialect[] = ['flowchart', 'swimlane'];

export interface MermaidExportOptions {
    readonly dialect?: MermaidDialect;
    /** The blueprint's language; by default the one the layout's legend is written in. */
    readonly language?: string;
}

export function exportMermaid(layout: BlueprintLayout, options: MermaidExportOptions = {}): string {
    return writeMermaid(layout, { dialect: options.dialect ?? 'flowchart', language: options.language ?? layoutLanguage(layout) });
}

/** The language a layout was drawn in, told by its legend's title (the preview exports from the layout alone). */
function layoutLanguage(layout: BlueprintLayout): string | undefined {
    const title = layout.legend?.title;
    return title === undefined ? undefined : SUPPORTED_LANGUAGES.find(code => localisation(code).diagram.legend === title);
}
