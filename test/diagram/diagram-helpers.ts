/** Loading examples and checking the geometric invariants every laid-out blueprint must satisfy. */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBlueprintServices, loadAndValidate } from '@blueprint/language';
import { type BlueprintModel } from '@blueprint/model';
import type { BlueprintLayout, LaidOutStep } from '@blueprint/diagram';
import { URI } from 'langium';
import { EmptyFileSystem } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { validateText } from '../helpers/validate-text.js';
import { diagnosticText } from '../helpers/diagnostic-text.js';

export const EXAMPLES_ROOT = fileURLToPath(new URL('../../examples/', import.meta.url));

/** Every example file present now (they are written in parallel), skipping `examples/invalid/`. */
export function listExamples(folder = EXAMPLES_ROOT): string[] {
    const files: string[] = [];
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
            if (path.relative(EXAMPLES_ROOT, full) !== 'invalid') files.push(...listExamples(full));
        } else if (entry.name.endsWith('.blueprint')) {
            files.push(full);
        }
    }
    return files.sort();
}

export async function loadExampleModel(file: string): Promise<{ model?: BlueprintModel; errors: string[] }> {
    const services = createBlueprintServices({ ...NodeFileSystem }).Blueprint;
    const { documents } = await loadAndValidate(services, [URI.file(file)]);
    const errors = (documents[0].diagnostics ?? []).filter(d => d.severity === 1).map(diagnosticText);
    return { model: services.model.BlueprintModelProvider.getDocumentModel(documents[0]), errors };
}

export async function modelFromText(text: string): Promise<BlueprintModel> {
    const services = createBlueprintServices(EmptyFileSystem).Blueprint;
    const document = await validateText(services, text);
    // Layout tests are about valid blueprints: a typo in a test text must not pass unnoticed.
    const errors = (document.diagnostics ?? []).filter(d => d.severity === 1).map(d => `${d.range.start.line + 1}: ${d.message}`);
    if (errors.length > 0) throw new Error(`the test blueprint has errors:\n${errors.join('\n')}`);
    const model = services.model.BlueprintModelProvider.getDocumentModel(document);
    if (!model) throw new Error('no blueprint in the text');
    return model;
}

const overlaps = (a: LaidOutStep, b: LaidOutStep) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** All broken invariants, as readable sentences (empty when the layout is sound). */
export function layoutViolations(layout: BlueprintLayout, model: BlueprintModel): string[] {
    const problems: string[] = [];
    const lanes = new Map(layout.lanes.map(lane => [lane.id, lane]));
    const stages = new Map(layout.stages.map(stage => [stage.id, stage]));
    for (const step of layout.steps) {
        const lane = lanes.get(step.lane);
        if (!lane) problems.push(`${step.id}: unknown lane ${step.lane}`);
        else if (step.y < lane.y || step.y + step.height > lane.y + lane.height) problems.push(`${step.id}: outside lane ${lane.id}`);
        const stage = step.stage === undefined ? undefined : stages.get(step.stage);
        if (stage && (step.x < stage.x || step.x + step.width > stage.x + stage.width)) problems.push(`${step.id}: outside stage ${stage.id}`);
        if (!(step.width > 0 && step.height > 0)) problems.push(`${step.id}: empty box`);
    }
    for (let i = 0; i < layout.steps.length; i++) {
        for (let j = i + 1; j < layout.steps.length; j++) {
            if (overlaps(layout.steps[i], layout.steps[j])) problems.push(`${layout.steps[i].id} overlaps ${layout.steps[j].id}`);
        }
    }
    const stageOrder = model.stages.map(stage => stage.id);
    const laidOutOrder = layout.stages.map(stage => stage.id);
    if (laidOutOrder.join() !== stageOrder.join()) problems.push(`stages out of order: ${laidOutOrder.join()}`);
    for (let i = 1; i < layout.stages.length; i++) {
        const before = layout.stages[i - 1];
        if (before.x + before.width > layout.stages[i].x) problems.push(`stage ${before.id} overlaps ${layout.stages[i].id}`);
    }
    for (let i = 1; i < layout.lanes.length; i++) {
        const above = layout.lanes[i - 1];
        if (above.y + above.height > layout.lanes[i].y) problems.push(`lane ${above.id} overlaps ${layout.lanes[i].id}`);
    }
    for (const flow of layout.flows) {
        if (flow.points.length < 2) problems.push(`${flow.id}: fewer than two points`);
        for (let i = 1; i < flow.points.length; i++) {
            const a = flow.points[i - 1];
            const b = flow.points[i];
            if (a.x !== b.x && a.y !== b.y) problems.push(`${flow.id}: diagonal segment ${a.x},${a.y} → ${b.x},${b.y}`);
        }
        if (!flow.loop && flow.kind !== 'evidence') {
            const start = flow.points[0];
            const end = flow.points[flow.points.length - 1];
            if (!(start.x < end.x)) problems.push(`${flow.id}: not left to right (${start.x} → ${end.x})`);
        }
        if (flow.points.some(p => p.x < 0 || p.y < 0 || p.x > layout.width || p.y > layout.height)) problems.push(`${flow.id}: outside the diagram`);
    }
    return problems;
}

