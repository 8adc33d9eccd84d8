/**
 * Blueprint's tools for AI assistants as VS Code language-model tools (`contributes.languageModelTools`,
 * generated from @blueprint/tools by scripts/language-model-tools.mjs), so an agent in the editor can
 * check, analyse, draw and compare what it writes. The language server runs them (`blueprint/tool`),
 * which works on the desktop and in VS Code for the web alike. What the server leaves to the editor
 * happens here: a PNG is rasterised where a rasteriser is loaded (the desktop's export bundle), and
 * an output file is written only in a trusted workspace, after the user confirmed it.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { AssistantToolRequest, type AssistantToolParams, type AssistantToolResult } from '@blueprint/protocol';
import { saveAtomically, temporaryName } from '../preview/atomic-save.js';
import { EDITOR_TOOLS } from './editor-tool-names.js';
import { workspaceOutputRefusal } from '../output-target-vscode.js';

type ToolInput = Record<string, unknown>;

export interface LanguageModelToolOptions {
    /** SVG → PNG in this extension host; absent where none can be loaded (VS Code for the web). */
    readonly rasterize?: (svg: string) => Promise<Uint8Array>;
}

/** Image parts reached the stable API after the engine this extension targets: used where present. */
const DataPart = (vscode as unknown as { LanguageModelDataPart?: { image(data: Uint8Array, mimeType: string): unknown } }).LanguageModelDataPart;

export function registerLanguageModelTools(client: BaseLanguageClient, started: Promise<void>, options: LanguageModelToolOptions = {}): vscode.Disposable[] {
    // Hosts without the language-model API (other editors built on VS Code) simply get no tools.
    if (typeof vscode.lm?.registerTool !== 'function') return [];
    const send = async (params: AssistantToolParams): Promise<AssistantToolResult> => {
        await started;
        return client.sendRequest(AssistantToolRequest.method, params) as Promise<AssistantToolResult>;
    };
    return Object.entries(EDITOR_TOOLS).map(([editorName, name]) => vscode.lm.registerTool<ToolInput>(editorName, {
        prepareInvocation: ({ input }) => prepare(name, input),
        invoke: async ({ input }) => {
            const base = baseFolder()?.toString();
            const { result, image } = name === 'render' ? await render(input, base, send, options) : { result: await send({ name, input, base }), image: undefined };
            return toLanguageModelResult(result, image);
        }
    }));
}

function prepare(name: string, input: ToolInput): vscode.PreparedToolInvocation {
    const subject = typeof input.path === 'string' ? input.path : typeof input.after === 'string' ? input.after : 'the blueprint text';
    const output = typeof input.output === 'string' ? input.output : undefined;
    if (name === 'render' && output !== undefined) {
        return {
            invocationMessage: `Drawing ${subject} into ${output}`,
            confirmationMessages: { title: 'Write the Blueprint diagram?', message: `The diagram of ${subject} will be written to ${output} (an existing file there is replaced).` }
        };
    }
    const verbs: Record<string, string> = { check: 'Checking', explain_rule: 'Looking up rule', analyse: 'Analysing', render: 'Drawing', diff: 'Comparing' };
    return { invocationMessage: `${verbs[name] ?? 'Running'} ${name === 'explain_rule' ? String(input.rule ?? 'catalog') : subject}` };
}

interface RenderResult {
    readonly result: AssistantToolResult;
    /** The PNG drawn here: its bytes never leave this host, so they are not base64 in `result`. */
    readonly image?: Uint8Array;
}

