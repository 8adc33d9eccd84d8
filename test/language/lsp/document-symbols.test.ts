import { expectSymbols } from 'langium/test';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { createServices } from './helpers.js';

const services = createServices();
const symbols = expectSymbols(services);

const TEXT = `import "shared.blueprint"
actor Shared "Shared actor"
blueprint Hotline "Card hotline" {
    stage Call "Call in"
    stage Resolve "Resolve"
    system Ivr "Voice menu"
    segment Gold "Gold card"
    customer Dial "Dial the hotline" in Call via hotline
    frontstage Menu "IVR menu" in Call by Ivr
    frontstage Answer "Agent answers" in Resolve
    backstage Ticket "File a ticket"
    customer Hear "Hear the answer"
    evidence Card "Card" on Dial
    flow Dial -> Menu -> Answer => Ticket -> Hear "second line"
    metric Level "Service level" on Answer target >= 85 %
}`;

const KIND_NAMES = new Map(Object.entries(SymbolKind).map(([name, value]) => [value as number, name]));

/** name (kind) [detail] { children } as one line, to compare whole trees. */
function describeTree(items: DocumentSymbol[]): string {
    return items.map(item => `${item.name}:${KIND_NAMES.get(item.kind)}${item.detail ? `[${item.detail}]` : ''}`
        + (item.children?.length ? `{${describeTree(item.children)}}` : '')).join(' ');
}

describe('document symbols', () => {
    it('outlines blueprint, stages with steps, lanes, declarations, flows and metrics', async () => {
        await symbols({
            text: TEXT, disposeAfterCheck: true,
            assert: result => {
                expect(describeTree(result)).toBe([
                    'shared.blueprint:File[import]',
                    'Shared:Object[Shared actor]',
                    'Hotline:Module[Card hotline]{'
                    + 'Call:Namespace[Call in]{Dial:Function[Dial the hotline] Menu:Function[IVR menu]} '
                    + 'Resolve:Namespace[Resolve]{Answer:Function[Agent answers]} '
                    + 'backstage:Package[Backstage actions]{Ticket:Function[File a ticket]} '
                    + 'customer:Package[Customer actions]{Hear:Function[Hear the answer]} '
                    + 'Declarations:Namespace{Ivr:Class[Voice menu] Gold:Enum[Gold card]} '
                    + 'Evidence:Namespace{Card:Field[Card]} '
                    + 'Flows:Namespace{Dial -> Menu -> Answer => Ticket -> Hear:Event[second line]} '
                    + 'Metrics:Namespace{Level:Number[Service level]}}'
                ].join(' '));
            }
        });
    });

    it('keeps every child inside its parent range', async () => {
        await symbols({
            text: TEXT, disposeAfterCheck: true,
            assert: result => {
                const within = (inner: DocumentSymbol['range'], outer: DocumentSymbol['range']) =>
                    (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character))
                    && (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
                const check = (parent: DocumentSymbol) => {
                    expect(within(parent.selectionRange, parent.range)).toBe(true);
                    for (const child of parent.children ?? []) {
                        expect(within(child.range, parent.range)).toBe(true);
                        check(child);
                    }
                };
                result.forEach(check);
            }
        });
    });
});
