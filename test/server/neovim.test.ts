/**
 * A second, independent LSP client: Neovim's built-in client (Debian's 0.7) starts the built server
 * over stdio, opens a blueprint with a problem, and reports the diagnostics and a hover it received.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVER = path.join(ROOT, 'packages/server/dist/main.js');
const nvim = spawnSync('sh', ['-c', 'command -v nvim'], { encoding: 'utf8' }).stdout.trim();

const BLUEPRINT = `blueprint Help "Help" {
    actor Teller "Teller"
    customer Ask "Ask for help" via branch {
        evidence "Sign"
        fail "Nobody at the desk"
        start
    }
    frontstage Answer "Answer" by Teller { end }
    flow Ask -> Answer
}
`;

const SCRIPT = (file: string, out: string) => `
local client_id = vim.lsp.start_client({
  name = 'blueprint',
  cmd = { 'node', ${JSON.stringify(SERVER)}, '--stdio' },
  root_dir = ${JSON.stringify(path.dirname(file))},
})
vim.cmd('edit ' .. ${JSON.stringify(file)})
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client_id)
local ok = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 100)
local result = { diagnostics = {}, hover = nil }
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, code = d.code, message = d.message, severity = d.severity })
end
local client = vim.lsp.get_client_by_id(client_id)
local response = client.request_sync('textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = 8, character = 10 },
}, 10000, buf)
if response and response.result then result.hover = response.result.contents.value end
local f = io.open(${JSON.stringify(out)}, 'w')
f:write(vim.fn.json_encode(result))
f:close()
client.stop()
vim.cmd(ok and 'qa!' or 'cq!')
`;

describe.skipIf(!nvim)('Neovim as an LSP client', () => {
    let dir: string;
    beforeAll(() => {
        if (!existsSync(SERVER)) spawnSync('npx', ['tsc', '-b', 'packages/server'], { cwd: ROOT, stdio: 'ignore' });
        dir = mkdtempSync(path.join(tmpdir(), 'blueprint-nvim-'));
        for (const sub of ['config', 'data', 'state', 'cache']) mkdirSync(path.join(dir, 'xdg', sub), { recursive: true });
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('receives rule diagnostics and hovers from the server', () => {
        const file = path.join(dir, 'help.blueprint');
        const out = path.join(dir, 'result.json');
        writeFileSync(file, BLUEPRINT);
        writeFileSync(path.join(dir, 'script.lua'), SCRIPT(file, out));
        const run = spawnSync(nvim, ['--headless', '--clean', '-n', '-c', `luafile ${path.join(dir, 'script.lua')}`], {
            cwd: dir, encoding: 'utf8', timeout: 60_000,
            env: { ...process.env, XDG_CONFIG_HOME: path.join(dir, 'xdg/config'), XDG_DATA_HOME: path.join(dir, 'xdg/data'),
                XDG_STATE_HOME: path.join(dir, 'xdg/state'), XDG_CACHE_HOME: path.join(dir, 'xdg/cache') }
        });
        expect(run.status, run.stderr).toBe(0);
        const result = JSON.parse(readFileSync(out, 'utf8'));
        // BP009: the fail point on line 5 names no prevention or recovery
        expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'BP009', lnum: 4 }));
        expect(result.hover).toContain('Answer');
    }, 90_000);
});
