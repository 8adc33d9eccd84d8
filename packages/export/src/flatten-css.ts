/**
 * svg-to-pdfkit matches only compound selectors (`.a.b`), not descendant ones (`.a .b`), which the
 * diagram's stylesheet uses for kinds (`.bp-evidence .bp-box`, `.bp-flow-escalation .bp-flow-path`).
 * This rewrites each `.a .b` rule as `.in-a.b` and gives every element an `in-a` class for each
 * such ancestor class `a`, so the PDF is styled like the SVG.
 */

const DESCENDANT = /^\.([\w-]+)\s+\.([\w-]+)$/;

export function flattenDescendantSelectors(svg: string): string {
    const ancestorClasses = new Set<string>();
    const withRewrittenStyles = svg.replace(/<style>([\s\S]*?)<\/style>/g, (_whole, css: string) => `<style>${css.replace(/([^{}]+)\{/g, (_rule, selectors: string) =>
        selectors.split(',').map(selector => {
            const match = DESCENDANT.exec(selector.trim());
            if (!match) return selector;
            ancestorClasses.add(match[1]);
            return ` .in-${match[1]}.${match[2]}`;
        }).join(',') + '{')}</style>`);
    if (ancestorClasses.size === 0) return withRewrittenStyles;

    const stack: string[][] = [];
    return withRewrittenStyles.replace(/<(\/?)([A-Za-z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g, (tag, closing: string, _name: string, attributes: string, selfClosing: string) => {
        if (closing) {
            stack.pop();
            return tag;
        }
        const own = /\bclass="([^"]*)"/.exec(attributes)?.[1].split(/\s+/).filter(Boolean) ?? [];
        const inherited = stack.length > 0 ? stack[stack.length - 1] : [];
        const markers = inherited.map(name => `in-${name}`);
        if (!selfClosing) stack.push([...inherited, ...own.filter(name => ancestorClasses.has(name))]);
        if (markers.length === 0) return tag;
        const classes = [...new Set([...own, ...markers])].join(' ');
        return own.length > 0
            ? tag.replace(/\bclass="[^"]*"/, `class="${classes}"`)
            : tag.replace(/^<([A-Za-z][\w:-]*)/, `<$1 class="${classes}"`);
    });
}
