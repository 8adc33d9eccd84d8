/**
 * The extension's `contributes.languageModelTools`, generated from @blueprint/tools (`npm run
 * extension:lm-tools` after a build): the same names, descriptions and input schemas as `blueprint
 * mcp`, under VS Code's names (`blueprint_check`, …). test/extension/language-model-tools.test.ts
 * keeps package.json in step with the tools.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The tool name in VS Code (tool names are global there, so they carry the extension's prefix). */
export const editorToolName = name => `blueprint_${name}`;
const referenceName = name => `blueprint${name.split('_').map(part => part[0].toUpperCase() + part.slice(1)).join('')}`;

export function languageModelTools(tools) {
    return tools.TOOL_DESCRIPTIONS.map(tool => ({
        name: editorToolName(tool.name),
        toolReferenceName: referenceName(tool.name),
        displayName: `Blueprint: ${tool.title}`,
        userDescription: tool.title,
        // In the editor the tools go by their prefixed names, and relative paths start at the workspace folder.
        modelDescription: tool.description.replaceAll('the working folder', 'the workspace folder').replace(/\bexplain_rule\b/g, editorToolName('explain_rule')),
        canBeReferencedInPrompt: true,
        icon: '$(symbol-structure)',
        tags: ['blueprint', 'service-blueprint'],
        inputSchema: JSON.parse(JSON.stringify(tools.toolInputJsonSchema(tool.name)).replaceAll('the working folder', 'the workspace folder'))
    }));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
    const tools = await import('../packages/tools/dist/index.js');
    const file = fileURLToPath(new URL('../packages/extension/package.json', import.meta.url));
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    manifest.contributes.languageModelTools = languageModelTools(tools);
    // No activation events: VS Code activates the extension for the tools it contributes (onLanguageModelTool:NAME).
    writeFileSync(file, JSON.stringify(manifest, undefined, 2) + '\n');
    console.log(`${manifest.contributes.languageModelTools.length} language-model tools written to packages/extension/package.json`);
}
