/** `blueprint mcp`: the MCP server for AI assistants (Claude Desktop, VS Code, …), over stdio. */
import type { Command } from 'commander';
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { ExitCode, type CliCommand, type CliContext } from '../cli-context.js';
import { CliError } from '../errors.js';
import { cliToolHost } from '../mcp/cli-tool-host.js';

export const mcpCommand: CliCommand = {
    register(program: Command, context: CliContext): void {
        program.command('mcp')
            .summary('serve the tools for AI assistants (Model Context Protocol over stdio)')
            .description('Runs a Model Context Protocol server on stdin/stdout for AI assistants, with the tools check (diagnostics '
                + 'with rule ids), explain_rule, analyse (expected, most likely and worst-case times per segment, fail-point coverage), '
                + 'render (SVG, or PNG as an image) and diff, on files or on text. Paths are relative to the folder given (by default the current directory); '
                + 'nothing is written except where render is given an output path (inside the folder, never a .blueprint file). Logs go to stderr.\n\n'
                + 'Example configuration (Claude Desktop): { "command": "npx", "args": ["-y", "service-blueprint", "mcp", "/path/to/blueprints"] }')
            .argument('[folder]', 'the folder relative paths start from (default: the current directory)')
            .action(async (folder: string | undefined) => {
                const cwd = path.resolve(context.cwd, folder ?? '.');
                // Checked before serving: a client would otherwise only see every call fail.
                if (!statSync(cwd, { throwIfNoEntry: false })?.isDirectory()) throw new CliError(`${folder}: no such folder`);
                const { serveMcpOverStdio } = await import('../mcp/mcp-server.js');
                await serveMcpOverStdio(cliToolHost(cwd), context.version, cwd, message => context.stderr.write(message.endsWith('\n') ? message : message + '\n'));
                context.exitCode = ExitCode.ok;
            });
    }
};
