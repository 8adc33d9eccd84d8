import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { layoutBlueprint, type BlueprintLayout, type LaidOutStep } from '@blueprint/diagram';
import { createBlueprintServices } from '@blueprint/language';
import { EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import { findStep, rangeContains, stepsAtPosition } from '../src/preview/step-at-position.js';
import { validateText } from '../../../test/helpers/validate-text.js';

const range = (startLine: number, startCharacter: number, endLine: number, endCharacter: number) =>
    ({ start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } });

function step(id: string, stepRange?: LaidOutStep['range']): LaidOutStep {
    return {
        id, lane: 'customer', label: id, lines: [id], x: 0, y: 0, width: 10, height: 10,
        failPoint: false, waitPoint: false, moment: false, metrics: 0, segments: [], touchpoint: false, range: stepRange,
        labelTop: 0, lineHeight: 14, fontSize: 12, marks: [],
        details: { lane: 'customer', segments: [], failPoints: [], metrics: [], notes: [] }
    };
}

function layoutOf(steps: LaidOutStep[]): BlueprintLayout {
    return { id: 'B', title: 'B', width: 100, height: 100, lanes: [], lines: [], stages: [], steps, flows: [] };
}

describe('rangeContains', () => {
    it('includes both ends and excludes positions outside', () => {
        const r = range(2, 4, 5, 5);
        expect(rangeContains(r, { line: 2, character: 4 })).toBe(true);
        expect(rangeContains(r, { line: 5, character: 5 })).toBe(true);
        expect(rangeContains(r, { line: 3, character: 0 })).toBe(true);
        expect(rangeContains(r, { line: 2, character: 3 })).toBe(false);
        expect(rangeContains(r, { line: 5, character: 6 })).toBe(false);
        expect(rangeContains(r, { line: 1, character: 80 })).toBe(false);
    });
});

describe('stepsAtPosition', () => {
    const layout = layoutOf([step('A', range(1, 4, 3, 5)), step('B', range(4, 4, 8, 5)), step('Inner', range(5, 8, 5, 30)), step('NoRange')]);

    it('finds the step whose range holds the cursor', () => {
        expect(stepsAtPosition(layout, { line: 2, character: 0 })).toEqual(['A']);
        expect(stepsAtPosition(layout, { line: 7, character: 1 })).toEqual(['B']);
    });

    it('prefers the innermost of nested ranges', () => {
        expect(stepsAtPosition(layout, { line: 5, character: 10 })).toEqual(['Inner']);
    });

    it('counts the indentation before a step and the rest of its last line', () => {
        expect(stepsAtPosition(layout, { line: 1, character: 0 })).toEqual(['A']);
        expect(stepsAtPosition(layout, { line: 3, character: 40 })).toEqual(['A']);
        // On Inner's line but outside its range: the step whose range holds the cursor wins.
        expect(stepsAtPosition(layout, { line: 5, character: 2 })).toEqual(['B']);
    });

    it('prefers the step whose range holds the cursor when two steps share a line', () => {
        const shared = layoutOf([step('Left', range(2, 4, 2, 20)), step('Right', range(2, 22, 2, 40))]);
        expect(stepsAtPosition(shared, { line: 2, character: 30 })).toEqual(['Right']);
        expect(stepsAtPosition(shared, { line: 2, character: 10 })).toEqual(['Left']);
    });

    it('finds nothing between steps, without a layout, and ignores steps without a range', () => {
        expect(stepsAtPosition(layout, { line: 0, character: 0 })).toEqual([]);
        expect(stepsAtPosition(undefined, { line: 2, character: 0 })).toEqual([]);
        expect(stepsAtPosition(layoutOf([step('NoRange')]), { line: 0, character: 0 })).toEqual([]);
    });

    it('finds steps by id for reveal', () => {
        expect(findStep(layout, 'B')?.range).toEqual(range(4, 4, 8, 5));
        expect(findStep(layout, 'Missing')).toBeUndefined();
        expect(findStep(undefined, 'A')).toBeUndefined();
    });

    it('maps cursor positions in the bank-deposit example to the steps of its real layout', async () => {
        const text = readFileSync(fileURLToPath(new URL('../../../examples/bank-deposit.blueprint', import.meta.url)), 'utf8');
        const services = createBlueprintServices(EmptyFileSystem).Blueprint;
        const document = await validateText(services, text);
        const model = services.model.BlueprintModelProvider.getDocumentModel(document);
        expect(model, 'the example has a blueprint').toBeDefined();
        const layout = await layoutBlueprint(model!);
        const lines = text.split('\n');
        const positionOf = (needle: string, offset = 0) => {
            const line = lines.findIndex(candidate => candidate.includes(needle));
            return { line: line + offset, character: lines[line].indexOf(needle) };
        };
        expect(stepsAtPosition(layout, positionOf('customer EnterPin'))).toEqual(['EnterPin']);
        // Inside the body of the step: the `moment` line two lines below the header.
        expect(stepsAtPosition(layout, positionOf('moment "The customer trusts'))).toEqual(['EnterPin']);
        expect(stepsAtPosition(layout, positionOf('support Post'))).toEqual(['Post']);
        // Column 0 of the line, in the indentation (where Ctrl+G puts the cursor).
        expect(stepsAtPosition(layout, { line: positionOf('customer Leave').line, character: 0 })).toEqual(['Leave']);
        expect(stepsAtPosition(layout, positionOf('stage Queue'))).toEqual([]);
    });
});
