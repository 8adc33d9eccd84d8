/**
 * Documents far larger than anyone writes by hand: a 50,000-step blueprint (6 MiB, over the old
 * 5 MiB limit) with decisions and rework loops in every episode parses, links and validates with
 * no diagnostic, and its model and service analysis come out whole, without a stack overflow.
 * The size limit is the setting's: above it the file is refused with one diagnostic, not parsed.
 * Not timed: `npm run bench` measures speed.
 */
import { EmptyFileSystem, URI } from 'langium';
import { afterEach, describe, expect, test } from 'vitest';
import { createBlueprintCoreServices, maxFileBytes, setMaxFileBytes } from '@blueprint/language';
import { validateText } from '../helpers/validate-text.js';
import { analyseBlueprint } from '@blueprint/model';
import { generateBlueprint } from '../bench/generate.mjs';

afterEach(() => setMaxFileBytes(undefined));

describe('a 50,000-step blueprint', () => {
    test('checks with no diagnostic, builds its model and analyses its times', async () => {
        const text = generateBlueprint(50_000, 'Large', { branching: true });
        expect(text.length).toBeGreaterThan(5 * 1024 * 1024);
        const { Blueprint } = createBlueprintCoreServices({ ...EmptyFileSystem }, { batch: true });
        const document = await validateText(Blueprint, text, URI.parse('memory:///large.blueprint'));
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        expect((document.diagnostics ?? []).slice(0, 3)).toEqual([]);

        const model = Blueprint.model.BlueprintModelProvider.getDocumentModel(document)!;
        expect(model.steps).toHaveLength(50_000);
        expect(model.steps.filter(step => step.start).map(step => step.id)).toEqual(['e0c0']);
        expect(model.steps.filter(step => step.end).map(step => step.id)).toEqual(['e4999c9']);

        const analysis = analyseBlueprint(model);
        // The worst case runs from the first step to the last, through the specialist's ten minutes in every episode.
        expect(analysis.time.criticalPath?.steps[0]).toBe('e0c0');
        expect(analysis.time.criticalPath?.steps.at(-1)).toBe('e4999c9');
        expect(analysis.time.criticalPath!.totalSeconds).toBeGreaterThan(5_000 * 10 * 60);
        expect(analysis.time.expected!.totalSeconds).toBeLessThanOrEqual(analysis.time.criticalPath!.totalSeconds);
    }, 600_000);
});

describe('the file size limit', () => {
    test('is 16 MiB by default, and a document over the limit set is refused with one diagnostic and not parsed', async () => {
        expect(maxFileBytes()).toBe(16 * 1024 * 1024);
        const text = generateBlueprint(2000, 'Medium');
        setMaxFileBytes(0.1 * 1024 * 1024);
        const { Blueprint } = createBlueprintCoreServices({ ...EmptyFileSystem }, { batch: true });
        const document = await validateText(Blueprint, text, URI.parse('memory:///medium.blueprint'));
        expect((document.parseResult.value as unknown as { elements: unknown[] }).elements).toEqual([]);
        expect(document.diagnostics?.map(d => d.message)).toEqual([
            `This file cannot be used as a blueprint: too large (0.22 MiB; the limit is 0.1 MiB).`
        ]);

        setMaxFileBytes(undefined);
        const accepted = await validateText(Blueprint, text, URI.parse('memory:///medium.blueprint'));
        expect(accepted.diagnostics).toEqual([]);
    });

    test('refuses sizes that are not sizes', () => {
        expect(() => setMaxFileBytes(0)).toThrow(RangeError);
        expect(() => setMaxFileBytes(Number.NaN)).toThrow(RangeError);
    });
});
