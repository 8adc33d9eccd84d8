/**
 * The CLI's output guard in the editor: a drawing or export the extension writes itself (the
 * preview's export, the render tool's `output`) never replaces its own blueprint or any
 * `.blueprint` file. The rule is @blueprint/export's; this finds its facts through the host's file
 * system, generic over the URI type so that it is tested on real files without VS Code.
 */
import { outputRefusal } from '@blueprint/export/output-guard';

export interface OutputHost<U> {
    /** The path of a URI (what `.blueprint` is looked for in, and what identifies a file). */
    path(uri: U): string;
    /** For messages: relative to the workspace where it can be. */
    shown(uri: U): string;
    exists(uri: U): Promise<boolean>;
    /** The URI with its links resolved, where the file system can tell (the desktop's). */
    resolve?(uri: U): Promise<U>;
}

/** Why `target` must not be written with `what`, or undefined when it may. */
export async function outputTargetRefusal<U>(target: U, inputs: readonly U[], what: string, host: OutputHost<U>): Promise<string | undefined> {
    const resolve = async (uri: U): Promise<U> => (host.resolve ? host.resolve(uri).catch(() => uri) : uri);
    const resolved = await resolve(target);
    const linked = host.path(resolved) !== host.path(target);
    const inputPaths = await Promise.all(inputs.map(async input => host.path(await resolve(input))));
    return outputRefusal({
        shown: host.shown(target) + (linked ? ` (a link to ${host.shown(resolved)})` : ''),
        names: [host.path(target), host.path(resolved)],
        exists: await host.exists(resolved).catch(() => false),
        isInput: inputPaths.includes(host.path(resolved))
    }, what);
}
