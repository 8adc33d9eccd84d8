#!/usr/bin/env node
// The `blueprint` executable of the service-blueprint package.
import { run } from '@blueprint/cli';

process.exitCode = await run(process.argv);
