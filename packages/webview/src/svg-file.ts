/** The exported diagram as a file of its own (kept apart from the exporter so Node tests can use it). */
import { sanitizeXmlText } from '@blueprint/escape';

/**
 * Makes the exporter's markup a file of its own. The browser serialises a label's U+0008 or
 * U+000C as is, which no XML parser accepts: drop what the CLI's renderer drops.
 */
export function standaloneSvg(svg: string): string {
    return `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n${sanitizeXmlText(svg)}\n`;
}