type Rect = { x: number; y: number; width: number; height: number };
const rectsOverlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Rect, outer: Rect) =>
    inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/**
 * Everything drawn in a box stays in it: every badge and chip, and the label's lines, inside the
 * box and clear of each other (estimated text widths); the legend and the notes inside the drawing,
 * below the lanes, not overlapping.
 */
export function contentViolations(layout: BlueprintLayout, estimateWidth: (text: string, fontSize: number) => number): string[] {
    const problems: string[] = [];
    for (const step of layout.steps) {
        const box = { x: 0, y: 0, width: step.width, height: step.height };
        const label = {
            x: (step.width - Math.max(...step.lines.map(line => estimateWidth(line, step.fontSize)))) / 2,
            y: step.labelTop, width: Math.max(...step.lines.map(line => estimateWidth(line, step.fontSize))), height: step.lines.length * step.lineHeight
        };
        if (!inside(label, box)) problems.push(`${step.id}: label outside its box`);
        step.marks.forEach((mark, index) => {
            if (!inside(mark, box)) problems.push(`${step.id}: ${mark.kind} "${mark.lines.join(' ')}" outside its box`);
            if (rectsOverlap(mark, label)) problems.push(`${step.id}: ${mark.kind} over the label`);
            const textWidth = Math.max(...mark.lines.map(line => estimateWidth(line, 10)));
            if (textWidth > mark.width) problems.push(`${step.id}: ${mark.kind} text wider than its badge`);
            for (const other of step.marks.slice(index + 1)) {
                if (rectsOverlap(mark, other)) problems.push(`${step.id}: ${mark.kind} overlaps ${other.kind}`);
            }
        });
    }
    const lanesBottom = Math.max(...layout.lanes.map(lane => lane.y + lane.height));
    const drawing = { x: 0, y: 0, width: layout.width, height: layout.height };
    const annotations: Array<Rect & { name: string }> = [];
    for (const entry of layout.legend?.entries ?? []) annotations.push({ ...entry, name: `legend ${entry.key}` });
    for (const section of layout.footnotes ?? []) for (const note of section.entries) annotations.push({ ...note, name: `note ${note.ref}` });
    annotations.forEach((rect, index) => {
        if (!inside(rect, drawing)) problems.push(`${rect.name} outside the drawing`);
        if (rect.y < lanesBottom) problems.push(`${rect.name} over the lanes`);
        for (const other of annotations.slice(index + 1)) if (rectsOverlap(rect, other)) problems.push(`${rect.name} overlaps ${other.name}`);
    });
    return problems;
}
