/**
 * A blueprint in Chinese, Japanese or Korean reads in that language in every output: the diagram
 * (its texts and its tooltips), the service review (Markdown and HTML) and the Mermaid export carry no English words but
 * the author's own text, the duration units and the badges' letters. Found by rendering each
 * output, removing what the author wrote (every quoted string; names show only in code spans, which are left out) and
 * listing the Latin words left over.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutBlueprint, renderSvg, stripRanges } from '@blueprint/diagram';
import { exportMermaid } from '@blueprint/export';
import { analyseBlueprint, localisation, type BlueprintModel } from '@blueprint/model';
import { renderHtmlReport, renderMarkdownReport } from '@blueprint/report';
import { EXAMPLES_ROOT, loadExampleModel, modelFromText } from '../diagram/diagram-helpers.js';

/**
 * Latin words a CJK blueprint's outputs may show: duration units as the language writes them
 * (`3 min`), the badges' letters (F, W, MOT, KPI, N), and abbreviations every language uses.
 */
const ALLOWED = new Set(['min', 's', 'h', 'd', 'F', 'W', 'MOT', 'KPI', 'N', 'ATM', 'SMS', 'ARS', 'IVR', 'VIP']);

/** Every kind of value the outputs name: distances, flow kinds, poka-yoke types, emotions, built-in channels, a decision's weights. */
function fixture(language: 'zh' | 'ja' | 'ko'): string {
    const words = { zh: ['到达', '接待', '核对', '系统', '离开'], ja: ['到着', '受付', '確認', 'システム', '退出'], ko: ['도착', '접수', '확인', '시스템', '퇴장'] }[language];
    const [arrive, greet, check, system, leave] = words;
    return `blueprint Leak "${arrive}${greet}" {
    language ${language}
    tolerance 30 min
    stage a "${arrive}"
    actor staff "${greet}"
    system core "${system}"
    customer arrive "${arrive}" in a via app {
        start
        evidence "${arrive}${check}"
        wait 2 min tolerance 5 min
        emotion negative "${check}${leave}"
        moment "${greet}${check}"
    }
    frontstage greet "${greet}" in a by staff via branch {
        evidence "${greet}${arrive}"
        duration 1 min
        fail "${check}${greet}" rate 10 %
            prevention "${arrive}${leave}" poka-yoke preparation
            recovery "${leave}${arrive}" poka-yoke resolution by fix
        note "${check}${system}"
    }
    frontstage fix "${check}${check}" in a by staff via web { duration 2 min }
    backstage check "${check}" in a by staff { duration 1 min }
    support record "${system}${check}" in a by core { duration 5 s end }
    customer leave "${leave}" in a via onsite {
        evidence "${leave}${greet}"
        emotion delighted "${leave}${leave}"
        end
    }
    flow arrive -> greet -> leave
    flow greet -> fix
    decision fix "${check}${leave}" {
        -> leave 19 "${leave}${check}"
        -> check 1
    }
    flow greet ~> check "${check}${arrive}"
    flow check => record "${system}${arrive}"
    flow greet <-> leave
    metric answered "${greet}${leave}" on greet target >= 90 %
}
`;
}

