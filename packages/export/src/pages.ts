/**
 * Fits a laid-out blueprint on printed pages or slides without shrinking its text below 7 pt.
 * A blueprint small enough is scaled onto one page. A wide one is cut into tiles at stage
 * boundaries (and, if it is too tall, at lane boundaries); every tile repeats the lane headers at
 * its left and the stage headers on top, and the names of the three lines at its right. Tiles that
 * fit above each other share a page, so short blueprints wrap into rows of stages. The legend and the
 * numbered notes are not cut from the drawing: they are laid out again for the page and flow on
 * after the tiles, a window ending between legend rows or between notes.
 */
import {
    ANNOTATION_METRICS, flowLabelRect, headersInWindow, renderSvg, reservedTextWidth,
    type BlueprintLayout, type LaidOutFlow, type LaidOutFootnote, type LaidOutFootnoteSection, type LaidOutLegend, type LaidOutLegendEntry, type Rect, type SvgOptions
} from '@blueprint/diagram';
import { escapeXml } from '@blueprint/escape';

export type PageKind = 'a4' | 'a3' | 'slide';
export const PAGE_KINDS: readonly PageKind[] = ['a4', 'a3', 'slide'];

/** Smallest type on a page, in points (the floor for legible print). */
export const MIN_TEXT_PT = 7;
/** Smallest font size the SVG renderer uses (actor, tags, flow labels), in SVG pixels. */
export const SMALLEST_SVG_FONT_PX = 10;

/** Portrait sizes in points; slides are 16:9 at 13.33 × 7.5 in. */
const SIZES: Readonly<Record<PageKind, { width: number; height: number; landscapeOnly: boolean }>> = {
    a4: { width: 595.28, height: 841.89, landscapeOnly: false },
    a3: { width: 841.89, height: 1190.55, landscapeOnly: false },
    slide: { width: 540, height: 960, landscapeOnly: true }
};

const MARGIN_PT = 24;
/** Above each page's tiles: the title and the page number (one line). */
const PAGE_HEADER_PT = 22;
/** The headline (time against the standard) below the title when it does not fit beside it: one 10 pt line each. */
const HEADLINE_LINE_PT = 13;
const TITLE_PT = 13;
const HEADLINE_PT = 10;
/** Any page number the title may carry, for measuring before the page count is known. */
const WIDEST_PAGE_NUMBER = ' (88/88)';
const TILE_GAP_PT = 14;
/** The lane header column of the SVG (x 16..166) and a little air. */
const LANE_HEADER_PX = 170;
/** The stage header strip above the first lane (the renderer draws it 30 px above). */
const STAGE_STRIP_PX = 34;
/** Scale for tiles: one CSS pixel is 0.75 pt, so 10 px type prints at 7.5 pt. */
const TILE_SCALE = 0.75;
/** Never enlarge beyond print size when a small blueprint fits a page. */
const MAX_SCALE = 1;
/** Where lanes, legend and notes start on the left. */
const LANE_X_PX = 16;
/** Type sizes of the renderer's stage labels (bold) and line names (italic), in SVG pixels. */
const STAGE_LABEL_PX = 12;
const LINE_LABEL_PX = 11;
/** Line names end this far inside a tile's right edge. */
const LINE_LABEL_INSET_PX = 4;

export interface Page {
    /** In points. */
    readonly width: number;
    readonly height: number;
    /** A standalone SVG whose user unit is one point. */
    readonly svg: string;
}

export interface PagedExport {
    readonly pages: readonly Page[];
    /** Points per SVG pixel used for the diagram. */
    readonly scale: number;
}

interface Range { readonly start: number; readonly end: number }
/** A window onto the drawing: its lane header column, its stage strip and the lanes between `columns` and `band`. */
interface DrawingTile { readonly kind: 'drawing'; readonly columns: Range; readonly band: Range }
/** A window of legend rows and numbered notes, laid out for the page (`layout` holds only them), shown from `view`. */
interface NotesTile { readonly kind: 'notes'; readonly layout: BlueprintLayout; readonly view: Box }
type Tile = DrawingTile | NotesTile;
interface Box { readonly x: number; readonly y: number; readonly width: number; readonly height: number }

/**
 * One page the size of the drawing itself (1 px = 0.75 pt), for `--format pdf` without `--page`.
 */
