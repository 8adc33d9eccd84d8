/**
 * svg-to-pdfkit ignores `paint-order: stroke`, so text with a halo (the flow labels: a stroke in the
 * background colour under a grey fill) comes out as its stroke only, white on white. For the PDF
 * each such text is drawn twice: the halo alone (no fill), then the ink alone (no stroke) over it.
 * (Classes rather than style attributes: svg-to-pdfkit lets the stylesheet win over `style`.)
 */
const HALO_CLASS = 'bp-flow-label';
const RULE = new RegExp(`\\.${HALO_CLASS}\\s*\\{([^}]*)\\}`);
const TEXT = new RegExp(`<text class="${HALO_CLASS}"([^>]*)>([\\s\\S]*?)</text>`, 'g');

export function splitHaloText(svg: string): string {
    const rule = RULE.exec(svg);
    if (!rule) return svg;
    const declarations = rule[1].split(';').map(part => part.trim()).filter(part => part !== '' && !part.startsWith('paint-order'));
    const halo = [...declarations.filter(part => !part.startsWith('fill')), 'fill: none'];
    const ink = [...declarations.filter(part => !part.startsWith('stroke')), 'stroke: none'];
    const styles = `.${HALO_CLASS}-halo { ${halo.join('; ')}; }\n.${HALO_CLASS}-ink { ${ink.join('; ')}; }\n`;
    return svg
        .replace(/<\/style>/g, `${styles}</style>`)
        .replace(TEXT, (_whole, attributes: string, content: string) =>
            `<text class="${HALO_CLASS}-halo"${attributes}>${content}</text><text class="${HALO_CLASS}-ink"${attributes}>${content}</text>`);
}
