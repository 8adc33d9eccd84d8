/** Loading examples and checking the geometric invariants every laid-out blueprint must satisfy. */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBlueprintServices, loadAndValidate, validateText, type BlueprintModel } from '@blueprint/language';
import type { BlueprintLayout, LaidOutStep } from '@blueprint/diagram';
import { URI } from 'langium';
import { EmptyFileSystem } from 'langium';
import { NodeFileSystem } from 'langium/node';

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
    const errors = (documents[0].diagnostics ?? []).filter(d => d.severity === 1).map(d => d.message);
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
