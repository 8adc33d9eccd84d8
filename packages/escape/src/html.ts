/** Text for HTML element content and quoted attribute values: the XML rules, which HTML accepts. */
import { escapeXml } from './xml.js';

export function escapeHtml(text: string): string {
    return escapeXml(text);
}