export function wholeDrawingPage(layout: BlueprintLayout, options: SvgOptions): Page {
    clipCounter = 0;
    const width = layout.width * TILE_SCALE;
    const height = layout.height * TILE_SCALE;
    const inner = reframe(renderSvg(layout, options), { x: 0, y: 0, view: { x: 0, y: 0, width: layout.width, height: layout.height } });
    // The drawing has its own title: the page adds none.
    return { width, height, svg: pageSvg(width, height, `<g transform="scale(${TILE_SCALE})">${inner}</g>`, layout.title, options.fontFamily) };
}

export function fitToPages(layout: BlueprintLayout, kind: PageKind, options: SvgOptions): PagedExport {
    // Window ids count from 1 in every export, so the same input gives the same file.
    clipCounter = 0;
    const candidates = orientations(kind).flatMap(size => tileScales(layout, size).map(scale => planPages(layout, size, scale)));
    // Fewer pages wins; on a tie, the drawing cut into fewer pieces (a small blueprint whole on one page, its
    // legend on the next, rather than cut in two at print size), then the larger scale (the first candidate of
    // equals: landscape before portrait).
    const plan = candidates.reduce((best, candidate) => {
        if (candidate.pageCount !== best.pageCount) return candidate.pageCount < best.pageCount ? candidate : best;
        if (candidate.drawingTiles !== best.drawingTiles) return candidate.drawingTiles < best.drawingTiles ? candidate : best;
        return candidate.scale > best.scale ? candidate : best;
    });
    return { scale: plan.scale, pages: drawPages(layout, plan, options) };
}

/**
 * The scales tried on one page size: the fixed steps down to the floor, and the scale at which the
 * drawing without its legend and notes fills one page, when that is above the floor (the notes then
 * flow onto the next page).
 */
function tileScales(layout: BlueprintLayout, size: PageSize): number[] {
    const body = bodyExtent(layout);
    const usableWidth = size.width - 2 * MARGIN_PT;
    const usableHeight = size.height - 2 * MARGIN_PT - pageHeader(layout, size.width).height;
    const widthPx = LANE_HEADER_PX + (body.columns.end - body.columns.start);
    const heightPx = STAGE_STRIP_PX + (body.band.end - body.band.start);
    const whole = floorScale(Math.min(usableWidth / widthPx, usableHeight / heightPx, MAX_SCALE));
    const floor = MIN_TEXT_PT / SMALLEST_SVG_FONT_PX;
    return whole >= floor && !TILE_SCALES.includes(whole) ? [whole, ...TILE_SCALES] : [...TILE_SCALES];
}

/**
 * Scales tried for a blueprint cut into tiles, from print size down to the 7 pt floor: a little
 * smaller often lets two rows of stages share a page (fewer pages for the same drawing).
 */
const TILE_SCALES: readonly number[] = [TILE_SCALE, 0.73, 0.72, MIN_TEXT_PT / SMALLEST_SVG_FONT_PX];

interface PageSize { readonly width: number; readonly height: number }

interface Plan {
    readonly size: PageSize;
    readonly scale: number;
    /** Tiles per page, top to bottom. */
    readonly pagesOfTiles: readonly (readonly Tile[])[];
    readonly pageCount: number;
    /** How many pieces the drawing is cut into. */
    readonly drawingTiles: number;
}

function orientations(kind: PageKind): PageSize[] {
    const size = SIZES[kind];
    const landscape = { width: size.height, height: size.width };
    return size.landscapeOnly ? [landscape] : [landscape, { width: size.width, height: size.height }];
}