/** The SVG comes from the server; PNG and the output file are made here. */
async function render(input: ToolInput, base: string | undefined, send: (params: AssistantToolParams) => Promise<AssistantToolResult>,
    options: LanguageModelToolOptions): Promise<RenderResult> {
    const failed = (text: string): RenderResult => ({ result: { content: [{ type: 'text', text }], isError: true } });
    const { output, format = 'svg', ...rest } = input;
    if (output !== undefined && typeof output !== 'string') return failed('`output` must be a file path.');
    if (output !== undefined && !vscode.workspace.isTrusted) return failed('Writing files needs a trusted workspace: call render without `output`, or trust this folder first.');
    if (format === 'png' && !options.rasterize) return failed('PNG is not available in VS Code for the web (no rasteriser there); ask for format "svg".');
    if (output !== undefined && !base && !/^([a-z][a-z0-9+.-]+:\/\/|\/|[a-z]:[\\/])/i.test(output)) return failed(`'${output}' is relative, but no workspace folder is open: give an absolute path.`);
    // The server validates the rest of the input (path, text, theme) and rejects a format it does not know.
    const drawn = await send({ name: 'render', input: { ...rest, format: format === 'png' ? 'svg' : format }, base });
    const svg = drawn.content[0];
    if (drawn.isError || svg?.type !== 'text') return { result: drawn };
    const bytes = format === 'png' ? await options.rasterize!(svg.text) : new TextEncoder().encode(svg.text);
    const content: AssistantToolResult['content'] = [];
    // With an output file the picture is there; repeating a large SVG would only cost the model tokens.
    if (format !== 'png' && output === undefined) content.push(svg);
    if (output !== undefined) {
        const target = resolveOutput(output, base);
        // As the CLI's MCP tool: never over the blueprint drawn, nor any other blueprint source.
        const inputs = typeof rest.path === 'string' && (base || /^([a-z][a-z0-9+.-]+:\/\/|\/|[a-z]:[\\/])/i.test(rest.path)) ? [resolveOutput(rest.path, base)] : [];
        const refusal = await workspaceOutputRefusal(target, inputs, `the ${String(format).toUpperCase()}`);
        if (refusal) return failed(`Cannot write ${output}: ${refusal}.`);
        try {
            await saveAtomically(vscode.workspace.fs, target, vscode.Uri.joinPath(target, '..', temporaryName(target.path.split('/').pop() ?? 'diagram', String(Date.now()))), bytes);
        } catch (error) {
            return failed(`Cannot write ${output}: ${error instanceof Error ? error.message : String(error)}`);
        }
        content.unshift({ type: 'text', text: `Wrote ${vscode.workspace.asRelativePath(target)} (${String(format).toUpperCase()}, ${bytes.length} bytes).` });
    }
    return { result: { content }, image: format === 'png' ? bytes : undefined };
}

function toLanguageModelResult(result: AssistantToolResult, image: Uint8Array | undefined): vscode.LanguageModelToolResult {
    const parts: unknown[] = [];
    // The model must see that a call failed: say so in words, as the parts carry no flag.
    if (result.isError) parts.push(new vscode.LanguageModelTextPart('Error: '));
    for (const item of result.content) {
        // The server never sends images (it draws no PNG); text is all there is to pass on.
        if (item.type === 'text') parts.push(new vscode.LanguageModelTextPart(item.text));
    }
    if (image) {
        parts.push(DataPart ? DataPart.image(image, 'image/png')
            : new vscode.LanguageModelTextPart(`(A PNG of ${image.length} bytes was drawn; this VS Code cannot pass images to the model.)`));
    }
    return new vscode.LanguageModelToolResult(parts as vscode.LanguageModelTextPart[]);
}

/** Relative paths start in the folder of the active file's workspace, else the first one. */
function baseFolder(): vscode.Uri | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    return (active && vscode.workspace.getWorkspaceFolder(active)?.uri) ?? vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** As the server resolves the paths it reads: a URI as it is, an absolute path in the folder's scheme, a relative one below it. */
function resolveOutput(output: string, base: string | undefined): vscode.Uri {
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(output)) return vscode.Uri.parse(output);
    const folder = base === undefined ? undefined : vscode.Uri.parse(base);
    if (/^(\/|[a-z]:[\\/])/i.test(output)) return folder && folder.scheme !== 'file' ? folder.with({ path: output }) : vscode.Uri.file(output);
    return vscode.Uri.joinPath(folder!, ...output.split(/[\\/]/).filter(part => part !== '' && part !== '.'));
}
