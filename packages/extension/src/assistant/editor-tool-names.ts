/**
 * The language-model tools' names in package.json (global in VS Code, hence the prefix) → the names
 * of @blueprint/tools that the language server runs. No `vscode` import: tests read it.
 */
export const EDITOR_TOOLS = {
    blueprint_check: 'check',
    blueprint_explain_rule: 'explain_rule',
    blueprint_analyse: 'analyse',
    blueprint_render: 'render',
    blueprint_diff: 'diff'
} as const;