function planPages(layout: BlueprintLayout, size: PageSize, tileScale: number): Plan {
    const usableWidth = size.width - 2 * MARGIN_PT;
    const usableHeight = size.height - 2 * MARGIN_PT - pageHeader(layout, size.width).height;
    const body = bodyExtent(layout);
    const lanesBottom = body.band.end;
    const fullWidthPx = LANE_HEADER_PX + (body.columns.end - body.columns.start);
    const notesPx = notesHeight(layout, lanesBottom);
    const fullHeightPx = STAGE_STRIP_PX + (body.band.end - body.band.start) + notesPx;
    const fitScale = floorScale(Math.min(usableWidth / fullWidthPx, usableHeight / fullHeightPx, MAX_SCALE));
    if (fitScale * SMALLEST_SVG_FONT_PX >= MIN_TEXT_PT) {
        // Everything fits on one page as drawn: the notes window shows the drawing's own legend and notes.
        const notes: Tile[] = notesPx > 0 ? [{ kind: 'notes', layout: notesOnly(layout), view: { x: 0, y: lanesBottom, width: layout.width, height: notesPx } }] : [];
        return { size, scale: fitScale, pagesOfTiles: [[body, ...notes]], pageCount: 1, drawingTiles: 1 };
    }
    const scale = tileScale;
    const columnWidthPx = usableWidth / scale - LANE_HEADER_PX;
    const bandHeightPx = usableHeight / scale - STAGE_STRIP_PX;
    const columns = cutColumns(layout, body.columns, columnWidthPx);
    const bands = cutBands(layout, body.band, bandHeightPx);
    // Column by column (each stage's lanes together), or band by band when that needs fewer pages.
    const byColumn = columns.flatMap(columnRange => bands.map((band): DrawingTile => ({ kind: 'drawing', columns: columnRange, band })));
    const byBand = bands.flatMap(band => columns.map((columnRange): DrawingTile => ({ kind: 'drawing', columns: columnRange, band })));
    const withNotes = (tiles: DrawingTile[]) => flowNotesOnto(stackOnPages(tiles, scale, usableHeight), layout, scale, usableWidth, usableHeight);
    const stackedByColumn = withNotes(byColumn);
    const stackedByBand = withNotes(byBand);
    const pagesOfTiles = stackedByBand.length < stackedByColumn.length ? stackedByBand : stackedByColumn;
    return { size, scale, pagesOfTiles, pageCount: pagesOfTiles.length, drawingTiles: columns.length * bands.length };
}

/** Puts tiles above each other on a page while they fit (stages wrapped into rows). */
function stackOnPages(tiles: readonly Tile[], scale: number, usableHeight: number): Tile[][] {
    const pages: Tile[][] = [];
    let current: Tile[] = [];
    let used = 0;
    for (const tile of tiles) {
        const height = tileHeight(tile) * scale;
        if (current.length > 0 && used + TILE_GAP_PT + height > usableHeight) {
            pages.push(current);
            current = [];
        }
        used = current.length === 0 ? height : used + TILE_GAP_PT + height;
        current.push(tile);
    }
    if (current.length > 0) pages.push(current);
    return pages;
}

function tileHeight(tile: Tile): number {
    return tile.kind === 'notes' ? tile.view.height : STAGE_STRIP_PX + tile.band.end - tile.band.start;
}

/** Height of what lies below the lanes (legend, footnotes), 0 when nothing does. */
function notesHeight(layout: BlueprintLayout, lanesBottom: number): number {
    const hasNotes = layout.legend !== undefined || (layout.footnotes?.length ?? 0) > 0;
    return hasNotes ? Math.max(0, layout.height - lanesBottom) : 0;
}

/** The drawing with nothing but its legend and footnotes (and no title). */
function notesOnly(layout: BlueprintLayout): BlueprintLayout {
    return { ...layout, title: '', processTime: undefined, lanes: [], lines: [], stages: [], steps: [], flows: [], gateways: [] };
}

/**
 * The legend and the numbered notes as flowing content after the drawing's tiles: first into the
 * room left on the last page, then onto pages of their own. They are laid out again for the page's
 * width, legend rows and notes whole: a window ends between two rows or two notes, never through one.
 */
function flowNotesOnto(pages: Tile[][], layout: BlueprintLayout, scale: number, usableWidth: number, usableHeight: number): Tile[][] {
    const last = pages[pages.length - 1];
    const used = last ? last.reduce((sum, tile, index) => sum + (index > 0 ? TILE_GAP_PT : 0) + tileHeight(tile) * scale, 0) : 0;
    const roomLeft = last ? (usableHeight - used - TILE_GAP_PT) / scale : usableHeight / scale;
    const windows = paginateNotes(layout, usableWidth / scale, roomLeft, usableHeight / scale);
    const result = pages.map(page => [...page]);
    windows.forEach((window, index) => {
        if (index === 0 && window.onFirstRoom && last) result[result.length - 1].push(window.tile);
        else result.push([window.tile]);
    });
    return result;
}

interface NotesWindow { readonly tile: NotesTile; readonly onFirstRoom: boolean }

