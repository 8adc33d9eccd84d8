/**
 * `blueprint mcp`: Blueprint's tools for AI assistants as a Model Context Protocol server over
 * stdio. stdout carries the protocol and nothing else; anything to log goes to stderr.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { callTool, LANGUAGE_REFERENCE, TOOL_DESCRIPTIONS, TOOL_INPUTS, type ToolHost } from '@blueprint/tools';

export const LANGUAGE_REFERENCE_URI = 'blueprint://docs/language';

const INSTRUCTIONS = 'Tools for Blueprint, a text language for service blueprints (.blueprint files). '
    + 'After writing or editing a blueprint, call check and fix every error (explain_rule says what a rule id asks for); '
    + 'then analyse gives its service times and fail-point coverage, render draws it, diff compares two versions. '
    + `The resource ${LANGUAGE_REFERENCE_URI} is the language reference with examples. `
    + 'Paths are relative to the server\'s working folder; nothing is written unless render is given an output path (inside that folder; its extension .svg, .png or .pdf chooses the format).';

export function createMcpServer(host: ToolHost, version: string): McpServer {
    const server = new McpServer({ name: 'blueprint', title: 'Blueprint service blueprints', version }, { instructions: INSTRUCTIONS });
    for (const tool of TOOL_DESCRIPTIONS) {
        server.registerTool(tool.name, {
            title: tool.title,
            description: tool.description,
            inputSchema: TOOL_INPUTS[tool.name],
            annotations: { title: tool.title, readOnlyHint: tool.readOnly, destructiveHint: false, idempotentHint: true, openWorldHint: false }
        }, async (input: unknown) => (await callTool(host, tool.name, input)) as CallToolResult);
    }
    server.registerResource('language-reference', LANGUAGE_REFERENCE_URI, {
        title: 'The Blueprint language',
        description: 'How to write a .blueprint file: lanes and lines, steps and their properties, flows, decisions, fail points and remedies, metrics, segments, imports, and the rules.',
        mimeType: 'text/markdown'
    }, uri => ({ contents: [{ uri: uri.href, mimeType: 'text/markdown', text: LANGUAGE_REFERENCE }] }));
    return server;
}

/** Serves on this process's stdin and stdout until the client closes stdin; `folder` is where the host's relative paths start. */
export async function serveMcpOverStdio(host: ToolHost, version: string, folder: string, log: (message: string) => void): Promise<void> {
    const server = createMcpServer(host, version);
    const transport = new StdioServerTransport();
    const closed = new Promise<void>(resolve => { server.server.onclose = resolve; });
    transport.onerror = error => log(`blueprint mcp: ${error.message}`);
    await server.connect(transport);
    // The transport does not notice the end of its input: without this the process would linger.
    process.stdin.once('end', () => void server.close());
    // Named in the log: a path the assistant gives relative to another folder is otherwise a puzzling "no such file".
    log(`blueprint mcp ${version}: serving ${TOOL_DESCRIPTIONS.map(t => t.name).join(', ')} on stdio, for the files in ${folder}\n`);
    await closed;
}
