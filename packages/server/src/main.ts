#!/usr/bin/env node
/** The Blueprint language server over stdio (`--stdio`) or Node IPC (`--node-ipc`). */
import { createBlueprintServices } from '@blueprint/language';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';

const connection = createConnection(ProposedFeatures.all);
const { shared } = createBlueprintServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