/** Lays the legend rows and the notes out top to bottom in windows `width` wide: the first `firstRoom` high, the others `pageRoom`. */
function paginateNotes(layout: BlueprintLayout, width: number, firstRoom: number, pageRoom: number): NotesWindow[] {
    const m = ANNOTATION_METRICS;
    const legend = layout.legend;
    const sections = layout.footnotes ?? [];
    if (!legend && sections.length === 0) return [];
    const left = LANE_X_PX;
    const innerWidth = Math.max(1, width - 2 * left);
    const windows: NotesWindow[] = [];
    let room = firstRoom;
    let onFirstRoom = true;
    let y = 0;
    let legendPart: LaidOutLegendEntry[] = [];
    let legendTop = 0;
    let sectionParts: LaidOutFootnoteSection[] = [];
    const flushLegend = () => {
        if (legend && legendPart.length > 0) {
            const rowsBottom = Math.max(...legendPart.map(entry => entry.y)) + m.legendRowHeight;
            currentLegend = { ...legend, x: left, y: legendTop, width: innerWidth, height: rowsBottom - legendTop, entries: legendPart };
        }
        legendPart = [];
    };
    let currentLegend: LaidOutLegend | undefined;
    const closeWindow = () => {
        flushLegend();
        if (currentLegend || sectionParts.length > 0) {
            // A little air below the last row or note, but never past the room the window has.
            const height = Math.min(Math.ceil(y + m.margin / 2), Math.floor(room));
            const windowLayout: BlueprintLayout = { ...notesOnly(layout), width: Math.floor(width), height, legend: currentLegend, footnotes: sectionParts };
            windows.push({ tile: { kind: 'notes', layout: windowLayout, view: { x: 0, y: 0, width: Math.floor(width), height } }, onFirstRoom });
        } else if (!onFirstRoom) {
            return;
        }
        currentLegend = undefined;
        sectionParts = [];
        y = 0;
        room = pageRoom;
        onFirstRoom = false;
    };
    /** Starts a new window unless `height` more fits in this one (an empty page takes it anyway). */
    const makeRoom = (height: number) => {
        const empty = !currentLegend && legendPart.length === 0 && sectionParts.length === 0;
        if (y + height > room && !(empty && !onFirstRoom)) closeWindow();
    };

    if (legend && legend.entries.length > 0) {
        // The entries in rows of the page's width, in their order.
        const rows: LaidOutLegendEntry[][] = [];
        let row: LaidOutLegendEntry[] = [];
        let x = left;
        for (const entry of legend.entries) {
            if (row.length > 0 && x + entry.width > left + innerWidth) {
                rows.push(row);
                row = [];
                x = left;
            }
            row.push({ ...entry, x });
            x += entry.width + m.legendEntryGap;
        }
        rows.push(row);
        for (const [index, entries] of rows.entries()) {
            // The title stays with the first row; a window that continues the legend repeats it.
            makeRoom((legendPart.length === 0 ? m.titleHeight : 0) + m.legendRowHeight);
            if (legendPart.length === 0) {
                legendTop = y;
                y += m.titleHeight;
            }
            legendPart.push(...entries.map(entry => ({ ...entry, y })));
            y += m.legendRowHeight;
            if (index === rows.length - 1) flushLegend();
        }
        y += m.sectionGap;
    }

    const columnCount = Math.max(1, Math.floor((innerWidth + m.footnoteColumnGap) / (m.footnoteColumnWidth + m.footnoteColumnGap)));
    for (const section of sections) {
        let bottoms: number[] = [];
        let entries: LaidOutFootnote[] = [];
        let sectionTop = 0;
        const startSection = () => {
            sectionTop = y;
            bottoms = new Array<number>(columnCount).fill(y + m.titleHeight);
            entries = [];
        };
        const endSection = () => {
            if (entries.length === 0) return;
            sectionParts.push({ ...section, x: left, y: sectionTop, entries });
            y = Math.max(...bottoms) - m.footnoteGap;
            entries = [];
        };
        makeRoom(m.titleHeight + (section.entries[0]?.height ?? 0));
        startSection();
        for (const note of section.entries) {
            for (const piece of notePieces(note, pageRoom - m.titleHeight - m.margin)) {
                let column = shortestColumn(bottoms);
                if (bottoms[column] + piece.height > room) {
                    endSection();
                    y = Math.max(y, sectionTop);
                    closeWindow();
                    startSection();
                    column = shortestColumn(bottoms);
                }
                const x = left + column * (m.footnoteColumnWidth + m.footnoteColumnGap);
                entries.push({ ...piece, x, textX: x + (note.textX - note.x), y: bottoms[column] });
                bottoms[column] += piece.height + m.footnoteGap;
            }
        }
        endSection();
        y += m.sectionGap;
    }
    closeWindow();
    return windows;
}

