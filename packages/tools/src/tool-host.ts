/**
 * What a tool needs from where it runs. The CLI's MCP server reads and writes the local disk; the
 * language server reads through the editor and writes nothing (the extension writes, if trusted).
 */
import type { BlueprintLayout, SvgTheme } from '@blueprint/diagram';
import type { BlueprintCoreServices } from '@blueprint/language';
import type { URI } from 'langium';

export interface ToolHost {
    /** Fresh language services for one call, so inline text never enters a long-lived workspace. */
    createServices(): BlueprintCoreServices;
    /** A path the caller gave: relative ones against the host's working folder. */
    resolvePath(path: string): URI;
    /** How a file is named in results (relative to the working folder where possible). */
    displayPath(uri: URI): string;
    /** The text of a file as the editor holds it (unsaved edits included), where the host has an editor. */
    readonly openText?: (uri: URI) => string | undefined;
    /** Writes an output file the caller asked for; absent where this host writes nothing. */
    readonly writeFile?: (uri: URI, content: Uint8Array) => Promise<void>;
    /** The diagram as PNG; absent where no rasteriser is available (VS Code for the web). */
    readonly renderPng?: (layout: BlueprintLayout, theme: SvgTheme) => Promise<Uint8Array>;
    /** The diagram as a vector PDF (for an output file ending in .pdf); absent where this host cannot make one. */
    readonly renderPdf?: (layout: BlueprintLayout, theme: SvgTheme) => Promise<Uint8Array>;
    /**
     * Why `output` must not be written (outside the folder served, the blueprint read or any other
     * blueprint source), or undefined; asked before any work. `input` is the blueprint's path, if given.
     */
    readonly outputProblem?: (output: URI, input: URI | undefined) => string | undefined;
}
