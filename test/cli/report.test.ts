/** `blueprint report`: Markdown, JSON and HTML service reviews; errors and output files. */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CLEAN, Workspace, ensureBuilt } from './cli-harness.js';

beforeAll(ensureBuilt);

let workspace: Workspace;
afterEach(() => workspace?.dispose());

const TIMED = `blueprint Visit "Visit <the> branch & co" {
    tolerance 10 min
    actor Teller "Teller"
    customer Arrive "Arrive" via branch {
        evidence "Door"
        duration 1 min
        start
    }
    customer Queue "Wait" {
        evidence "Sofa"
        wait 6 min tolerance 5 min
        fail "Long queue" recovery "Open a second counter"
    }
    frontstage Serve "Serve" by Teller via branch {
        duration 4 min
    }
    customer Leave "Leave" {
        evidence "Receipt"
        end
    }
    flow Arrive -> Queue -> Serve -> Leave
    metric Quick "Served within 10 min" on Queue target >= 90 %
}
`;

describe('blueprint report', () => {
    test('Markdown: totals with the arithmetic of the critical path, tolerance status, tables', async () => {
        workspace = new Workspace({ 'visit.blueprint': TIMED });
        const result = await workspace.run(['report', 'visit.blueprint']);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        // Arrive 1 min + Queue 6 min + Serve 4 min = 11 min; Leave has no time
        expect(result.stdout).toContain('**Expected total (critical path):** ≥ 11 min (1 step without a time)');
        expect(result.stdout).toContain('**Customer waiting:** 6 min');
        expect(result.stdout).toContain('**Time standard for the whole process:** 10 min (⚠️ exceeded)');
        expect(result.stdout).toContain('| Wait (`Queue`) | 6 min | 5 min | ⚠️ no |');
        expect(result.stdout).toContain('1 of 1 fail points have a prevention or a recovery (100 %).');
        expect(result.stdout).toContain('| Served within 10 min (`Quick`) | Wait (`Queue`) | >= 90 % |');
        expect(result.stdout).toContain('# Service review: Visit &lt;the> branch &amp; co');
    });

    test('JSON is the analysis object', async () => {
        workspace = new Workspace({ 'visit.blueprint': TIMED });
        const result = await workspace.run(['report', 'visit.blueprint', '--format', 'json']);
        const json = JSON.parse(result.stdout);
        expect(json.time.criticalPath.totalSeconds).toBe(660);
        expect(json.time.criticalPath.unknownSteps).toEqual(['Leave']);
        expect(json.counts).toMatchObject({ steps: 4, touchpoints: 3, failPoints: 1, waitPoints: 1, metrics: 1 });
    });

    test('HTML embeds the diagram and the timeline inline, escapes labels, loads nothing remote', async () => {
        workspace = new Workspace({ 'visit.blueprint': TIMED });
        const result = await workspace.run(['report', 'visit.blueprint', '--format', 'html', '-o', 'report.html']);
        expect(result.code).toBe(0);
        const html = workspace.read('report.html');
        expect(html).toContain('<title>Service review: Visit &lt;the&gt; branch &amp; co</title>');
        expect(html).toContain('class="timeline"');
        expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(2);
        expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    });

    test('a blueprint with errors is reported as far as it was read: exit 1, the errors on stderr', async () => {
        workspace = new Workspace({ 'bad.blueprint': CLEAN.replace('flow Ask -> Answer', 'flow Ask -> Nowhere') });
        const result = await workspace.run(['report', 'bad.blueprint']);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain('# Service review:');
        expect(result.stderr).toContain('BP002');
        expect(result.stderr).toContain('the report covers what could be read');
    });

    test('a missing file is an I/O error, exit 2', async () => {
        workspace = new Workspace({});
        const result = await workspace.run(['report', 'nope.blueprint']);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('nope.blueprint');
    });
});

describe('blueprint report on a file of shared declarations', () => {
    test('says there is no blueprint, exit 2', async () => {
        workspace = new Workspace({ 'shared.blueprint': 'actor Clerk "Clerk"\n' });
        const result = await workspace.run(['report', 'shared.blueprint']);
        expect(result.code).toBe(2);
        expect(result.stderr.trim()).toBe('blueprint: shared.blueprint: holds no blueprint to report on (only shared declarations)');
    });
});