function shortestColumn(bottoms: readonly number[]): number {
    let best = 0;
    for (let column = 1; column < bottoms.length; column++) if (bottoms[column] < bottoms[best]) best = column;
    return best;
}

/** A note taller than a page, cut between its lines (the ref stays on the first piece); any other note whole. */
function notePieces(note: LaidOutFootnote, maxHeight: number): LaidOutFootnote[] {
    const perPiece = Math.max(1, Math.floor(maxHeight / note.lineHeight));
    if (note.lines.length <= perPiece) return [note];
    const pieces: LaidOutFootnote[] = [];
    for (let start = 0; start < note.lines.length; start += perPiece) {
        const lines = note.lines.slice(start, start + perPiece);
        pieces.push({ ...note, ref: start === 0 ? note.ref : '', lines, headingLines: Math.max(0, note.headingLines - start), height: lines.length * note.lineHeight });
    }
    return pieces;
}

/** The drawing without the lane header column and the stage strip: what tiles cut up. */
function bodyExtent(layout: BlueprintLayout): DrawingTile {
    const top = layout.lanes[0]?.y ?? 0;
    // Down to the last lane or box; the drawing's bottom margin would otherwise become a page of its own.
    // A loop, not a spread: tens of thousands of arguments overflow the stack.
    let bottom = top + 1;
    for (const lane of layout.lanes) bottom = Math.max(bottom, lane.y + lane.height);
    for (const step of layout.steps) bottom = Math.max(bottom, step.y + step.height + 4);
    return { kind: 'drawing', columns: { start: LANE_HEADER_PX, end: Math.max(LANE_HEADER_PX + 1, layout.width - 8) }, band: { start: top, end: Math.min(bottom, Math.max(top + 1, layout.height)) } };
}

/** Column cuts at stage boundaries; a stage wider than a page is cut between boxes where it can be. */
function cutColumns(layout: BlueprintLayout, extent: Range, maxWidth: number): Range[] {
    const boundaries = [...new Set(layout.stages.map(stage => stage.x + stage.width).filter(x => x > extent.start && x < extent.end))].sort((a, b) => a - b);
    const spans = [
        ...layout.steps.map(step => ({ start: step.x - 4, end: step.x + step.width + 4 })),
        ...labelBoxes(layout).map(box => ({ start: box.x - 2, end: box.x + box.width + 2 }))
    ];
    // Each stage (and the drawing as a whole) must not be left as a sliver at a page's edge.
    const regions = [extent, ...layout.stages.map(stage => ({ start: stage.x, end: stage.x + stage.width }))];
    return cut(extent, maxWidth, boundaries, spans, regions);
}

/** Band cuts at lane boundaries; whatever lies below the last lane (legend, notes) stays with it if it fits. */
function cutBands(layout: BlueprintLayout, extent: Range, maxHeight: number): Range[] {
    const boundaries = layout.lanes.map(lane => lane.y + lane.height).filter(y => y > extent.start && y < extent.end);
    const spans = [
        ...layout.steps.map(step => ({ start: step.y - 4, end: step.y + step.height + 4 })),
        ...labelBoxes(layout).map(box => ({ start: box.y - 2, end: box.y + box.height + 2 }))
    ];
    return cut(extent, maxHeight, boundaries, spans, [extent]);
}

/** Where the flow labels are drawn: a window edge must not slice one. */
function labelBoxes(layout: BlueprintLayout): Rect[] {
    const boxes: Rect[] = [];
    for (const flow of layout.flows) {
        const box = flowLabelRect(flow);
        if (box) boxes.push(box);
    }
    return boxes;
}

/** The least of a stage (or of the drawing) a cut through it leaves on either side, in pixels. */
const MIN_PART_PX = 200;

/**
 * Greedy cutting of `extent` into pieces at most `max` long: at the last preferred boundary that
 * fits, else at the last position no span crosses that leaves no sliver of a region on either side,
 * else at any earlier preferred boundary, else at any free position, else hard at `max`.
 */
