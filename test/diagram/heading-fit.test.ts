/**
 * The heading fits the drawing and the lanes end under a stage: a long title used to run off a
 * narrow drawing (cut at its edge in SVG and PNG), and a process time wider than the drawing widened
 * the lanes past the last stage into a strip with no stage header.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutBlueprint, reservedTextWidth, type BlueprintLayout } from '@blueprint/diagram';
import { EXAMPLES_ROOT, listExamples, loadExampleModel, modelFromText } from './diagram-helpers.js';

/** The lane bands and lines are drawn from x = 16 to `width - 16`; the title bold at 18 px from x = 16. */
const EDGE = 16;

function unheadedStrip(layout: BlueprintLayout): number {
    if (layout.stages.length === 0) return 0;
    const stagesEnd = Math.max(...layout.stages.map(stage => stage.x + stage.width));
    // Stages keep 2 px from the edge of their gap.
    return layout.width - EDGE - 2 - stagesEnd;
}

describe('heading and stages fit the drawing', () => {
    it('widens a narrow drawing to its whole title', async () => {
        const title = 'A very long blueprint title that goes on and on well beyond the narrow drawing below it';
        const layout = await layoutBlueprint(await modelFromText(`blueprint T "${title}" {
    customer A "Arrive" { evidence "Sign" start }
    customer B "Leave" { evidence "Receipt" end }
    flow A -> B
}`));
        expect(EDGE + reservedTextWidth(title, 18, true)).toBeLessThanOrEqual(layout.width - EDGE);
    });

    it('a process time wider than the drawing widens the last stage with it', async () => {
        const layout = await layoutBlueprint(await modelFromText(`blueprint FailWait "Fail point with a recovery that returns; waits with tolerances" {
    tolerance 30 min
    stage A "Arrive"
    stage B "Serve"
    actor Clerk "Clerk"
    customer Arrive "Arrive at the desk" in A { evidence "Queue screen" start wait 5 min tolerance 10 min }
    frontstage Register "Register the customer" in A by Clerk { duration 3 min fail "System down" rate 10 % recovery "Look up on paper" by Lookup }
    backstage Lookup "Look up the paper file" in A by Clerk { duration 1 min }
    customer Wait "Wait for the result" in B { wait 20 min tolerance 15 min evidence "Waiting room" }
    frontstage Serve "Serve the customer" in B by Clerk { duration 5 min }
    customer Leave "Leave" in B { evidence "Receipt" end }
    flow Arrive -> Register -> Wait -> Serve -> Leave
    flow Register ~> Lookup ~> Register
}`));
        const time = layout.processTime!;
        expect(time.x + reservedTextWidth(time.text, 13, time.over)).toBeLessThanOrEqual(layout.width - EDGE);
        // The drawing did grow for it (else this case tests nothing) ...
        const stepsEnd = Math.max(...layout.steps.map(step => step.x + step.width));
        expect(layout.width - stepsEnd).toBeGreaterThan(150);
        // ... and the last stage grew with it.
        expect(unheadedStrip(layout)).toBeLessThanOrEqual(0);
    });

    for (const file of listExamples()) {
        it(`the lanes of ${path.relative(EXAMPLES_ROOT, file)} end under its last stage`, async () => {
            const { model } = await loadExampleModel(file);
            if (!model) return;
            expect(unheadedStrip(await layoutBlueprint(model))).toBeLessThanOrEqual(0);
        });
    }
});
