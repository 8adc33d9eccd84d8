/**
 * A Korean blueprint reads in Korean end to end (issue 10): its lanes and lines, the service review
 * (Markdown and HTML) and the change report. The other languages head their reports in their own words.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { localisation } from '@blueprint/model';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CLEAN, REPO_ROOT, Workspace, ensureBuilt } from './cli-harness.js';

beforeAll(ensureBuilt);

let workspace: Workspace;
afterEach(() => workspace?.dispose());

const KOREAN = readFileSync(path.join(REPO_ROOT, 'examples/ko-card-loss-hotline.blueprint'), 'utf8');
const HANGUL = /[\uAC00-\uD7AF]/;

/** Header rows of the Markdown tables: the line above each `|---|` row. */
function tableHeaders(markdown: string): string[] {
    const lines = markdown.split('\n');
    return lines.filter((_, index) => /^\|[-:|]+\|$/.test(lines[index + 1] ?? ''));
}

describe('a Korean blueprint', () => {
    test('the example is valid', async () => {
        workspace = new Workspace({ 'ko.blueprint': KOREAN });
        const result = await workspace.run(['check', 'ko.blueprint']);
        expect(result.stdout).toContain('no problems');
        expect(result.code).toBe(0);
    });

    test('the Markdown review: every heading and table header in Korean, lanes by their Korean names', async () => {
        workspace = new Workspace({ 'ko.blueprint': KOREAN });
        const result = await workspace.run(['report', 'ko.blueprint']);
        expect(result.code).toBe(0);
        const markdown = result.stdout;
        const headings = markdown.split('\n').filter(line => line.startsWith('#'));
        expect(headings.length).toBeGreaterThan(6);
        for (const heading of headings) expect(heading, heading).toMatch(HANGUL);
        expect(headings[0]).toBe('# 서비스 검토: 카드 분실 신고 콜센터');
        expect(headings).toEqual(expect.arrayContaining(['## 시간', '### 최악의 경우(핵심 경로)', '## 접점', '## 실패 지점', '## 서비스 기준', '## 인계와 에스컬레이션']));
        const headers = tableHeaders(markdown);
        expect(headers.length).toBeGreaterThan(5);
        // no English words in any table header (the `#` column is a number sign)
        for (const header of headers) expect(header, header).not.toMatch(/[A-Za-z]/);
        // the named time figures (expected, most likely, worst case) and their explanations
        expect(markdown).toContain('| **예상** | 선택지는 비율로, 복구는 실패율로, 재작업은 반복 횟수로 가중 |');
        expect(markdown).toContain('| **최악의 경우(핵심 경로)** | 모든 분기와 복구를 포함한 가장 긴 경로 |');
        expect(markdown).toContain('전체 프로세스 시간 기준: 선언 없음.');
        // the relabelled frontstage lane and the Korean default names of the others
        expect(markdown).toContain('| 일선 직원 행동 (고객과 통화) |');
        expect(markdown).toContain('| 고객 행동 |');
        expect(markdown).toContain('| 후방 직원 행동 |');
        // built-in channels and their distances by their Korean names
        expect(markdown).toContain('| 콜센터 | 전화 |');
        const english = localisation('en').serviceReport;
        for (const phrase of [english.touchpoints, english.failPoints, english.criticalPath, english.customerWaiting, english.unknown]) {
            expect(markdown).not.toContain(phrase);
        }
    });

    test('the HTML review is marked Korean and headed in Korean', async () => {
        workspace = new Workspace({ 'ko.blueprint': KOREAN });
        const result = await workspace.run(['report', 'ko.blueprint', '--format', 'html']);
        expect(result.code).toBe(0);
        const html = result.stdout;
        expect(html).toContain('<html lang="ko">');
        expect(html).toContain('<title>서비스 검토: 카드 분실 신고 콜센터</title>');
        const headings = [...html.matchAll(/<h[1-3]>(.*?)<\/h[1-3]>/g)].map(match => match[1]);
        expect(headings.length).toBeGreaterThan(6);
        for (const heading of headings) expect(heading, heading).toMatch(HANGUL);
        const headerCells = [...html.matchAll(/<th>(.*?)<\/th>/g)].map(match => match[1]);
        for (const cell of headerCells) expect(cell, cell).not.toMatch(/[A-Za-z]/);
        // timeline labels fit their column: Hangul counts double width, so long labels are cut with an ellipsis
        const timelineLabels = [...html.matchAll(/<text class="tl-label"[^>]*>(.*?)<\/text>/g)].map(match => match[1]);
        expect(timelineLabels).toContain('자동응답이 본인 확인 후 즉시 정…');
        for (const label of timelineLabels) expect([...label].reduce((sum, ch) => sum + (HANGUL.test(ch) ? 2 : 1), 0), label).toBeLessThanOrEqual(32);
        // the diagram's lanes carry the Korean names
        expect(html).toContain('물리적 증거');
        expect(html).toContain('일선 직원 행동 (고객과 통화)');
    });

    test('the change report is headed in Korean', async () => {
        const changed = KOREAN.replace('wait 1 min tolerance 3 min', 'wait 4 min tolerance 3 min');
        workspace = new Workspace({ 'old.blueprint': KOREAN, 'new.blueprint': changed });
        const result = await workspace.run(['diff', 'old.blueprint', 'new.blueprint']);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('### 청사진 변경: 카드 분실 신고 콜센터');
        expect(result.stdout).toContain('| 변경 | 추가 | 삭제 | 수정 | 고객에게 보임 | 위험 |');
        expect(result.stdout).toContain('#### 👁️ 고객에게 보이는 변경(가시선 위)');
        expect(result.stdout).toContain('**단계**');
    });

    test('the diagram draws the Korean lane names and titles', async () => {
        workspace = new Workspace({ 'ko.blueprint': KOREAN });
        const result = await workspace.run(['render', 'ko.blueprint']);
        expect(result.code).toBe(0);
        // long lane names wrap over several text lines: compare the text without markup and spaces
        const text = result.stdout.replace(/<[^>]*>/g, '').replace(/\s+/g, '');
        for (const name of ['물리적 증거', '고객 행동', '일선 직원 행동 (고객과 통화)', '후방 직원 행동', '지원 프로세스']) expect(text).toContain(name.replace(/\s+/g, ''));
        // and the titles below it: the legend and the numbered notes
        for (const title of ['범례', '실패 지점', '서비스 기준', '메모']) expect(result.stdout).toContain(`>${title}<`);
    });
});

describe('the other languages', () => {
    test.each([
        ['zh', '# 服务评审：Help at the counter', '## 接触点'],
        ['ja', '# サービスレビュー：Help at the counter', '## タッチポイント'],
        ['en', '# Service review: Help at the counter', '## Touchpoints']
    ])('`language %s` heads the review in that language', async (language, title, touchpoints) => {
        const text = CLEAN.replace(/(blueprint \w+ "[^"]*" \{\n)/, `$1    language ${language}\n`);
        expect(text).toContain(`language ${language}`);
        workspace = new Workspace({ 'x.blueprint': text });
        const result = await workspace.run(['report', 'x.blueprint']);
        expect(result.stderr).toBe('');
        expect(result.stdout.split('\n')[0]).toBe(title);
        expect(result.stdout).toContain(touchpoints);
    });

    test('a workspace language in blueprint.config.json applies to blueprints without their own', async () => {
        workspace = new Workspace({ 'blueprint.config.json': JSON.stringify({ language: 'ja' }), 'x.blueprint': CLEAN });
        const result = await workspace.run(['report', 'x.blueprint']);
        expect(result.stdout.split('\n')[0]).toBe('# サービスレビュー：Help at the counter');
    });
});