function cut(extent: Range, max: number, preferred: readonly number[], spans: readonly Range[], regions: readonly Range[]): Range[] {
    const pieces: Range[] = [];
    let start = extent.start;
    while (extent.end - start > max) {
        const limit = start + max;
        const boundaries = [...preferred].reverse().filter(position => position > start && position <= limit && !crosses(spans, position));
        // A stage boundary is the nicest cut, unless it leaves much of the page empty.
        const at = boundaries.find(position => position > start + 0.6 * max)
            ?? freePosition(start + max / 4, limit, position => !crosses(spans, position) && !leavesSliver(regions, start, position))
            ?? boundaries[0]
            ?? freePosition(start + max / 4, limit, position => !crosses(spans, position))
            ?? limit;
        pieces.push({ start, end: at });
        start = at;
    }
    pieces.push({ start, end: extent.end });
    return pieces;
}

function freePosition(low: number, high: number, allowed: (position: number) => boolean): number | undefined {
    for (let position = Math.floor(high); position > low; position -= 4) {
        if (allowed(position)) return position;
    }
    return undefined;
}

/**
 * Whether a cut at `position` (of a piece starting at `start`) leaves a narrow strip of a region
 * it passes through: at the end of this piece (the region begins just before the cut) or at the start
 * of the next (the region ends just after it).
 */
function leavesSliver(regions: readonly Range[], start: number, position: number): boolean {
    return regions.some(region => {
        if (region.start >= position || region.end <= position) return false;
        const least = Math.min(MIN_PART_PX, (region.end - region.start) / 3);
        return (region.start >= start && position - region.start < least) || region.end - position < least;
    });
}

function crosses(spans: readonly Range[], position: number): boolean {
    return spans.some(span => span.start < position && span.end > position);
}

function drawPages(layout: BlueprintLayout, plan: Plan, options: SvgOptions): Page[] {
    const { size, scale } = plan;
    const total = plan.pagesOfTiles.length;
    const header = pageHeader(layout, size.width);
    return plan.pagesOfTiles.map((tiles, pageIndex) => {
        const parts: string[] = [];
        let y = MARGIN_PT + header.height;
        for (const tile of tiles) {
            parts.push(`<g transform="translate(${MARGIN_PT} ${round(y)}) scale(${scale})">${drawTile(layout, tile, options)}</g>`);
            y += tileHeight(tile) * scale + TILE_GAP_PT;
        }
        const heading = fitText(total > 1 ? `${layout.title} (${pageIndex + 1}/${total})` : layout.title, size.width - 2 * MARGIN_PT, TITLE_PT, true);
        return { width: size.width, height: size.height, svg: pageSvg(size.width, size.height, parts.join(''), heading, options.fontFamily, header) };
    });
}

