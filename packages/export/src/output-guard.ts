/**
 * What a command or an editor may write to, as a rule of plain data (no file system here, so the
 * CLI and the VS Code extension, on the desktop and on the web, decide alike): never one of the
 * command's own inputs, and never a blueprint source. An SVG, PNG, PDF, report or export written
 * over (or under the name of) a `.blueprint` file is never what anyone wants, and would be lost
 * work. Each host finds the facts with its own file system: the names a target goes by (as given
 * and with links resolved), whether it exists and whether it is one of the inputs.
 */

export const BLUEPRINT_FILE_EXTENSION = '.blueprint';

export interface OutputTargetFacts {
    /** The target as messages name it: `out.svg`, or `out.svg (a link to hotel.blueprint)`. */
    readonly shown: string;
    /** The paths (or URI paths) the target goes by: as given, and with links resolved. */
    readonly names: readonly string[];
    readonly exists: boolean;
    /** The target is one of the inputs (the same file, by path after links, or by identity). */
    readonly isInput: boolean;
}

export function isBlueprintFileName(name: string): boolean {
    return name.toLowerCase().endsWith(BLUEPRINT_FILE_EXTENSION);
}

/**
 * Why the target must not be written, or undefined when it may. `what` names the output for the
 * message (`the SVG`); `blueprintText` says the output is blueprint text itself (`import`), which
 * may have a `.blueprint` name but still never overwrites its input.
 */
export function outputRefusal(target: OutputTargetFacts, what: string, blueprintText = false): string | undefined {
    if (target.isInput) return `${target.shown} is an input of this command; refusing to overwrite it with ${what} (write to another file)`;
    if (blueprintText || !target.names.some(isBlueprintFileName)) return undefined;
    return target.exists
        ? `${target.shown} is a blueprint source; refusing to overwrite it with ${what} (write to another file)`
        : `${target.shown}: refusing to write ${what} under a ${BLUEPRINT_FILE_EXTENSION} name, which only blueprint text may have`;
}
