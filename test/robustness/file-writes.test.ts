/**
 * The CLI never loses a file: writes go to a temporary file that replaces the target by a rename,
 * so a kill or a full disk leaves the old content; I/O errors are one line and exit 2.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, watch, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BIN, ensureBuilt, runCli, Workspace } from '../cli/cli-harness.js';

/** Unformatted on purpose, so that `fmt` rewrites it. */
const SMALL = 'blueprint Big "Big" {\ncustomer A "A" { start }\nfrontstage B "B" { end }\nflow A -> B\n}\n';

/** `SMALL` with a block comment that makes it `bytes` long: large to write, cheap to parse. */
function padded(bytes: number): string {
    const line = `${'padding text of a long comment line '.repeat(3)}\n`;
    return `${SMALL}/*\n${line.repeat(Math.ceil((bytes - SMALL.length) / line.length))}*/\n`;
}

/** A small seeded generator (mulberry32): the same kill moments on every run. */
function random(seed: number): () => number {
    return () => {
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/**
 * Runs `fmt file` and SIGKILLs it `delayMs` after it first touches the file's folder (the start of
 * its write: the truncation of an in-place write, the temporary file of an atomic one).
 */
function fmtKilledWhileWriting(file: string, delayMs: number): Promise<void> {
    return new Promise(resolve => {
        const child = spawn(process.execPath, [CLI_BIN, 'fmt', path.basename(file)], { cwd: path.dirname(file), stdio: 'ignore' });
        const watcher = watch(path.dirname(file), () => {
            watcher.close();
            setTimeout(() => child.kill('SIGKILL'), delayMs);
        });
        child.on('close', () => {
            watcher.close();
            resolve();
        });
    });
}

let root: string;
beforeAll(() => {
    ensureBuilt();
    root = mkdtempSync(path.join(tmpdir(), 'blueprint-writes-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('fmt killed while it writes', () => {
    it('leaves a 3.5 MiB file either as it was or fully formatted, 40 kills out of 40', async () => {
        const original = padded(3.5 * 1024 * 1024);
        // The formatted content.
        const reference = path.join(root, 'reference', 'big.blueprint');
        mkdirSync(path.dirname(reference));
        writeFileSync(reference, original);
        expect(spawnSync(process.execPath, [CLI_BIN, 'fmt', reference]).status).toBe(0);
        const formatted = readFileSync(reference, 'utf8');
        expect(formatted).not.toBe(original);

        const next = random(12);
        const outcomes = { old: 0, new: 0 };
        const KILLS = 40, PARALLEL = 4;
        for (let batch = 0; batch < KILLS / PARALLEL; batch++) {
            await Promise.all(Array.from({ length: PARALLEL }, async (_, index) => {
                const file = path.join(root, `kill-${batch}-${index}`, 'big.blueprint');
                mkdirSync(path.dirname(file));
                writeFileSync(file, original);
                // 0 to 10 ms into the write: an in-place write of 3.5 MiB takes a few milliseconds.
                await fmtKilledWhileWriting(file, Math.floor(next() * 10));
                const content = readFileSync(file, 'utf8');
                const verdict = content === original ? 'old' : content === formatted ? 'new' : `${content.length} bytes of neither`;
                expect(verdict, `kill ${batch * PARALLEL + index}`).toMatch(/^(old|new)$/);
                outcomes[verdict as 'old' | 'new']++;
                rmSync(path.dirname(file), { recursive: true, force: true });
            }));
        }
        expect(outcomes.old + outcomes.new).toBe(KILLS);
    }, 300_000);
});

describe('writes keep what the file was', () => {
    it('fmt keeps the mode bits and CRLF line endings', async () => {
        const workspace = new Workspace({ 'crlf.blueprint': SMALL.replace(/\n/g, '\r\n') });
        try {
            const file = path.join(workspace.root, 'crlf.blueprint');
            chmodSync(file, 0o640);
            const result = await runCli(['fmt', 'crlf.blueprint'], { cwd: workspace.root });
            expect(result.code).toBe(0);
            const text = readFileSync(file, 'utf8');
            expect(text).toContain('    customer A "A" {\r\n');
            expect(text.replace(/\r\n/g, '')).not.toContain('\n');
            expect(statSync(file).mode & 0o777).toBe(0o640);
            expect((await runCli(['fmt', '--check', 'crlf.blueprint'], { cwd: workspace.root })).code).toBe(0);
            expect(readdirSync(workspace.root)).toEqual(['crlf.blueprint']);
        } finally {
            workspace.dispose();
        }
    });
});

/** A 1 MiB tmpfs, mounted for the test; undefined when this process may not mount (not root, no tmpfs). */
function mountSmallDisk(): string | undefined {
    if (process.getuid?.() !== 0) return undefined;
    const mountPoint = mkdtempSync(path.join(tmpdir(), 'blueprint-full-disk-'));
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint]);
    if (mounted.status !== 0) {
        rmSync(mountPoint, { recursive: true, force: true });
        return undefined;
    }
    return mountPoint;
}

const disk = mountSmallDisk();

describe('a full disk', () => {
    afterAll(() => {
        if (!disk) return;
        spawnSync('umount', [disk]);
        rmSync(disk, { recursive: true, force: true });
    });

    it.skipIf(!disk)('fmt exits 2 with one line and leaves the original and no temporary file (needs root to mount a tmpfs)', async () => {
        const original = padded(300 * 1024);
        writeFileSync(path.join(disk!, 'big.blueprint'), original);
        // Fill the disk so that the formatted copy cannot fit beside the original.
        const filler = Buffer.alloc(1024);
        try {
            for (let i = 0; i < 2048; i++) writeFileSync(path.join(disk!, `filler-${i}`), filler);
        } catch { /* full */ }
        rmSync(path.join(disk!, 'filler-0'));
        const result = await runCli(['fmt', 'big.blueprint'], { cwd: disk! });
        expect(result.code).toBe(2);
        expect(result.stderr.trim().split('\n')).toEqual(['blueprint: big.blueprint: cannot write: no space left on the device']);
        expect(readFileSync(path.join(disk!, 'big.blueprint'), 'utf8')).toBe(original);
        expect(readdirSync(disk!).filter(name => !name.startsWith('filler-'))).toEqual(['big.blueprint']);
    });

    it.skipIf(!disk)('render -o over an existing file keeps that file when the disk is full', async () => {
        for (const name of readdirSync(disk!)) rmSync(path.join(disk!, name));
        writeFileSync(path.join(disk!, 'small.blueprint'), SMALL);
        writeFileSync(path.join(disk!, 'out.svg'), 'previous diagram');
        for (let i = 0; i < 4096; i++) {
            try { writeFileSync(path.join(disk!, `more-${i}`), Buffer.alloc(512)); } catch { break; }
        }
        const result = await runCli(['render', 'small.blueprint', '-o', 'out.svg'], { cwd: disk! });
        expect(result.code).toBe(2);
        // render writes through writeOutput, as report and diff do: the same one-line message.
        expect(result.stderr).toMatch(/^blueprint: out\.svg: no space left on the device\n$/);
        expect(readFileSync(path.join(disk!, 'out.svg'), 'utf8')).toBe('previous diagram');
        expect(readdirSync(disk!).filter(name => name.endsWith('.tmp'))).toEqual([]);
    });
});

describe('I/O errors are one line and exit 2', () => {
    const workspace = new Workspace({ 'a.blueprint': SMALL, 'file': 'not a folder' });
    afterAll(() => workspace.dispose());

    it('-o through a file instead of a folder', async () => {
        const result = await runCli(['report', 'a.blueprint', '-o', 'file/x.md'], { cwd: workspace.root });
        expect(result.code).toBe(2);
        expect(result.stderr).toBe('blueprint: file/x.md: a part of the path is a file, not a folder\n');
    });

    it('stdout on a full device (render > /dev/full)', () => {
        const result = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI_BIN}" render a.blueprint > /dev/full`], { cwd: workspace.root, encoding: 'utf8' });
        expect(result.status).toBe(2);
        expect(result.stderr).toBe('blueprint: cannot write to stdout: no space left on the device\n');
    });

    it('fmt refuses (exit 1, file untouched) a result over the size limit', async () => {
        const line = '// a comment line that will be indented by the formatter....\n';
        const text = 'blueprint X "X" {\ncustomer A "A" { start end }\n' + line.repeat(Math.ceil(4.8 * 1024 * 1024 / line.length)) + '}\n';
        writeFileSync(path.join(workspace.root, 'grows.blueprint'), text);
        const result = await runCli(['fmt', '--max-file-size', '5', 'grows.blueprint'], { cwd: workspace.root });
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/^blueprint: grows\.blueprint: not formatted: the result would be 5\.\d+ MiB, over the 5 MiB limit/);
        expect(readFileSync(path.join(workspace.root, 'grows.blueprint'), 'utf8')).toBe(text);
    }, 60_000);
});
