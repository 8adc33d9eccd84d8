/** `diff`: the semantic difference of two blueprints (files or texts), as `blueprint diff` reports it. */
import { diffBlueprints } from '@blueprint/diff';
import { renderMarkdown } from '@blueprint/report';
import { loadSource, requireModel } from './load-source.js';
import type { ToolHost } from './tool-host.js';
import { jsonText, textResult, type ToolResult } from './tool-result.js';

export interface DiffInput {
    readonly before?: string;
    readonly beforeText?: string;
    readonly after?: string;
    readonly afterText?: string;
}

export async function diffTool(host: ToolHost, input: DiffInput): Promise<ToolResult> {
    const before = await loadSource(host, { path: input.before, text: input.beforeText }, 'the older version (`before` or `beforeText`)');
    const after = await loadSource(host, { path: input.after, text: input.afterText }, 'the newer version (`after` or `afterText`)');
    const changeSet = diffBlueprints(requireModel(before), requireModel(after));
    const markdown = renderMarkdown(changeSet, { path: after.name, beforeLabel: before.name, afterLabel: after.name });
    return textResult(markdown, jsonText({
        summary: changeSet.summary,
        changes: changeSet.changes.map(c => ({ subject: c.subject, id: c.id, kind: c.kind, message: c.message, customerVisible: c.customerVisible, ...(c.risk ? { risk: c.risk } : {}) }))
    }));
}
