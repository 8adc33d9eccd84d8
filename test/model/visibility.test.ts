/**
 * One rule for "customer-visible" (@blueprint/model's visibility.ts): the lanes above the line of
 * visibility, by position, and touchpoints. The validation checks that used to restate it (evidence
 * placement BP021, moment of truth BP012) follow the same rule, so a custom lane placed above the
 * line counts as seen and one below it as unseen, for every check alike.
 */
import { isStepCustomerVisible, visibleLaneIds } from '@blueprint/model';
import { describe, expect, test } from 'vitest';
import { createServices, freshUri } from '../language/lsp/helpers.js';
import { validateText } from '../helpers/validate-text.js';

const services = createServices();

/** A blueprint with a custom lane above the line of visibility (Desk) and one below everything (Archive). */
function blueprint(deskStep: string, archiveStep: string, extra = ''): string {
    return `blueprint Office "Office" {
    lane Desk "Help desk" below frontstage
    lane Archive "Archive" below support
    customer Ask "Ask" {
        evidence "Sign"
        start
    }
    frontstage Greet "Greet"
    lane Desk Help "Help" {
        ${deskStep}
    }
    backstage File "File the case"
    lane Archive Store "Store" {
        ${archiveStep}
        end
    }
${extra}
    flow Ask -> Greet -> Help -> File -> Store
}
`;
}

async function diagnostics(text: string): Promise<string[]> {
    const document = await validateText(services, text, freshUri('visibility'));
    return (document.diagnostics ?? []).map(d => `${d.code} ${d.range.start.line + 1}`);
}

describe('the line of visibility', () => {
    test('the visible lanes are those above the line, custom lanes by their position; touchpoints are visible anywhere', async () => {
        const document = await validateText(services, blueprint('', ''), freshUri('visibility'));
        const model = services.model.BlueprintModelProvider.getDocumentModel(document)!;
        const visible = visibleLaneIds(model);
        expect(model.lanes.map(lane => lane.id)).toEqual(['evidence', 'customer', 'frontstage', 'Desk', 'backstage', 'support', 'Archive']);
        expect([...visible]).toEqual(['evidence', 'customer', 'frontstage', 'Desk']);
        const step = (id: string) => model.steps.find(s => s.id === id)!;
        expect(['Ask', 'Greet', 'Help', 'File', 'Store'].filter(id => isStepCustomerVisible(step(id), visible))).toEqual(['Ask', 'Greet', 'Help']);
        expect(isStepCustomerVisible({ ...step('File'), touchpoint: true }, visible)).toBe(true);
    });

    test('evidence (inline or attached) is accepted above the line and flagged below it, custom lanes included (BP021)', async () => {
        expect((await diagnostics(blueprint('evidence "Ticket"', ''))).filter(d => d.startsWith('BP021'))).toEqual([]);
        expect((await diagnostics(blueprint('', 'evidence "Box label"'))).filter(d => d.startsWith('BP021'))).toEqual(['BP021 14']);
        expect((await diagnostics(blueprint('', '', '    evidence Folder "Case folder" on Store'))).filter(d => d.startsWith('BP021'))).toEqual(['BP021 17']);
        expect((await diagnostics(blueprint('', '', '    evidence Card "Help card" on Help'))).filter(d => d.startsWith('BP021'))).toEqual([]);
    });

    test('a moment of truth is accepted above the line and flagged below it (BP012)', async () => {
        expect((await diagnostics(blueprint('moment "Help arrives"', ''))).filter(d => d.startsWith('BP012'))).toEqual([]);
        expect((await diagnostics(blueprint('', 'moment "Nobody sees this"'))).filter(d => d.startsWith('BP012'))).toEqual(['BP012 14']);
    });
});
