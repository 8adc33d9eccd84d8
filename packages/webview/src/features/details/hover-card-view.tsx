/** @jsx html */
/**
 * The hover card, an HTML popup (Sprotty's hover feature): text passed as children, so every label
 * is escaped by construction.
 */
import { injectable } from 'inversify';
import type { VNode } from 'snabbdom';
import { html, SChildElementImpl, type IView } from 'sprotty';
import type { HoverCard } from './hover-card.js';

export const HOVER_CARD_TYPE = 'hover-card';

export class HoverCardElement extends SChildElementImpl {
    card: HoverCard = { title: '', subtitle: '', sections: [] };
}

@injectable()
export class HoverCardView implements IView {
    render(element: Readonly<HoverCardElement>): VNode {
        const { card } = element;
        return <div class-bp-hover-card={true} role="tooltip">
            <div class-bp-hover-title={true}>{card.title}</div>
            {card.subtitle ? <div class-bp-hover-subtitle={true}>{card.subtitle}</div> : undefined}
            {card.sections.map(section => <div class={{ 'bp-hover-section': true, [`bp-hover-${section.kind}`]: true }}>
                <div class-bp-hover-heading={true}>{section.heading}</div>
                {section.lines.map(line => <div class={{ 'bp-hover-line': true, 'bp-hover-warning': line.warning === true }}>
                    {line.lead ? <span class-bp-hover-lead={true}>{line.lead}</span> : undefined}
                    <span>{line.text}</span>
                </div>)}
            </div>)}
        </div>;
    }
}
