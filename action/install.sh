#!/usr/bin/env bash
# Installs the prebuilt, bundled Blueprint CLI (the service-blueprint npm package, no dependencies)
# into the runner's temp folder: nothing of this repository is built on the runner.
set -euo pipefail
node -e 'const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 10)) { console.log(`::error title=Blueprint review::Node ${process.versions.node} is too old; the Blueprint CLI needs Node 20.10 or later (use actions/setup-node).`); process.exit(1); }'
prefix="$RUNNER_TEMP/blueprint-cli"
mkdir -p "$prefix"
npm install --prefix "$prefix" --no-save --no-audit --no-fund --no-package-lock --loglevel=error "$CLI_PACKAGE" >&2
bin="$prefix/node_modules/.bin/blueprint"
"$bin" --version
echo "blueprint=$bin" >> "$GITHUB_OUTPUT"
