/**
 * The layout the webview tests draw: examples/bank-deposit.blueprint laid out by
 * `@blueprint/diagram`'s `layoutBlueprint` when the package provides it, otherwise the
 * hand-written geometry of the same example in fixtures/ (the webview never lays out; it only
 * needs realistic server output).
 */
import type { BlueprintLayout } from '@blueprint/diagram';
import { readFileSync } from 'node:fs';
import { validateText } from '../helpers/validate-text.js';

export interface LayoutSource {
    readonly layout: BlueprintLayout;
    readonly origin: 'layoutBlueprint' | 'fixture';
}

const fixtureUrl = new URL('./fixtures/bank-deposit.layout.json', import.meta.url);

/** The hand-written fixture: fixed numbers for unit tests. */
export function loadFixtureLayout(): BlueprintLayout {
    return JSON.parse(readFileSync(fixtureUrl, 'utf8')) as BlueprintLayout;
}

/** The layout of `examples/<example>.blueprint` (the fixture stands in for bank-deposit when the diagram package cannot lay out). */
export async function loadLayoutSource(example = 'bank-deposit'): Promise<LayoutSource> {
    const exampleUrl = new URL(`../../examples/${example}.blueprint`, import.meta.url);
    const diagram = await import('@blueprint/diagram') as Record<string, unknown>;
    const layoutBlueprint = diagram.layoutBlueprint;
    if (typeof layoutBlueprint !== 'function') {
        if (example !== 'bank-deposit') throw new Error('@blueprint/diagram has no layoutBlueprint to lay out ' + example);
        return { layout: loadFixtureLayout(), origin: 'fixture' };
    }
    const language = await import('@blueprint/language');
    const { EmptyFileSystem, URI } = await import('langium');
    const services = language.createBlueprintServices({ ...EmptyFileSystem }).Blueprint;
    const document = await validateText(services, readFileSync(exampleUrl, 'utf8'), URI.parse(`memory:///${example}.blueprint`));
    const file = document.parseResult.value as { elements?: unknown[] };
    const blueprint = file.elements?.find(element => language.ast.isBlueprint(element));
    if (!blueprint || !language.ast.isBlueprint(blueprint)) {
        throw new Error(`examples/${example}.blueprint has no blueprint to lay out`);
    }
    const layout = await (layoutBlueprint as (model: unknown) => unknown)(language.buildBlueprintModel(blueprint));
    if (!isLayout(layout)) {
        throw new Error('layoutBlueprint(model) did not return a BlueprintLayout (steps, lanes, flows); update test/webview/layout-source.ts to its signature');
    }
    return { layout, origin: 'layoutBlueprint' };
}

function isLayout(value: unknown): value is BlueprintLayout {
    const layout = value as Partial<BlueprintLayout> | undefined;
    return typeof layout === 'object' && layout !== null
        && Array.isArray(layout.steps) && Array.isArray(layout.lanes) && Array.isArray(layout.flows);
}
