#!/usr/bin/env node
// `blueprint-language-server --stdio` (or --node-ipc): the language server for any LSP editor.
import '@blueprint/server/main';
