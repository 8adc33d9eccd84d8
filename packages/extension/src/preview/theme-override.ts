/**
 * The `blueprint.preview.theme` setting. The webview's style sheet follows VS Code's theme through
 * CSS variables; forcing light or dark replaces those variables with fixed colours in a nonce'd
 * style element (the page's CSP allows styles with its nonce). Pure, for unit tests.
 */
export type PreviewTheme = 'auto' | 'light' | 'dark';

export function parsePreviewTheme(value: unknown): PreviewTheme {
    return value === 'light' || value === 'dark' ? value : 'auto';
}

const PALETTES: Record<Exclude<PreviewTheme, 'auto'>, Record<string, string>> = {
    light: {
        '--bp-background': '#ffffff', '--bp-foreground': '#1f1f1f', '--bp-muted': '#6f6f6f',
        '--bp-node': '#f3f3f3', '--bp-border': '#c8c8c8', '--bp-lines': 'rgba(96, 96, 96, 0.6)',
        '--bp-blue': '#1a85ff', '--bp-green': '#388a34', '--bp-orange': '#d18616',
        '--bp-purple': '#652d90', '--bp-red': '#e51400', '--bp-yellow': '#bf8803', '--bp-teal': '#0f766e', '--bp-band-opacity': '0.07'
    },
    dark: {
        '--bp-background': '#1e1e1e', '--bp-foreground': '#d4d4d4', '--bp-muted': '#a0a0a0',
        '--bp-node': '#252526', '--bp-border': '#454545', '--bp-lines': 'rgba(200, 200, 200, 0.5)',
        '--bp-blue': '#3794ff', '--bp-green': '#89d185', '--bp-orange': '#f0a040',
        '--bp-purple': '#b180d7', '--bp-red': '#f14c4c', '--bp-yellow': '#cca700', '--bp-teal': '#2dd4bf', '--bp-band-opacity': '0.12'
    }
};

/** CSS that pins the diagram colours, or '' for `auto`. */
export function themeOverrideCss(theme: PreviewTheme): string {
    if (theme === 'auto') {
        return '';
    }
    const declarations = Object.entries(PALETTES[theme]).map(([name, value]) => `${name}: ${value} !important;`).join(' ');
    // Body classes beat :root, so the override names them all.
    return `:root, body, body.vscode-light, body.vscode-dark, body.vscode-high-contrast { ${declarations} color-scheme: ${theme}; }`;
}

/** Adds the override to the page HTML from `webviewHtml`, right before `</head>`. */
export function withThemeOverride(html: string, theme: PreviewTheme, nonce: string): string {
    const css = themeOverrideCss(theme);
    if (!css) {
        return html;
    }
    const index = html.indexOf('</head>');
    if (index < 0) {
        throw new Error('withThemeOverride: the page has no </head>.');
    }
    return `${html.slice(0, index)}<style nonce="${nonce}">${css}</style>\n${html.slice(index)}`;
}
