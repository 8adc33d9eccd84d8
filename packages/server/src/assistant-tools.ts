/**
 * `blueprint/tool`: Blueprint's tools for AI assistants, run for the editor's language-model tools.
 * Each call gets language services of its own (so a checked text never enters the workspace's
 * index or diagnostics) reading through the server's file system; an open file is taken as the
 * editor holds it. This host writes nothing and draws no PNG: the extension writes an output file
 * (in a trusted workspace) and rasterises where it can.
 */
import type { AssistantToolParams, AssistantToolResult } from '@blueprint/protocol';
import { createBlueprintCoreServices } from '@blueprint/language';
import { callTool, ToolInputError, type ToolHost } from '@blueprint/tools';
import { URI, UriUtils, type FileSystemProvider } from 'langium';

export interface AssistantToolServices {
    readonly fileSystem: () => FileSystemProvider;
    /** The text of an open document, by URI string. */
    readonly openText: (uri: string) => string | undefined;
}

export function runAssistantTool(params: AssistantToolParams, services: AssistantToolServices): Promise<AssistantToolResult> {
    return callTool(serverToolHost(params.base === undefined ? undefined : URI.parse(params.base), services), params.name, params.input);
}

export function serverToolHost(base: URI | undefined, services: AssistantToolServices): ToolHost {
    return {
        createServices: () => createBlueprintCoreServices({ fileSystemProvider: services.fileSystem }, { batch: true }).Blueprint,
        resolvePath: path => resolveAgainst(base, path),
        displayPath: uri => (base && UriUtils.contains(base, uri) ? UriUtils.relative(base, uri) : uri.scheme === 'file' ? uri.fsPath : uri.toString()),
        openText: uri => services.openText(uri.toString())
    };
}

/** A URI as it is; an absolute path in the base's scheme (a local file without one); a relative one under the base. */
function resolveAgainst(base: URI | undefined, path: string): URI {
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(path)) return URI.parse(path);
    const windowsDrive = /^[a-z]:[\\/]/i.test(path);
    if (path.startsWith('/') || windowsDrive) return base && base.scheme !== 'file' ? base.with({ path }) : URI.file(path);
    if (!base) throw new ToolInputError(`'${path}' is relative, but no workspace folder is open to resolve it against: give an absolute path.`);
    return UriUtils.joinPath(base, ...path.split(/[\\/]/).filter(part => part !== '' && part !== '.'));
}
