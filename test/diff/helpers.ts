import { createBlueprintServices } from '@blueprint/language';
import { type BlueprintModel } from '@blueprint/model';
import { EmptyFileSystem, URI } from 'langium';
import { validateText } from '../helpers/validate-text.js';

const { Blueprint } = createBlueprintServices({ ...EmptyFileSystem });
let counter = 0;

/** Parses, links and validates blueprint text in memory and returns its model. */
export async function modelOf(text: string): Promise<BlueprintModel> {
    const document = await validateText(Blueprint, text, URI.parse(`memory:///diff-${counter++}.blueprint`));
    const errors = (document.diagnostics ?? []).filter(d => d.severity === 1);
    if (errors.length > 0) throw new Error(`test input has errors: ${errors.map(e => e.message).join('; ')}`);
    const model = Blueprint.model.BlueprintModelProvider.getDocumentModel(document);
    if (!model) throw new Error('no blueprint in test input');
    return model;
}

/** A small base blueprint; `extra` is spliced into its body, `replace` edits its text. */
export function base(extra = '', replace: Array<[string, string]> = []): string {
    let text = `blueprint Coffee "Buy a coffee" {
    stage Order "Order"
    actor Barista "Barista"
    system Till "Till"
    customer Ask "Ask for a coffee" in Order via store {
        evidence "Menu board"
        start
    }
    frontstage Take "Take the order" in Order by Barista
    customer Queue "Wait for the coffee" in Order {
        evidence "Pickup counter"
        wait 3 min tolerance 5 min
    }
    backstage Brew "Brew the coffee" by Barista {
        fail "Wrong milk" prevention "Label the cup" recovery "Remake at once"
    }
    support Charge "Charge the card" by Till
    frontstage Hand "Hand over the cup" by Barista {
        evidence "Cup with name"
    }
    customer Leave "Leave with the coffee" {
        evidence "Cup"
        end
    }
    flow Ask -> Take -> Queue -> Hand -> Leave
    flow Take -> Brew -> Hand
    flow Take ~> Charge -> Hand
    metric Speed "Coffee within 5 minutes" on Queue target >= 90 %
${extra}
}
`;
    for (const [from, to] of replace) {
        if (!text.includes(from)) throw new Error(`base text has no '${from}'`);
        text = text.replace(from, to);
    }
    return text;
}
