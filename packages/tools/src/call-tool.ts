/**
 * One entry for every host: validates the input against the tool's schema, runs the tool, and turns
 * whatever goes wrong (bad input, unreadable file, errors in the blueprint, a crash) into an error
 * result, so a server built on it answers every call and never dies of one.
 */
import * as z from 'zod/mini';
import { analyseTool } from './analyse-tool.js';
import { checkTool } from './check-tool.js';
import { diffTool } from './diff-tool.js';
import { explainRuleTool } from './explain-rule-tool.js';
import { renderTool } from './render-tool.js';
import type { ToolHost } from './tool-host.js';
import { errorResult, ToolInputError, type ToolResult } from './tool-result.js';
import { TOOL_INPUTS, type ToolInput, type ToolName } from './tool-schemas.js';

type Runners = { readonly [N in ToolName]: (host: ToolHost, input: ToolInput<N>) => Promise<ToolResult> | ToolResult };

const RUNNERS: Runners = {
    check: checkTool,
    explain_rule: (_host, input) => explainRuleTool(input),
    analyse: analyseTool,
    render: renderTool,
    diff: diffTool
};

export function isToolName(name: string): name is ToolName {
    return Object.prototype.hasOwnProperty.call(TOOL_INPUTS, name);
}

export async function callTool(host: ToolHost, name: string, input: unknown): Promise<ToolResult> {
    if (!isToolName(name)) return errorResult(`Unknown tool '${name}'. Tools: ${Object.keys(TOOL_INPUTS).join(', ')}.`);
    const parsed = z.safeParse(z.strictObject(TOOL_INPUTS[name]), input ?? {});
    if (!parsed.success) return errorResult(`Invalid input for ${name}: ${z.prettifyError(parsed.error)}`);
    try {
        return await (RUNNERS[name] as (host: ToolHost, input: unknown) => Promise<ToolResult> | ToolResult)(host, parsed.data);
    } catch (error) {
        if (error instanceof ToolInputError) return errorResult(error.message);
        return errorResult(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
}
