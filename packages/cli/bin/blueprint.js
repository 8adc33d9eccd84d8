#!/usr/bin/env node
// The `blueprint` executable: runs the built CLI and hands its exit code to the process.
import { run } from '../dist/main.js';

process.exitCode = await run(process.argv);
