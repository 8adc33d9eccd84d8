/**
 * Where every text of a page SVG lands on the page, and the windows (clip rectangles) that frame it:
 * the paged export must not leave text that a clip hides (a PDF would keep it searchable but unseen)
 * nor text cut by a window's edge. Reads the SVG the pages are made of: groups with `translate` and
 * `scale` transforms, `clipPath` rectangles, and texts sized by attribute or by their class's CSS rule.
 */
import { estimateTextWidth } from '@blueprint/diagram';

export interface Box { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number }

export interface PlacedText {
    readonly text: string;
    readonly className: string;
    /** The text's estimated extent on the page, in points. */
    readonly box: Box;
    /** The clip rectangles around it, on the page, innermost last. */
    readonly clips: readonly Box[];
}

interface Transform { readonly scale: number; readonly x: number; readonly y: number }
interface Frame { readonly name: string; readonly transform: Transform; readonly clips: readonly Box[]; readonly className: string; readonly anchor?: string; readonly fontSize?: number; readonly weight?: string }

const TAG = /<(\/?)([A-Za-z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g;
const SKIPPED = new Set(['style', 'title', 'defs', 'clipPath', 'marker']);

function attribute(attributes: string, name: string): string | undefined {
    return new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes)?.[1];
}

function unescapeXml(text: string): string {
    return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

function compose(outer: Transform, attributes: string): Transform {
    const value = attribute(attributes, 'transform');
    if (!value) return outer;
    let { scale, x, y } = outer;
    for (const [, kind, args] of value.matchAll(/(translate|scale)\(([^)]*)\)/g)) {
        const numbers = args.split(/[\s,]+/).filter(Boolean).map(Number);
        if (kind === 'translate') {
            x += scale * numbers[0];
            y += scale * (numbers[1] ?? 0);
        } else {
            scale *= numbers[0];
        }
    }
    return { scale, x, y };
}

function apply(transform: Transform, box: Box): Box {
    return {
        left: transform.x + transform.scale * box.left, top: transform.y + transform.scale * box.top,
        right: transform.x + transform.scale * box.right, bottom: transform.y + transform.scale * box.bottom
    };
}

/** Font size and weight per class, from simple `.name { … }` rules of the SVG's stylesheets. */
function classStyles(svg: string): Map<string, { size?: number; weight?: string }> {
    const styles = new Map<string, { size?: number; weight?: string }>();
    for (const [, css] of svg.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
        for (const [, selector, body] of css.matchAll(/\.([\w-]+)\s*\{([^}]*)\}/g)) {
            const size = /font-size:\s*([\d.]+)px/.exec(body)?.[1];
            const weight = /font-weight:\s*(\w+)/.exec(body)?.[1];
            const known = styles.get(selector) ?? {};
            styles.set(selector, { size: size ? +size : known.size, weight: weight ?? known.weight });
        }
    }
    return styles;
}

