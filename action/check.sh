#!/usr/bin/env bash
# `blueprint check --format github` over the `paths` input. The paths are split on white space but
# never glob-expanded by bash: the CLI expands the patterns itself (and skips node_modules).
set -euo pipefail
read -r -d '' -a paths <<< "$INPUT_PATHS" || true
[ "${#paths[@]}" -gt 0 ] || paths=(.)
args=(check --format github)
if [ "$INPUT_MAX_WARNINGS" != "-1" ]; then args+=(--max-warnings "$INPUT_MAX_WARNINGS"); fi
"$BLUEPRINT" "${args[@]}" -- "${paths[@]}"
