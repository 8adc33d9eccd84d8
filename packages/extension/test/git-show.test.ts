/** The git helper behind "Compare with Git": a file's text at a revision, with clear errors. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitShow } from '../src/compare/git-show.js';

let repo: string;
const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });

beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'blueprint-gitshow-'));
    git('init', '-q', '-b', 'main');
    writeFileSync(join(repo, 'a.blueprint'), 'blueprint A "Old" {}\n');
    git('add', '.');
    git('commit', '-q', '-m', 'first');
    writeFileSync(join(repo, 'a.blueprint'), 'blueprint A "New" {}\n');
    writeFileSync(join(repo, 'b.blueprint'), 'blueprint B "B" {}\n');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('gitShow', () => {
    it('returns the committed text, not the working copy', async () => {
        expect(await gitShow(join(repo, 'a.blueprint'), 'HEAD')).toEqual({ text: 'blueprint A "Old" {}\n' });
    });

    it('explains a file missing at the revision, an unknown revision and a folder outside git', async () => {
        expect(await gitShow(join(repo, 'b.blueprint'), 'HEAD')).toEqual({ error: 'b.blueprint does not exist at HEAD.' });
        expect(await gitShow(join(repo, 'a.blueprint'), 'nope')).toEqual({ error: "Unknown git revision 'nope'." });
        expect(await gitShow(join(repo, 'a.blueprint'), '--output=x')).toEqual({ error: "'--output=x' is not a git revision." });
        const outside = mkdtempSync(join(tmpdir(), 'blueprint-nogit-'));
        try {
            expect(await gitShow(join(outside, 'c.blueprint'), 'HEAD')).toEqual({ error: 'c.blueprint is not in a git repository.' });
        } finally {
            rmSync(outside, { recursive: true, force: true });
        }
    });
});
