/** Answers Sprotty's popup requests for steps and evidence with their hover card. */
import { injectable } from 'inversify';
import type { IPopupModelProvider } from 'sprotty';
import type { RequestPopupModelAction, SModelElement, SModelRoot } from 'sprotty-protocol';
import type { StepSchema } from '../../schema.js';
import { hoverCard } from './hover-card.js';
import { HOVER_CARD_TYPE } from './hover-card-view.js';

@injectable()
export class StepPopupProvider implements IPopupModelProvider {
    getPopupModel(_request: RequestPopupModelAction, element?: SModelElement): SModelRoot | undefined {
        const step = element as Partial<StepSchema> | undefined;
        if (!step || typeof step.label !== 'string' || step.details === undefined) return undefined;
        return {
            type: 'html',
            id: 'popup',
            children: [{ type: HOVER_CARD_TYPE, id: `popup:${step.id}`, card: hoverCard(step.label, step.details, step.evidenceFor) } as SModelElement]
        };
    }
}
