/**
 * `blueprint render`, run in process through commander (the command is registered in the CLI's
 * command list by the lead; this runs it the same way `run` does, with the same exit-code mapping).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CliError, createProgram, ExitCode, type CliContext } from '@blueprint/cli';
import { EXAMPLES_ROOT } from './diagram-helpers.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'blueprint-render-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function render(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const context: CliContext = {
        cwd: scratch, env: {}, version: '0.0.0-test', exitCode: ExitCode.ok,
        stdout: { write: (text: string) => { stdout += text; } },
        stderr: { write: (text: string) => { stderr += text; } }
    };
    try {
        await createProgram(context).parseAsync(['node', 'blueprint', 'render', ...args]);
        return { code: context.exitCode, stdout, stderr };
    } catch (error) {
        if (error instanceof CliError) return { code: ExitCode.usage, stdout, stderr: stderr + error.message };
        // commander's own errors (bad option values); the CLI has its own copy of commander, so no instanceof.
        if ((error as { code?: string }).code?.startsWith('commander.')) return { code: ExitCode.usage, stdout, stderr };
        throw error;
    }
}

const bank = path.join(EXAMPLES_ROOT, 'bank-deposit.blueprint');

describe('blueprint render', () => {
    test('writes the SVG to stdout by default', async () => {
        const result = await render(bank);
        expect(result.code).toBe(0);
        expect(result.stdout.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
        expect(result.stdout).toContain('Deposit at the branch counter');
        expect(result.stdout).toContain('bp-theme-light');
    });

    test('writes the dark theme to the -o file only', async () => {
        const out = path.join(scratch, 'bank.svg');
        const result = await render(bank, '-o', out, '--theme', 'dark');
        expect(result).toMatchObject({ code: 0, stdout: '' });
        expect(readFileSync(out, 'utf8')).toContain('bp-theme-dark');
    });

    test('writes the geometry as JSON, without source ranges', async () => {
        const out = path.join(scratch, 'bank.json');
        expect((await render(bank, '--format', 'json', '-o', out)).code).toBe(0);
        const text = readFileSync(out, 'utf8');
        expect(text).not.toContain('"range"');
        const layout = JSON.parse(text);
        expect(layout.id).toBe('BankDeposit');
        expect(layout.steps.some((step: { id: string }) => step.id === 'EnterPin')).toBe(true);
        expect(layout.lanes.map((lane: { id: string }) => lane.id)).toEqual(['evidence', 'customer', 'frontstage', 'backstage', 'support']);
    });

    test('without --format, the -o file\'s extension names the format; --format still wins', async () => {
        const png = path.join(scratch, 'bank.PNG');
        expect((await render(bank, '-o', png)).code).toBe(0);
        expect(readFileSync(png).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        const pdf = path.join(scratch, 'bank.pdf');
        expect((await render(bank, '-o', pdf)).code).toBe(0);
        expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const json = path.join(scratch, 'bank-layout.json');
        expect((await render(bank, '-o', json)).code).toBe(0);
        expect(JSON.parse(readFileSync(json, 'utf8')).id).toBe('BankDeposit');
        // An extension that names no format is refused rather than given an SVG it does not promise.
        const other = path.join(scratch, 'bank.drawing');
        const refused = await render(bank, '-o', other);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toBe(`${other}: render writes SVG, PNG, PDF or JSON, not .drawing: name the file .svg, .png, .pdf or .json, or give --format`);
        expect(existsSync(other)).toBe(false);
        expect((await render(bank, '-o', other, '--format', 'svg')).code).toBe(0);
        expect(readFileSync(other, 'utf8').startsWith('<svg')).toBe(true);
        const bare = path.join(scratch, 'bank-no-extension');
        expect((await render(bank, '-o', bare)).code).toBe(0);
        expect(readFileSync(bare, 'utf8').startsWith('<svg')).toBe(true);
        const forced = path.join(scratch, 'forced.png');
        expect((await render(bank, '-o', forced, '--format', 'svg')).code).toBe(0);
        expect(readFileSync(forced, 'utf8').startsWith('<svg')).toBe(true);
    });

    test('--watch refuses an unusable -o (an extension that names no format, the blueprint itself) the same way, before it watches', async () => {
        const other = path.join(scratch, 'watched.drawing');
        // Before the fix the refusal came from inside the watch loop, which never returns: time out instead of hanging.
        let timer: NodeJS.Timeout | undefined;
        const watching = new Promise<never>((_resolve, reject) => {
            timer = setTimeout(() => reject(new Error('render --watch started watching instead of refusing')), 10_000);
        });
        try {
            const refused = await Promise.race([render(bank, '-o', other, '--watch'), watching]);
            expect(refused.code).toBe(2);
            expect(refused.stderr).toBe(`${other}: render writes SVG, PNG, PDF or JSON, not .drawing: name the file .svg, .png, .pdf or .json, or give --format`);
            expect(existsSync(other)).toBe(false);
            // So is an -o over the blueprint itself.
            const copy = path.join(scratch, 'watched.blueprint');
            writeFileSync(copy, readFileSync(bank, 'utf8'));
            const over = await Promise.race([render(copy, '-o', copy, '--format', 'svg', '--watch'), watching]);
            expect(over.code).toBe(2);
            expect(over.stderr).toMatch(/watched\.blueprint/);
            expect(readFileSync(copy, 'utf8')).toBe(readFileSync(bank, 'utf8'));
        } finally {
            clearTimeout(timer);
        }
    });

    test('a file with errors is still drawn as far as it was read: exit 1 with the errors on stderr', async () => {
        const broken = path.join(scratch, 'broken.blueprint');
        writeFileSync(broken, 'blueprint B "B" {\n    customer A "Ask" { start }\n    flow A -> Nowhere\n}\n');
        const out = path.join(scratch, 'broken.svg');
        const result = await render(broken, '-o', out);
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(/broken\.blueprint:3:\d+ error BP002/);
        expect(result.stderr).toContain('the diagram shows what could be read');
        const svg = readFileSync(out, 'utf8');
        expect(svg).toContain('<svg');
        expect(svg).toContain('Ask');
    });

    test('BP007 per the literature: a guest ordering by phone from a backstage order taker is drawn, exit 0', async () => {
        const hotel = path.join(scratch, 'room-service.blueprint');
        writeFileSync(hotel, readFileSync(path.join(EXAMPLES_ROOT, 'bitner-hotel.blueprint'), 'utf8'));
        const result = await render(hotel, '-o', path.join(scratch, 'hotel.svg'));
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
    });

    test('I/O problems exit 2 with a message', async () => {
        const missing = await render(path.join(scratch, 'missing.blueprint'));
        expect(missing.code).toBe(2);
        expect(missing.stderr).toMatch(/missing\.blueprint/);
        // -o creates missing folders (as every command does); a path through a file cannot be written.
        const unwritable = await render(bank, '-o', path.join(bank, 'x.svg'));
        expect(unwritable.code).toBe(2);
        expect(unwritable.stderr).toMatch(/bank-deposit\.blueprint\/x\.svg: /);
        expect((await render(bank, '--format', 'gif')).code).toBe(2);
    });
});
