/** Escapes text for XML/HTML element content and attribute values. */
export function escapeXml(text: string): string {
    return text.replace(/[<>&"']/g, ch => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
