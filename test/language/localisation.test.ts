/**
 * Localised blueprints (issue 10, point 7): standard lanes and lines relabelled in the file, and a
 * blueprint or workspace language that sets the default lane, line and built-in channel names.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBlueprintServices, loadAndValidate } from '@blueprint/language';
import { localisation, SUPPORTED_LANGUAGES, toLanguageCode, type BlueprintModel } from '@blueprint/model';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { afterAll, describe, expect, it } from 'vitest';
import { validateText } from '../helpers/validate-text.js';
import { applyWorkspaceEdit, createServices, freshUri } from './lsp/helpers.js';
import type { CodeAction } from 'vscode-languageserver';

const services = createServices();

function blueprint(members: string): string {
    return `blueprint Stay "Hotel stay" {
${members}
    customer Arrive "Arrive" via branch {
        evidence "Hotel exterior"
        start
    }
    frontstage Greet "Greet" via branch
    backstage Prepare "Prepare the room" { end }
    customer Leave "Leave" {
        evidence "Bill"
        end
    }
    flow Arrive -> Greet -> Leave
    flow Greet ~> Prepare
}
`;
}

async function model(text: string): Promise<{ model: BlueprintModel; diagnostics: string[] }> {
    const document = await validateText(services, text, freshUri('l10n'));
    return {
        model: services.model.BlueprintModelProvider.getDocumentModel(document)!,
        diagnostics: (document.diagnostics ?? []).map(d => `${d.code}: ${d.message}`)
    };
}

const laneLabels = (m: BlueprintModel) => Object.fromEntries(m.lanes.map(lane => [lane.id, lane.label]));
const lineLabels = (m: BlueprintModel) => Object.fromEntries(m.lines.map(line => [line.kind, line.label]));

describe('relabelling standard lanes and lines', () => {
    it("writes Bitner's lane names: `lane frontstage \"Onstage / visible contact employee actions\"`", async () => {
        const { model: m, diagnostics } = await model(blueprint(`    lane frontstage "Onstage / visible contact employee actions"
    lane backstage "Backstage / invisible contact employee actions"
    line visibility "Line of visibility"`));
        expect(diagnostics).toEqual([]);
        expect(laneLabels(m)).toEqual({
            evidence: 'Physical evidence',
            customer: 'Customer actions',
            frontstage: 'Onstage / visible contact employee actions',
            backstage: 'Backstage / invisible contact employee actions',
            support: 'Support processes'
        });
        expect(m.language).toBe('en');
    });

    it('relabels lanes and lines in Korean, in the file', async () => {
        const { model: m, diagnostics } = await model(blueprint('    lane customer "고객 행동"\n    line visibility "가시선"'));
        expect(diagnostics).toEqual([]);
        expect(laneLabels(m).customer).toBe('고객 행동');
        expect(lineLabels(m).visibility).toBe('가시선');
        expect(lineLabels(m).interaction).toBe('Line of interaction');
    });

    it('a lane or line relabelled twice: the first counts, the second is reported', async () => {
        const { model: m, diagnostics } = await model(blueprint('    lane customer "Guest"\n    lane customer "Visitor"\n    line visibility "A"\n    line visibility "B"'));
        expect(laneLabels(m).customer).toBe('Guest');
        expect(lineLabels(m).visibility).toBe('A');
        expect(diagnostics).toEqual([
            "BP001: Lane 'customer' is already relabelled on line 2; only the first label counts.",
            'BP001: The line of visibility is already declared on line 4; only the first label counts.'
        ]);
    });
});

describe('the blueprint language', () => {
    it('`language ko` sets Korean lane, line and built-in channel names; relabels still win', async () => {
        const { model: m, diagnostics } = await model(blueprint('    language ko\n    lane support "지원 시스템"'));
        expect(diagnostics).toEqual([]);
        expect(m.language).toBe('ko');
        expect(laneLabels(m)).toEqual({
            evidence: '물리적 증거', customer: '고객 행동', frontstage: '일선 직원 행동', backstage: '후방 직원 행동', support: '지원 시스템'
        });
        expect(lineLabels(m)).toEqual({ interaction: '상호작용선', visibility: '가시선', internal: '내부 상호작용선' });
        expect(m.channels.find(channel => channel.id === 'branch')?.label).toBe('지점');
    });

    it.each(SUPPORTED_LANGUAGES)('`language %s` has a name for every lane and line', async language => {
        const { model: m, diagnostics } = await model(blueprint(`    language ${language}\n    line implementation`));
        expect(diagnostics).toEqual([]);
        const names = localisation(language);
        expect(m.lanes.map(lane => lane.label)).toEqual(['evidence', 'customer', 'frontstage', 'backstage', 'support'].map(id => names.lanes[id as 'customer']));
        expect(m.lines.map(line => line.label)).toEqual(m.lines.map(line => names.lines[line.kind]));
        expect(new Set(m.lines.map(line => line.label)).size).toBe(4);
    });

    it('an unknown language: one diagnostic with the supported ones, and a fix for a near miss', async () => {
        const text = blueprint('    language kr');
        const document = await validateText(services, text, freshUri('l10n'));
        const diagnostics = document.diagnostics ?? [];
        expect(diagnostics.map(d => d.message)).toEqual(["Unknown language 'kr'; did you mean 'ko'? Supported: en, zh, ja, ko."]);
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostics[0].range, context: { diagnostics }
        }) as CodeAction[];
        expect(actions.map(a => a.title)).toEqual(["Change to 'ko'"]);
        expect(applyWorkspaceEdit(document, actions[0].edit!)).toBe(blueprint('    language ko'));
        // the model falls back to English until it is fixed
        expect(services.model.BlueprintModelProvider.getDocumentModel(document)!.language).toBe('en');
    });

    it('language codes resolve as people write them', () => {
        expect(['ko', 'KO', 'ko-KR', 'zh_Hans', 'ja', 'en-GB'].map(toLanguageCode)).toEqual(['ko', 'ko', 'ko', 'zh', 'ja', 'en']);
        expect(toLanguageCode('fr')).toBeUndefined();
    });

    it('every built-in channel has a label in every language, and English matches the library', () => {
        // The built-in library as the language services register it.
        const library = createServices().workspace.BuiltinLibrary.document.textDocument.getText();
        const builtins = [...library.matchAll(/^channel (\w+) "([^"]+)"/gm)].map(match => [match[1], match[2]]);
        expect(builtins).toHaveLength(13);
        expect(Object.fromEntries(builtins)).toEqual(localisation('en').channels);
        for (const language of SUPPORTED_LANGUAGES) expect(Object.keys(localisation(language).channels).sort()).toEqual(builtins.map(b => b[0]).sort());
    });

    // A hospital, a café and a hotel use the same built-in channels as a bank: their names must not be a bank's.
    it.each(SUPPORTED_LANGUAGES)('built-in channels, lanes and lines read neutrally in %s (no banking words)', language => {
        const names = localisation(language);
        const texts = [...Object.values(names.channels), ...Object.values(names.lanes), ...Object.values(names.lines)];
        const banking = /bank|teller|银行|网银|柜台|柜员|上门|銀行|窓口|은행|영업점|창구/i;
        expect(texts.filter(text => banking.test(text))).toEqual([]);
    });

    it('the built-in channels in Chinese, Japanese and Korean are the words a service designer writes', () => {
        expect(localisation('zh').channels).toMatchObject({ app: '手机应用', web: '网站', onsite: '现场服务', branch: '网点' });
        expect(localisation('ja').channels).toMatchObject({ branch: '支店', app: 'モバイルアプリ', web: 'ウェブ' });
        expect(localisation('ko').channels).toMatchObject({ branch: '지점', app: '모바일 앱', web: '웹', onsite: '방문 서비스' });
    });

    it('declared channels keep the label the author wrote', async () => {
        const { model: m } = await model(blueprint('    language ja\n    channel counter "受付カウンター" face-to-face'));
        expect(m.channels.find(channel => channel.id === 'counter')?.label).toBe('受付カウンター');
        expect(m.channels.find(channel => channel.id === 'branch')?.label).toBe('支店');
    });
});

describe('the workspace language (blueprint.config.json)', () => {
    const root = mkdtempSync(join(tmpdir(), 'blueprint-l10n-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    async function load(config: object, text: string) {
        const dir = mkdtempSync(join(root, 'ws-'));
        writeFileSync(join(dir, 'blueprint.config.json'), JSON.stringify(config));
        writeFileSync(join(dir, 'stay.blueprint'), text);
        const node = createBlueprintServices({ ...NodeFileSystem }).Blueprint;
        const { documents } = await loadAndValidate(node, [URI.file(join(dir, 'stay.blueprint'))]);
        return {
            model: node.model.BlueprintModelProvider.getDocumentModel(documents[0])!,
            diagnostics: (documents[0].diagnostics ?? []).map(d => d.message)
        };
    }

    it('sets the default for blueprints without a `language`', async () => {
        const { model: m, diagnostics } = await load({ language: 'zh' }, blueprint(''));
        expect(diagnostics).toEqual([]);
        expect(m.language).toBe('zh');
        expect(laneLabels(m).customer).toBe('顾客行为');
        expect(lineLabels(m).visibility).toBe('可视分界线');
    });

    it("the blueprint's own `language` wins over the workspace's", async () => {
        const { model: m } = await load({ language: 'zh' }, blueprint('    language ja'));
        expect(m.language).toBe('ja');
        expect(laneLabels(m).customer).toBe('顧客の行動');
    });

    it('an unsupported workspace language is reported, and English is used', async () => {
        const { model: m, diagnostics } = await load({ language: 'fr' }, blueprint(''));
        expect(diagnostics).toEqual(['blueprint.config.json: "language" must be one of "en", "zh", "ja", "ko", not "fr"']);
        expect(m.language).toBe('en');
    });
});

describe('hover', () => {
    it('explains the `language` keyword', async () => {
        const text = blueprint('    language ko');
        const document = await validateText(services, text, freshUri('l10n'));
        const offset = text.indexOf('language ko') + 2;
        const hover = await services.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
        });
        expect(JSON.stringify(hover?.contents)).toContain('**Language** (`language en|zh|ja|ko`)');
    });
});
