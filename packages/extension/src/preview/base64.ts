/** Base64 to bytes without Node's Buffer (the web extension host has none): files the language server wrote. */
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function fromBase64(text: string): Uint8Array {
    const digits = text.replace(/=+$/, '');
    const bytes = new Uint8Array(Math.floor(digits.length * 3 / 4));
    let bits = 0, value = 0, index = 0;
    for (const char of digits) {
        const digit = DIGITS.indexOf(char);
        if (digit < 0) throw new Error('the language server sent a file that is not base64');
        value = ((value << 6) | digit) & 0xffffff;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            bytes[index++] = (value >> bits) & 0xff;
        }
    }
    return bytes;
}