export function placeTexts(svg: string): PlacedText[] {
    const styles = classStyles(svg);
    const clipRects = new Map<string, Box>();
    for (const [, id, x, y, width, height] of svg.matchAll(/<clipPath id="([^"]+)"><rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"\/><\/clipPath>/g)) {
        clipRects.set(id, { left: +x, top: +y, right: +x + +width, bottom: +y + +height });
    }
    const placed: PlacedText[] = [];
    const stack: Frame[] = [{ name: 'root', transform: { scale: 1, x: 0, y: 0 }, clips: [], className: '' }];
    let skipping = 0;
    /** The text element being read: its position, and its pieces (direct text or tspans), each with its own position. */
    let text: { x: number; y: number; frame: Frame; pieces: { x: number; y: number; text: string }[] } | undefined;
    let span: { x: number; y: number } | undefined;
    const flush = () => {
        if (!text) return;
        const { frame } = text;
        let fontSize = 12;
        let bold = false;
        for (const level of stack.concat(frame)) {
            for (const name of level.className.split(/\s+/)) {
                const style = styles.get(name);
                if (style?.size !== undefined) fontSize = style.size;
                if (style?.weight !== undefined) bold = /^(bold|[6-9]00)$/.test(style.weight);
            }
            if (level.fontSize !== undefined) fontSize = level.fontSize;
            if (level.weight !== undefined) bold = /^(bold|[6-9]00)$/.test(level.weight);
        }
        const anchor = [...stack, frame].reverse().find(level => level.anchor)?.anchor ?? 'start';
        for (const piece of text.pieces) {
            const content = unescapeXml(piece.text);
            if (content.trim() === '') continue;
            // Bold runs about a tenth wider than the estimate, which is for regular type.
            const width = estimateTextWidth(content, fontSize) * (bold ? 1.1 : 1);
            const left = anchor === 'middle' ? piece.x - width / 2 : anchor === 'end' ? piece.x - width : piece.x;
            placed.push({
                text: content, className: frame.className,
                box: apply(frame.transform, { left, top: piece.y - 0.75 * fontSize, right: left + width, bottom: piece.y + 0.2 * fontSize }),
                clips: frame.clips
            });
        }
        text = undefined;
    };
    for (const [, closing, name, attributes = '', selfClosing, content] of svg.matchAll(TAG)) {
        if (content !== undefined) {
            if (text && skipping === 0) text.pieces.push({ ...(span ?? { x: text.x, y: text.y }), text: content });
            continue;
        }
        if (SKIPPED.has(name)) {
            if (!selfClosing) skipping += closing ? -1 : 1;
            continue;
        }
        if (skipping > 0) continue;
        if (closing) {
            if (name === 'tspan') span = undefined;
            else if (name === 'text') flush();
            else stack.pop();
            continue;
        }
        const parent = stack[stack.length - 1];
        const frame: Frame = {
            name,
            transform: compose(parent.transform, attributes),
            clips: parent.clips,
            className: attribute(attributes, 'class') ?? '',
            anchor: attribute(attributes, 'text-anchor'),
            fontSize: attribute(attributes, 'font-size') !== undefined ? +attribute(attributes, 'font-size')! : undefined,
            weight: attribute(attributes, 'font-weight')
        };
        const clipId = /url\(#([^)]+)\)/.exec(attribute(attributes, 'clip-path') ?? '')?.[1];
        const clip = clipId ? clipRects.get(clipId) : undefined;
        const framed: Frame = clip ? { ...frame, clips: [...parent.clips, apply(frame.transform, clip)] } : frame;
        if (name === 'text') {
            text = { x: +(attribute(attributes, 'x') ?? 0), y: +(attribute(attributes, 'y') ?? 0), frame: framed, pieces: [] };
            if (selfClosing) flush();
        } else if (name === 'tspan' && text) {
            span = { x: +(attribute(attributes, 'x') ?? text.x), y: +(attribute(attributes, 'y') ?? text.y) };
        } else if (!selfClosing) {
            stack.push(framed);
        }
    }
    return placed;
}

/** Texts not wholly inside every clip around them and inside the page's margins (`slack` points of tolerance). */
export function hiddenOrCutTexts(svg: string, page: { width: number; height: number }, margin: number, slack = 1): string[] {
    const problems: string[] = [];
    const within = (box: Box, frame: Box) => box.left >= frame.left - slack && box.right <= frame.right + slack && box.top >= frame.top - slack && box.bottom <= frame.bottom + slack;
    const pageBox = { left: margin, top: margin, right: page.width - margin, bottom: page.height - margin };
    const round = (box: Box) => [box.left, box.top, box.right, box.bottom].map(value => Math.round(value)).join(',');
    for (const placed of placeTexts(svg)) {
        const outside = [pageBox, ...placed.clips].find(frame => !within(placed.box, frame));
        if (outside) problems.push(`${placed.className} "${placed.text}" at [${round(placed.box)}] outside [${round(outside)}]`);
    }
    return problems;
}
