/**
 * svg-to-pdfkit ignores `paint-order: stroke`, so text with a halo (the flow labels: a stroke in the
 * background colour under a grey fill) comes out as its stroke only, white on white. For the PDF
 * each such text is drawn twice: the halo alone (no fill), then the ink alone (no stroke) over it.
 * (Classes rather than style attributes: svg-to-pdfkit lets the stylesheet win over `style`.)
 */
const HALO_CLASS = 'bp-flow-label';
const RULE = new RegExp(`\\.${HALO_CLASS}\\s*\\{([^}]*)\\}`);
/** A rule for the labels of some flows only (`.bp-flow-recovery .bp-flow-label`, a diff's `.bp-added .bp-flow-label`). */
const SCOPED_RULE = new RegExp(`(^|[}\\n])([^{},\\n]*\\S)\\s+\\.${HALO_CLASS}\\s*\\{([^}]*)\\}`, 'g');
const TEXT = new RegExp(`<text class="${HALO_CLASS}"([^>]*)>([\\s\\S]*?)</text>`, 'g');

export function splitHaloText(svg: string): string {
    const rule = RULE.exec(svg);
    if (!rule) return svg;
    const declarations = rule[1].split(';').map(part => part.trim()).filter(part => part !== '' && !part.startsWith('paint-order'));
    const halo = [...declarations.filter(part => !part.startsWith('fill')), 'fill: none'];
    const ink = [...declarations.filter(part => !part.startsWith('stroke')), 'stroke: none'];
    // The scoped rules then apply to the ink (their colour, their weight), after the plain one.
    const scoped = [...svg.matchAll(SCOPED_RULE)].map(([, , scope, body]) => {
        const inkOnly = body.split(';').map(part => part.trim()).filter(part => part !== '' && !part.startsWith('stroke') && !part.startsWith('paint-order'));
        return inkOnly.length > 0 ? `${scope.trim()} .${HALO_CLASS}-ink { ${inkOnly.join('; ')}; }\n` : '';
    }).join('');
    const styles = `.${HALO_CLASS}-halo { ${halo.join('; ')}; }\n.${HALO_CLASS}-ink { ${ink.join('; ')}; }\n${scoped}`;
    return svg
        .replace(/<\/style>/g, `${styles}</style>`)
        .replace(TEXT, (_whole, attributes: string, content: string) =>
            `<text class="${HALO_CLASS}-halo"${attributes}>${content}</text><text class="${HALO_CLASS}-ink"${attributes}>${content}</text>`);
}
