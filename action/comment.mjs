// Posts the diff as one sticky pull-request comment: found by its marker *and* its author (so a
// comment someone else wrote, or quoted, is never edited), updated on every push, created when
// absent. The diff always goes to the job summary too; when the comment cannot be written (a fork's
// read-only token, a missing permission) the job says so there and carries on.
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** GitHub rejects comment bodies over 65,536 characters; the job summary takes up to 1 MiB. */
const COMMENT_LIMIT = 65_536;
const SUMMARY_LIMIT = 1_000_000;

const env = process.env;
const marker = `<!-- blueprint-diff${env.COMMENT_KEY ? `:${env.COMMENT_KEY}` : ''} -->`;
const runUrl = `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
const artifact = env.ARTIFACT_URL
    ? `[\`${env.ARTIFACT_NAME}\`](${env.ARTIFACT_URL})`
    : `\`${env.ARTIFACT_NAME}\` of [this run](${runUrl})`;
const markdown = readFileSync(env.MARKDOWN, 'utf8');

/** The body within `limit` characters: whole lines only, an open code fence closed, and a pointer to the full diff. */
function fitBody(text, limit, header, footer) {
    const whole = `${header}${text.trimEnd()}\n\n${footer}\n`;
    if (whole.length <= limit) return whole;
    const note = `\n\n**The diff is too long for a comment and was cut here.** The full diff is in the artifact ${artifact}.\n\n${footer}\n`;
    let cut = text.slice(0, Math.max(0, limit - header.length - note.length - 8));
    cut = cut.slice(0, Math.max(0, cut.lastIndexOf('\n')));
    if ((cut.match(/^```/gm) ?? []).length % 2 === 1) cut += '\n```';
    return `${header}${cut}${note}`;
}

const footer = `<sub>Rendered diff diagrams and the JSON diff: artifact ${artifact}.</sub>`;

function summary(notice) {
    if (!env.GITHUB_STEP_SUMMARY) return;
    const lead = notice ? `> [!NOTE]\n> ${notice}\n\n` : '';
    appendFileSync(env.GITHUB_STEP_SUMMARY, fitBody(markdown, SUMMARY_LIMIT, lead, footer));
}

function notice(message) {
    console.log(`::notice title=Blueprint review::${message}`);
    summary(message);
}

function gh(args, input) {
    const options = { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] };
    if (input !== undefined) {
        const file = join(mkdtempSync(join(env.RUNNER_TEMP ?? tmpdir(), 'blueprint-comment-')), 'body.json');
        writeFileSync(file, JSON.stringify(input));
        args = [...args, '--input', file];
    }
    return JSON.parse(execFileSync('gh', ['api', ...args], options) || 'null');
}

function upsert(repository, number, body) {
    const pages = gh(['--paginate', '--slurp', `repos/${repository}/issues/${number}/comments`]);
    const mine = pages.flat().find(comment => comment.user?.login === env.COMMENT_AUTHOR && comment.body?.startsWith(marker));
    return mine
        ? gh(['--method', 'PATCH', `repos/${repository}/issues/comments/${mine.id}`], { body })
        : gh(['--method', 'POST', `repos/${repository}/issues/${number}/comments`], { body });
}

function main() {
    const event = env.GITHUB_EVENT_PATH ? JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) : {};
    const pullRequest = event.pull_request;
    if (env.COMMENT !== 'true') return summary();
    if (!pullRequest) return notice('Not a pull request: the diff is in this job summary only.');
    if (pullRequest.head?.repo?.full_name !== env.GITHUB_REPOSITORY) {
        return notice('This pull request comes from a fork, whose token cannot comment: the diff is in this job summary instead.');
    }
    const body = fitBody(markdown, COMMENT_LIMIT, `${marker}\n`, footer);
    try {
        const comment = upsert(env.GITHUB_REPOSITORY, pullRequest.number, body);
        if (comment?.html_url && env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `url=${comment.html_url}\n`);
        summary();
    } catch (error) {
        const reason = String(error.stderr || error.message).trim().split('\n')[0];
        console.log(`::warning title=Blueprint review::Could not comment on the pull request (${reason}). Does the workflow grant "pull-requests: write"? The diff is in the job summary.`);
        summary(`Could not comment on the pull request (${reason}): the diff is in this job summary instead.`);
    }
}

main();
