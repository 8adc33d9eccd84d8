/**
 * Names for what the import declares: an id as given when it is a valid Blueprint name, else one
 * made from the label (`Take a queue number` → `TakeQueueNumber`, `在取号机取号` → `在取号机取号`),
 * unique across the file.
 */

// The ID terminal of the grammar (blueprint.langium): letters (Latin, Greek, Cyrillic, CJK, Hangul), digits, `_`.
const LETTER = '_a-zA-Z\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF\\u3040-\\u30FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uAC00-\\uD7AF';
const ID = new RegExp(`^[0-9]*[${LETTER}][0-9${LETTER}]*$`, 'u');
const NAME_CHARS = new RegExp(`[0-9${LETTER}]+`, 'gu');

/** The grammar's keywords: a name spelt like one would not parse. */
const KEYWORDS = new Set(('blueprint import description tolerance actor system stage channel remote phone self-service segment persona in lane '
    + 'above below evidence customer frontstage backstage support language lanes line interaction visibility internal implementation by via '
    + 'for duration wait fail rate prevention recovery poka-yoke moment emotion delighted positive neutral negative frustrated note policy '
    + 'independent start end on flow loop times decision parallel join metric target within').split(' '));

const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'to', 'and', 'or', 'at', 'in', 'on', 'for', 'with', 'by', 'from', 'is']);

export function isValidName(name: string): boolean {
    return ID.test(name) && !KEYWORDS.has(name);
}

export class NameRegistry {
    private readonly used = new Set<string>();
    /** As written: names differing only in case are distinct in Blueprint, and a workbook may give back both (`WebHall`, `webHall`). */
    private readonly exact = new Set<string>();

    /** Reserves a name given in the file (an id column); false when it is taken. */
    reserve(name: string): boolean {
        const key = name.toLowerCase();
        if (this.used.has(key)) return false;
        this.used.add(key);
        this.exact.add(name);
        return true;
    }

    /** Reserves a name the blueprint had (the workbook's names sheet): only the same name as written takes it. */
    reserveExact(name: string): boolean {
        if (this.exact.has(name)) return false;
        this.used.add(name.toLowerCase());
        this.exact.add(name);
        return true;
    }

    has(name: string): boolean {
        return this.used.has(name.toLowerCase());
    }

    /** A fresh name from a label; `fallback` (e.g. `Step`) when the label has no letters. */
    derive(label: string, fallback: string): string {
        let base = nameFromLabel(label) || fallback;
        if (!isValidName(base)) base = `${fallback}${base}`;
        let name = base;
        for (let n = 2; this.has(name); n++) name = `${base}${n}`;
        this.used.add(name.toLowerCase());
        this.exact.add(name);
        return name;
    }
}

function nameFromLabel(label: string): string {
    const words = (label.normalize('NFKC').match(NAME_CHARS) ?? []);
    const latin = words.filter(w => /^[0-9A-Za-z_]+$/.test(w));
    if (latin.length === words.length && words.length > 0) {
        const significant = words.filter(w => !SMALL_WORDS.has(w.toLowerCase()));
        const chosen = (significant.length > 0 ? significant : words).slice(0, 4);
        return chosen.map(w => w[0].toUpperCase() + w.slice(1)).join('');
    }
    // Other scripts: the label's own characters, kept short.
    return words.join('').slice(0, 12);
}
