/** The static SVG: golden snapshots, escaping of every label, and a well-formed standalone document. */
import * as path from 'node:path';
import { layoutBlueprint, renderSvg } from '@blueprint/diagram';
import { describe, expect, test } from 'vitest';
import { EXAMPLES_ROOT, loadExampleModel, modelFromText } from './diagram-helpers.js';

const HOSTILE = `blueprint Hostile "Title <script>alert('x')</script> & \\"quotes\\"" {
    stage S1 "Stage <b>one</b> & more"
    actor Clerk "Clerk \\"Bob\\" <admin>"
    segment Vip "VIP <gold> & 'co'"
    customer Ask "Ask <script>alert(1)</script> & leave \\"now\\" 'ok'" in S1 via branch {
        evidence "Form <input> & pen"
        start
    }
    customer AskVip "客户在柜台办理存款业务 & <VIP>" in S1 for Vip via branch
    frontstage Answer "Answer & close" in S1 by Clerk via branch { end }
    flow Ask -> Answer "label <b> & \\"q\\""
    flow AskVip -> Answer
}
`;

describe('SVG renderer', () => {
    test('a lane name that fits its header stays on one line; a longer one wraps between word groups', async () => {
        const svg = renderSvg(await layoutBlueprint(await modelFromText(`blueprint Ko "카드" {
    language ko
    lane backstage "후방 직원 행동"
    lane frontstage "일선 직원 행동 (고객과 통화)"
    customer Call "전화" { start }
    frontstage Answer "응대" via hotline
    backstage Check "조회" { end }
    flow Call -> Answer -> Check
}`)));
        const label = (id: string) => svg.match(new RegExp(`data-id="${id}"><rect[^>]*/><rect[^>]*/><text class="bp-lane-label"[^>]*>(.*?)</text>`))?.[1];
        // Split in two by its word count, it read "후방 직원 / 행동", tearing "직원 행동" apart.
        expect(label('backstage')).toMatch(/^<tspan[^>]*>후방 직원 행동<\/tspan>$/);
        expect(label('frontstage')).toMatch(/^<tspan[^>]*>일선 직원 행동<\/tspan><tspan[^>]*>\(고객과 통화\)<\/tspan>$/);
    });

    test('escapes labels, titles, stages, actors, segments and flow labels', async () => {
        const svg = renderSvg(await layoutBlueprint(await modelFromText(HOSTILE)));
        expect(svg).not.toContain('<script');
        expect(svg).not.toContain('<b>');
        expect(svg).not.toContain('<input');
        expect(svg).not.toContain('<gold>');
        expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
        expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(svg).toContain('Answer &amp; close');
        expect(svg).toContain('Clerk &quot;Bob&quot; &lt;admin&gt;');
        expect(svg).toContain('客户在柜台');
        // The title is also an attribute value: quotes must not end it early.
        expect(svg).toMatch(/aria-label="Title &lt;script&gt;alert\(&#39;x&#39;\)&lt;\/script&gt; &amp; &quot;quotes&quot;"/);
        // A segment variant is drawn with the variant class (dashed border) and its tag.
        expect(svg).toMatch(/class="bp-step bp-step-customer bp-variant[^"]*" data-id="AskVip"/);
        expect(svg).toContain('for VIP &lt;gold&gt; &amp; &#39;co&#39;');
    });

    test('is a standalone document: viewBox, generic font family, no external resources', async () => {
        const { model } = await loadExampleModel(path.join(EXAMPLES_ROOT, 'bank-deposit.blueprint'));
        const layout = await layoutBlueprint(model!);
        const svg = renderSvg(layout, { theme: 'dark' });
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
        expect(svg).toContain(`viewBox="0 0 ${layout.width} ${layout.height}"`);
        expect(svg).toMatch(/font-family: [^;]*sans-serif;/);
        expect(svg).not.toMatch(/href=|@import|url\((?!#)/);
        expect(svg).toContain('bp-theme-dark');
        // Three lines, dashed, with their labels; one group per step and per flow.
        expect(svg.match(/class="bp-line-stroke"/g)).toHaveLength(layout.lines.length);
        expect(svg).toContain('Line of visibility');
        expect(svg.match(/<g class="bp-step /g)).toHaveLength(model!.steps.length);
        expect(svg.match(/<g class="bp-flow /g)).toHaveLength(layout.flows.length);
        expect(svg).toContain('bp-mark-fail');
        expect(svg).toContain('W 8 min ≤ 15 min');
        expect(svg).toContain('bp-mark-moment');
    });

    test('marks steps and flows with extra classes for diff views', async () => {
        const layout = await layoutBlueprint(await modelFromText(HOSTILE));
        const svg = renderSvg(layout, { extraClasses: new Map([['Answer', ['bp-added']], ['Ask->Answer', ['bp-changed']]]) });
        expect(svg).toMatch(/class="bp-step bp-step-frontstage bp-added" data-id="Answer"/);
        expect(svg).toMatch(/class="bp-flow bp-flow-sequence bp-changed" data-id="Ask-&gt;Answer"/);
    });

    test.each(['bank-deposit.blueprint', 'zh-bank-deposit.blueprint'])('golden snapshot of %s', async name => {
        const { model } = await loadExampleModel(path.join(EXAMPLES_ROOT, name));
        const svg = renderSvg(await layoutBlueprint(model!));
        await expect(svg).toMatchFileSnapshot(`__snapshots__/${name.replace('.blueprint', '.svg')}`);
    });
});