/** A tile: the lane header column, the stage strip and the body, each a viewport onto the drawing. */
function drawTile(full: BlueprintLayout, tile: Tile, options: SvgOptions): string {
    if (tile.kind === 'notes') return reframe(renderSvg(tile.layout, options), { x: 0, y: 0, view: tile.view });
    // The legend and footnotes get windows of their own; the headline goes with the page's title.
    const layout: BlueprintLayout = { ...full, legend: undefined, footnotes: undefined, processTime: undefined };
    const top = layout.lanes[0]?.y ?? 0;
    const columnWidth = tile.columns.end - tile.columns.start;
    const bandHeight = tile.band.end - tile.band.start;
    const blankLanes = layout.lanes.map(lane => ({ ...lane, label: '' }));
    const inColumns = (x: number, width: number) => x < tile.columns.end && x + width > tile.columns.start;
    const inBand = (y: number, height: number) => y < tile.band.end && y + height > tile.band.start;

    // Only what the viewport shows is drawn into it, so a PDF holds no hidden, clipped text; a stage
    // cut by the tile edge is labelled in the middle of its visible part.
    const shown = headersInWindow(layout, { x: tile.columns.start, y: tile.band.start, width: columnWidth, height: bandHeight });
    const headers: BlueprintLayout = { ...layout, title: '', stages: [], steps: [], flows: [], gateways: [], lines: [], width: LANE_HEADER_PX + 8, lanes: [...shown.lanes] };
    // A stage label wider than the stage's part in this tile is shortened, not clipped mid-word.
    const stageLabels = shown.stages.map(stage => ({ ...stage, label: fitText(stage.label, stage.width - 8, STAGE_LABEL_PX, true) }));
    const stageStrip: BlueprintLayout = { ...layout, title: '', lanes: blankLanes, lines: [], steps: [], flows: [], gateways: [], stages: stageLabels };
    const body: BlueprintLayout = {
        ...layout,
        title: '',
        lanes: blankLanes,
        stages: layout.stages.filter(stage => inColumns(stage.x, stage.width)).map(stage => ({ ...stage, label: '' })),
        steps: layout.steps.filter(step => inColumns(step.x, step.width) && inBand(step.y, step.height)),
        flows: flowsInTile(layout.flows, tile),
        gateways: (layout.gateways ?? []).filter(gateway => inColumns(gateway.x - gateway.halfWidth, 2 * gateway.halfWidth) && inBand(gateway.y - gateway.halfHeight, 2 * gateway.halfHeight)),
        // The renderer writes line names right-aligned at `width - 20`: put them just inside this tile's right edge
        // (italic glyphs lean past their advance), shortened if the tile is narrower than the name.
        width: tile.columns.end - LINE_LABEL_INSET_PX + 20,
        lines: layout.lines.filter(line => line.y > tile.band.start && line.y < tile.band.end)
            .map(line => ({ ...line, label: fitText(line.label, columnWidth - 2 * LINE_LABEL_INSET_PX, LINE_LABEL_PX) }))
    };
    const bodyView = { x: tile.columns.start, y: tile.band.start, width: columnWidth, height: bandHeight };
    return reframe(renderSvg(headers, options), { x: 0, y: STAGE_STRIP_PX, view: { x: 0, y: tile.band.start, width: LANE_HEADER_PX, height: bandHeight } })
        + reframe(renderSvg(stageStrip, options), { x: LANE_HEADER_PX, y: 0, view: { x: tile.columns.start, y: top - STAGE_STRIP_PX, width: columnWidth, height: STAGE_STRIP_PX } })
        + reframe(renderSvg(body, options), { x: LANE_HEADER_PX, y: STAGE_STRIP_PX, view: bodyView });
}

/**
 * The flows a tile draws: those that pass through it, each labelled only in the tile that holds the
 * middle of its label (elsewhere the label would be drawn outside the window: hidden, yet in the PDF's
 * text), and those whose label alone lies in it.
 */
function flowsInTile(flows: readonly LaidOutFlow[], tile: DrawingTile): LaidOutFlow[] {
    const holds = (box: Rect) => {
        const x = box.x + box.width / 2;
        const y = box.y + box.height / 2;
        return x >= tile.columns.start && x < tile.columns.end && y >= tile.band.start && y < tile.band.end;
    };
    return flows.flatMap(flow => {
        const box = flowLabelRect(flow);
        const labelHere = box !== undefined && holds(box);
        if (labelHere) return [flow];
        if (!flowTouches(flow, tile)) return [];
        return [box ? { ...flow, label: undefined, labelBox: undefined } : flow];
    });
}

function flowTouches(flow: LaidOutFlow, tile: DrawingTile): boolean {
    for (let i = 1; i < flow.points.length; i++) {
        const a = flow.points[i - 1];
        const b = flow.points[i];
        const overlapsX = Math.min(a.x, b.x) <= tile.columns.end && Math.max(a.x, b.x) >= tile.columns.start;
        const overlapsY = Math.min(a.y, b.y) <= tile.band.end && Math.max(a.y, b.y) >= tile.band.start;
        if (overlapsX && overlapsY) return true;
    }
    return false;
}

let clipCounter = 0;

interface Frame {
    readonly x: number;
    readonly y: number;
    /** The part of the drawing shown, in its own pixels, drawn at (x, y) unscaled. */
    readonly view: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}


/**
 * Turns a standalone diagram SVG into a clipped window onto it: a group that keeps its class (fonts
 * and colours hang on it), moved so that `view` lands at (x, y) and clipped to it. (A group with a
 * clip path rather than a nested `<svg>`: resvg 2.6 fails on markers inside nested viewports.)
 */
