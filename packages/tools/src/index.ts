/** Public surface of Blueprint's tools for AI assistants: the catalog, one call, and the host they run in. */
export { TOOL_INPUTS, TOOL_DESCRIPTIONS, toolInputJsonSchema, type ToolName, type ToolInput, type ToolDescription } from './tool-schemas.js';
export { callTool, isToolName } from './call-tool.js';
export type { ToolHost } from './tool-host.js';
export { toBase64, ToolInputError, type ToolContent, type ToolResult } from './tool-result.js';
export { LANGUAGE_REFERENCE } from './language-reference.js';
