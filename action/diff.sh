#!/usr/bin/env bash
# One `blueprint diff --git BASE` run writing every format (diff.md, diff.json, svg/) into a folder,
# which is uploaded as an artifact named uniquely for this job.
set -euo pipefail
read -r -d '' -a paths <<< "$INPUT_PATHS" || true
[ "${#paths[@]}" -gt 0 ] || paths=(.)
out="$RUNNER_TEMP/blueprint-diff${COMMENT_KEY:+-$COMMENT_KEY}"
rm -rf "$out"
options=()
[ "${INPUT_MERMAID:-false}" != true ] || options+=(--mermaid)
"$BLUEPRINT" diff --git "$BASE" --out-dir "$out" ${options[@]+"${options[@]}"} -- "${paths[@]}"
# Jobs of a matrix share GITHUB_JOB: without a comment-key, a random suffix keeps names apart.
name="${ARTIFACT_NAME:-blueprint-diff-${GITHUB_JOB:-job}-${COMMENT_KEY:-$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')}}"
name="$(printf '%s' "$name" | tr -c 'A-Za-z0-9._-' '-')"
risky="$(node -e 'const d = require(process.argv[1]); console.log(d.files.some(f => (f.summary?.risks ?? 0) > 0))' "$out/diff.json")"
{
  echo "dir=$out"
  echo "markdown=$out/diff.md"
  echo "json=$out/diff.json"
  echo "svg-dir=$out/svg"
  echo "artifact-name=$name"
  echo "risky=$risky"
} >> "$GITHUB_OUTPUT"
