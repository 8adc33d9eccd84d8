/**
 * The imported blueprint as `.blueprint` text in the canonical layout (declarations, steps in row
 * order, evidence, flows); the caller runs the language's formatter over it.
 */
import type { ImportedBlock, ImportedBlueprint, ImportedRemedy, ImportedStep } from './build-blueprint.js';
import { blueprintString } from '../workbook/cell-syntax.js';

export { blueprintString };

export function blueprintText(blueprint: ImportedBlueprint, source: string): string {
    const out: string[] = [`// Imported from ${source.replace(/[\r\n]/g, ' ')} by \`blueprint import\`.`, `blueprint ${blueprint.name} ${blueprintString(blueprint.title)} {`];
    const section = (lines: string[]) => {
        if (lines.length > 0) out.push(...lines.map(l => `    ${l}`), '');
    };
    section([...blueprint.language ? [`language ${blueprint.language}`] : [], ...blueprint.description !== undefined ? [`description ${blueprintString(blueprint.description)}`] : [],
        ...(blueprint.policies ?? []).map(policy => `policy ${blueprintString(policy)}`),
        ...blueprint.tolerance ? [`tolerance ${blueprint.tolerance}`] : []]);
    section([
        ...blueprint.laneLabels.map(l => `lane ${l.kind} ${blueprintString(l.label)}`),
        ...blueprint.customLanes.map(l => `lane ${l.name} ${blueprintString(l.label)} ${l.position} ${l.anchor}`),
        ...blueprint.lines.map(l => `line ${l.kind}${l.label !== undefined ? ` ${blueprintString(l.label)}` : ''}`)
    ]);
    section(blueprint.stages.map(s => `stage ${s.name} ${blueprintString(s.label)}`));
    section(blueprint.segments.map(s => `segment ${s.name} ${blueprintString(s.label)}`));
    section(blueprint.personas.flatMap(p => withNotes(`persona ${p.name} ${blueprintString(p.label)}${p.segment ? ` in ${p.segment}` : ''}`, p.notes)));
    section([
        ...blueprint.actors.flatMap(a => withNotes(`${a.system ? 'system' : 'actor'} ${a.name} ${blueprintString(a.label)}`, a.notes)),
        ...blueprint.channels.map(c => `channel ${c.name} ${blueprintString(c.label)}${c.distance ? ` ${c.distance}` : ''}${c.selfService ? ' self-service' : ''}`)
    ]);
    for (const step of blueprint.steps) section(stepLines(step));
    section(blueprint.evidence.map(e => `evidence ${e.name} ${blueprintString(e.label)}${e.stage ? ` in ${e.stage}` : ''}`));
    section(blueprint.flows.map(f => `flow ${f.from} ${f.arrow} ${f.to}${f.share ? ` ${f.share}` : ''}${f.label !== undefined ? ` ${blueprintString(f.label)}` : ''}${f.loop ? ` ${f.loop}` : ''}`));
    for (const block of blueprint.blocks) section(blockLines(block));
    section(blueprint.metrics.map(m => `metric ${m.name}${m.label !== undefined ? ` ${blueprintString(m.label)}` : ''}${m.steps.length > 0 ? ` on ${m.steps.join(', ')}` : ''}${m.target ? ` target ${m.target}` : ''}`));
    while (out[out.length - 1] === '') out.pop();
    out.push('}', '');
    return out.join('\n');
}

/** A declaration with its notes in braces, as a step's. */
function withNotes(head: string, notes: readonly string[]): string[] {
    return notes.length === 0 ? [head] : [`${head} {`, ...notes.map(n => `    note ${blueprintString(n)}`), '}'];
}

function blockLines(block: ImportedBlock): string[] {
    return [
        `${block.kind} ${block.step}${block.label !== undefined ? ` ${blueprintString(block.label)}` : ''} {`,
        ...block.branches.map(b => `    ${b.arrow} ${b.to}${b.share ? ` ${b.share}` : ''}${b.label !== undefined ? ` ${blueprintString(b.label)}` : ''}`),
        `}${block.join ? ` join ${block.join}` : ''}`
    ];
}

function remedy(r: ImportedRemedy): string {
    return `${blueprintString(r.text)}${r.pokaYoke ? ` poka-yoke ${r.pokaYoke}` : ''}${r.steps.length > 0 ? ` by ${r.steps.join(', ')}` : ''}`;
}

function stepLines(step: ImportedStep): string[] {
    const head = `${step.custom ? `lane ${step.lane}` : step.lane} ${step.id} ${blueprintString(step.label)}`
        + (step.stage ? ` in ${step.stage}` : '') + (step.actor ? ` by ${step.actor}` : '') + (step.channel ? ` via ${step.channel}` : '')
        + (step.segments.length > 0 ? ` for ${step.segments.join(', ')}` : '');
    const body: string[] = [
        ...(step.start ? ['start'] : []),
        ...(step.independent ? ['independent'] : []),
        ...step.evidence.map(e => `evidence ${blueprintString(e)}`),
        ...(step.duration ? [`duration ${step.duration}${step.durationTolerance ? ` tolerance ${step.durationTolerance}` : ''}`] : []),
        ...(step.wait || step.waitTolerance ? [`wait${step.wait ? ` ${step.wait}` : ''}${step.waitTolerance ? ` tolerance ${step.waitTolerance}` : ''}`] : []),
        ...step.failPoints.map(f => `fail ${blueprintString(f.cause)}${f.rate ? ` rate ${f.rate}` : ''}`
            + f.preventions.map(p => ` prevention ${remedy(p)}`).join('') + f.recoveries.map(r => ` recovery ${remedy(r)}`).join('')),
        ...(step.moment ? [`moment${step.moment.reason ? ` ${blueprintString(step.moment.reason)}` : ''}`] : []),
        ...(step.emotion ? [`emotion ${step.emotion.feeling}${step.emotion.note ? ` ${blueprintString(step.emotion.note)}` : ''}`] : []),
        ...step.notes.map(n => `note ${blueprintString(n)}`),
        ...step.policies.map(p => `policy ${blueprintString(p)}`),
        ...(step.end ? ['end'] : [])
    ];
    return body.length === 0 ? [head] : [`${head} {`, ...body.map(l => `    ${l}`), '}'];
}