/** The Latin words of an output once the author's text is gone. */
function foreignWords(output: string, source: string): string[] {
    const authored = [...source.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map(match => match[1])
        .filter(text => text.length > 0)
        .sort((a, b) => b.length - a.length);
    let text = output;
    for (const piece of authored) text = text.split(piece).join(' ');
    return [...new Set([...text.matchAll(/[A-Za-z][A-Za-z'-]*/g)].map(match => match[0]).filter(word => !ALLOWED.has(word)))];
}

/** What a reader sees of the Markdown: no ids in code spans. */
const markdownText = (markdown: string) => markdown.replace(/`[^`]*`/g, ' ').replace(/&[a-z]+;|&#\d+;/g, ' ');

/** What a reader sees of the HTML page: the text between the tags, no style sheet, no script, no ids in code. */
const htmlText = (html: string) => html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/g, ' ').replace(/<code>[\s\S]*?<\/code>/g, ' ').replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');

/** What a reader sees of the Mermaid text: the quoted labels and titles, without their markup. */
const mermaidText = (mermaid: string) => [...mermaid.matchAll(/"([^"]*)"/g)].map(match => match[1])
    .join('\n').replace(/<[^>]+>/g, ' ').replace(/#\w+;/g, ' ');

/** What a reader of the diagram sees and hovers: its texts and the tooltips (`<title>`) of its badges, chips and branch points. */
const svgText = (svg: string) => [...svg.matchAll(/<(text|title)\b[^>]*>([\s\S]*?)<\/\1>/g)].map(match => match[2])
    .join('\n').replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;|&#\d+;/g, ' ');

async function outputs(model: BlueprintModel): Promise<Record<string, string>> {
    const analysis = analyseBlueprint(model);
    const layout = stripRanges(await layoutBlueprint(model));
    return {
        diagram: svgText(renderSvg(layout)),
        markdown: markdownText(renderMarkdownReport(analysis, model)),
        html: htmlText(renderHtmlReport(analysis, model)),
        mermaid: mermaidText(exportMermaid(layout, { language: model.language })),
        // The preview exports from the layout alone: the legend tells the language.
        'mermaid from the layout': mermaidText(exportMermaid(layout)),
        swimlane: mermaidText(exportMermaid(layout, { dialect: 'swimlane', language: model.language }))
    };
}

describe('outputs of a Chinese, Japanese or Korean blueprint carry no English', () => {
    it.each(['zh', 'ja', 'ko'] as const)('every kind of value, in %s', async language => {
        const source = fixture(language);
        const model = await modelFromText(source);
        for (const [name, output] of Object.entries(await outputs(model))) expect({ [name]: foreignWords(output, source) }).toEqual({ [name]: [] });
    });

    it.each(['ko-card-loss-hotline.blueprint', 'zh-bank-deposit.blueprint'])('the example %s', async file => {
        const path = join(EXAMPLES_ROOT, file);
        const { model, errors } = await loadExampleModel(path);
        expect(errors).toEqual([]);
        const source = readFileSync(path, 'utf8');
        for (const [name, output] of Object.entries(await outputs(model!))) expect({ [name]: foreignWords(output, source) }).toEqual({ [name]: [] });
    });

    it('names the values in the language, as the diagram does', async () => {
        const model = await modelFromText(fixture('ko'));
        const markdown = renderMarkdownReport(analyseBlueprint(model), model);
        const ko = localisation('ko');
        expect(markdown).toContain(`| ${ko.distances.remote} |`);
        expect(markdown).toContain(`| ${ko.flowKinds['hand-off']} |`);
        expect(markdown).toContain(`\\[${ko.serviceReport.pokaYoke}: ${ko.diagram.notes.pokaYokeTypes.preparation}\\]`);
        expect(markdown).toContain(`| ${ko.diagram.notes.feelings.negative}: 확인퇴장 |`);
        expect(markdown).toContain(`확인확인 (\`fix\`) | ${ko.serviceReport.alternatives} | 확인퇴장 | 퇴장 ${ko.serviceReport.weight(19)} (퇴장확인); 확인 ${ko.serviceReport.weight(1)} |`);
        const mermaid = exportMermaid(stripRanges(await layoutBlueprint(model)), { language: 'ko' });
        expect(mermaid).toContain(`subgraph legend["${ko.diagram.legend}"]`);
        expect(mermaid).toContain(ko.channels.branch);
        expect(mermaid).not.toMatch(/· branch|· web|· onsite|\bapp</);
    });

    it('English stays as it was', async () => {
        const model = await modelFromText(fixture('ko').replace('language ko', 'language en'));
        const markdown = renderMarkdownReport(analyseBlueprint(model), model);
        expect(markdown).toContain('| remote |');
        expect(markdown).toContain('| hand-off |');
        expect(markdown).toContain('\\[poka-yoke: preparation\\]');
        expect(markdown).toContain('| negative: 확인퇴장 |');
        expect(markdown).toContain('퇴장 weight 19 (퇴장확인); 확인 weight 1 |');
        const layout = stripRanges(await layoutBlueprint(model));
        expect(exportMermaid(layout)).toContain('subgraph legend["Legend"]');
        const svg = renderSvg(layout);
        for (const tooltip of ['By 접수', 'Channel: Web', 'Fail point F1: 확인접수', 'Wait point: expected 2 min, tolerance 5 min', 'Customer emotion: negative']) {
            expect(svg).toContain(`<title>${tooltip}</title>`);
        }
    });
});
