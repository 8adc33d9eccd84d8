/**
 * `blueprint/tool`: one of Blueprint's tools for AI assistants (check, explain_rule, analyse,
 * render, diff; see @blueprint/tools) run by the language server for the editor's language-model
 * tools, so they work wherever the server runs, VS Code for the web included.
 */
import { request } from './message-types.js';

export interface AssistantToolParams {
    /** The tool: `check`, `explain_rule`, `analyse`, `render` or `diff`. */
    readonly name: string;
    /** Its input, as the tool's schema describes it. */
    readonly input: unknown;
    /** The folder relative paths start from (a workspace folder's URI); without it only absolute paths work. */
    readonly base?: string;
}

export type AssistantToolContent =
    | { readonly type: 'text'; readonly text: string }
    | { readonly type: 'image'; readonly data: string; readonly mimeType: string };

/** Shaped like an MCP tool result: content, and whether the call failed. */
export interface AssistantToolResult {
    readonly content: AssistantToolContent[];
    readonly isError?: boolean;
}

export const AssistantToolRequest = request<AssistantToolParams, AssistantToolResult>('blueprint/tool');
