/** `blueprint report`: Markdown, JSON and HTML service reviews; errors and output files. */
import { readFileSync } from 'node:fs';
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

async function runExampleReport(name: string) {
    workspace = new Workspace({ [name]: readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8') });
    return workspace.run(['report', name]);
}

describe('blueprint report', () => {
    test('Markdown: totals with the arithmetic of the critical path, tolerance status, tables', async () => {
        workspace = new Workspace({ 'visit.blueprint': TIMED });
        const result = await workspace.run(['report', 'visit.blueprint']);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        // Arrive 1 min + Queue 6 min + Serve 4 min = 11 min; Leave has no time; no branches, so the
        // expected time, the most likely path and the worst case agree; 11 min is 1 min over the 10 min standard
        expect(result.stdout).toContain('Time standard for the whole process: 10 min.');
        expect(result.stdout).toContain('| **Expected** | alternatives weighted by their shares, recoveries by their failure rates, rework by its repeats | ≥ 11 min (1 step without a time) | ≥ 6 min | ≥ 11 min | unknown | ⚠️ exceeded by at least 1 min |');
        expect(result.stdout).toContain('| **Worst case (critical path)** | the longest path, every branch and recovery allowed | ≥ 11 min (1 step without a time) | ≥ 6 min | ≥ 11 min | unknown | ⚠️ exceeded by at least 1 min |');
        expect(result.stdout).toContain('- Steps without a time (figures are lower bounds): Leave');
        expect(result.stdout).toContain('| Wait (`Queue`) | 6 min | 5 min | ⚠️ no |');
        expect(result.stdout).toContain('1 of 1 fail points have a prevention or a recovery (100 %).');
        expect(result.stdout).toContain('| Served within 10 min (`Quick`) | Wait (`Queue`) | \\>= 90 % |');
        expect(result.stdout).toContain('# Service review: Visit &lt;the> branch &amp; co');
    });

    test("the hotline's report states the expected time, the most likely path and the worst case", async () => {
        const result = await runExampleReport('credit-card-hotline.blueprint');
        expect(result.code).toBe(0);
        // expected: 60 + 40/98 × 40 + 58/98 × (75 + 13 + 0.95 × 125 + 0.05 × 14490) = 627.5 s (see test/analysis/examples.test.ts)
        expect(result.stdout).toMatch(/\| \*\*Expected\*\* \| [^|]+ \| ≥ 10 min 27 s \(3 steps without a time\) \| ≥ 7 min 12 s \| ≥ 10 min 15 s \| ≥ 12 s \| within so far \|/);
        // most likely: an agent (58/98) resolves it on the first call (95 %): 56.2 %, 273 s
        expect(result.stdout).toMatch(/\| \*\*Most likely path\*\* \| 56\\?\.2 % of journeys \| ≥ 4 min 33 s \(1 step without a time\) \|/);
        // worst case: the escalation with the 4 h wait, 14638 s = 4 h 3 min 58 s
        expect(result.stdout).toMatch(/\| \*\*Worst case \(critical path\)\*\* \| [^|]+ \| ≥ 4 h 3 min 58 s \(1 step without a time\) \| [^|]+ \| [^|]+ \| [^|]+ \| ⚠️ exceeded by at least 3 h 48 min 58 s \|/);
        expect(result.stdout).toContain('| Look the case up in the service console → File a second-line ticket with the full case (Beyond delegated authority) | 5 % | 3 % |');
        // the threshold of the service level, the policy and labels instead of ids
        expect(result.stdout).toContain('| Calls answered within 15 seconds (`ServiceLevel`) | Hold for an agent (`Hold`), Answer with the scripted greeting (`Answer`) | \\>= 85 % within 15 s |');
        expect(result.stdout).toContain('| _the whole process_ | policy | Calls are recorded for quality; the caller is told so in the welcome message |');
        expect(result.stdout).toContain('| Enter card number and phone password (`Identify`) | IVR self-service |');
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
