/** Answers Sprotty's popup requests for steps and evidence with their hover card, in the blueprint's language. */
import { localisation } from '@blueprint/model';
import { inject, injectable } from 'inversify';
import type { IPopupModelProvider } from 'sprotty';
import type { RequestPopupModelAction, SModelElement, SModelRoot } from 'sprotty-protocol';
import { DiagramState } from '../../base/diagram-state.js';
import type { StepSchema } from '../../schema.js';
import { hoverCard } from './hover-card.js';
import { HOVER_CARD_TYPE } from './hover-card-view.js';

@injectable()
export class StepPopupProvider implements IPopupModelProvider {
    @inject(DiagramState) protected readonly state!: DiagramState;

    getPopupModel(_request: RequestPopupModelAction, element?: SModelElement): SModelRoot | undefined {
        const step = element as Partial<StepSchema> | undefined;
        if (!step || typeof step.label !== 'string' || step.details === undefined) return undefined;
        const strings = localisation(this.state.drawnLanguage ?? 'en').diagram;
        return {
            type: 'html',
            id: 'popup',
            children: [{ type: HOVER_CARD_TYPE, id: `popup:${step.id}`, card: hoverCard(step.label, step.details, step.evidenceFor, strings) } as SModelElement]
        };
    }
}