export function reframe(svg: string, frame: Frame): string {
    const open = /^<svg\b[^>]*>/.exec(svg);
    if (!open) throw new Error('not an SVG document');
    const className = /\bclass="([^"]*)"/.exec(open[0])?.[1] ?? 'bp-diagram';
    const { view } = frame;
    const id = `bp-window-${++clipCounter}`;
    const inner = svg.slice(open[0].length).replace(/<title>[^<]*<\/title>\n?/, '').trimEnd().replace(/<\/svg>$/, '');
    return `<clipPath id="${id}"><rect x="${round(view.x)}" y="${round(view.y)}" width="${round(view.width)}" height="${round(view.height)}"/></clipPath>`
        + `<g class="${className}" transform="translate(${round(frame.x - view.x)} ${round(frame.y - view.y)})" clip-path="url(#${id})">${inner}</g>`;
}

/** Where a page's title and the drawing's headline go: the headline beside the title, or below it in lines when it does not fit there. */
interface PageHeader {
    /** From the top margin to the first tile, in points. */
    readonly height: number;
    /** Beside the title (`x` set) or on lines of their own below it. */
    readonly headline?: { readonly lines: readonly string[]; readonly x?: number; readonly over: boolean };
}

function pageHeader(layout: BlueprintLayout, pageWidth: number): PageHeader {
    const time = layout.processTime;
    if (!time || time.text === '') return { height: PAGE_HEADER_PT };
    const right = pageWidth - MARGIN_PT;
    const besideX = MARGIN_PT + reservedTextWidth(layout.title + WIDEST_PAGE_NUMBER, TITLE_PT, true) + 18;
    if (besideX + reservedTextWidth(time.text, HEADLINE_PT) <= right) {
        return { height: PAGE_HEADER_PT, headline: { lines: [time.text], x: besideX, over: time.over } };
    }
    const lines = wrapWords(time.text, right - MARGIN_PT, HEADLINE_PT);
    return { height: PAGE_HEADER_PT + lines.length * HEADLINE_LINE_PT, headline: { lines, over: time.over } };
}

/** Lines at most `width` wide, broken between words (a word longer than a line is cut with an ellipsis). */
function wrapWords(text: string, width: number, fontSize: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(part => part !== '')) {
        const candidate = line === '' ? word : `${line} ${word}`;
        if (line !== '' && reservedTextWidth(candidate, fontSize) > width) {
            lines.push(line);
            line = word;
        } else {
            line = candidate;
        }
    }
    if (line !== '') lines.push(line);
    return lines.map(part => fitText(part, width, fontSize));
}

/** `text`, shortened with an ellipsis until it is at most `width` wide. */
export function fitText(text: string, width: number, fontSize: number, bold = false): string {
    if (reservedTextWidth(text, fontSize, bold) <= width) return text;
    const characters = [...text];
    while (characters.length > 0 && reservedTextWidth(characters.join('') + '…', fontSize, bold) > width) characters.pop();
    return characters.length > 0 ? characters.join('').trimEnd() + '…' : '';
}

function pageSvg(width: number, height: number, content: string, heading: string, fontFamily = 'sans-serif', header?: PageHeader): string {
    const title = escapeXml(heading);
    const font = escapeXml(fontFamily);
    // The drawing's headline (expected and worst-case time against the standard) goes with each page's title: the tiles do not show the drawing's top.
    const headline = header?.headline;
    const headlineText = headline
        ? headline.lines.map((line, index) => {
            const x = headline.x ?? MARGIN_PT;
            const y = MARGIN_PT + 12 + (headline.x !== undefined ? 0 : (index + 1) * HEADLINE_LINE_PT);
            return `<text x="${round(x)}" y="${round(y)}" font-family="${font}" font-size="${HEADLINE_PT}" fill="${headline.over ? '#cf222e' : '#59636e'}" class="bp-page-time">${escapeXml(line)}</text>`;
        }).join('')
        : '';
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${round(width)}" height="${round(height)}" viewBox="0 0 ${round(width)} ${round(height)}">`
        + `<title>${title}</title>`
        + `<rect x="0" y="0" width="${round(width)}" height="${round(height)}" fill="#ffffff"/>`
        + (header ? `<text x="${MARGIN_PT}" y="${MARGIN_PT + 12}" font-family="${font}" font-size="${TITLE_PT}" font-weight="700" fill="#1f2328" class="bp-page-title">${title}</text>` : '') + headlineText
        + content + '</svg>\n';
}

/** A scale written as is in the page (four decimals, rounded down: a page-filling drawing must not grow past the margin). */
function floorScale(scale: number): number {
    return Math.floor(scale * 10_000) / 10_000;
}

function round(value: number): number {
    return Math.round(value * 100) / 100;
}
