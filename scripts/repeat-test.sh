#!/usr/bin/env bash
# Runs one test N times in a row and stops at the first failure: proof that a once-flaky test is
# fixed at its cause. Not part of the suite. Example:
#   scripts/repeat-test.sh 20 test/webview/webview.test.ts "highlights the critical path"
set -euo pipefail
count=${1:?count}; file=${2:?test file}; name=${3:?test name pattern}
for i in $(seq 1 "$count"); do
    if ! npx vitest run "$file" -t "$name" > /tmp/repeat-test-$$.log 2>&1; then
        echo "run $i of $count FAILED"; tail -40 /tmp/repeat-test-$$.log; exit 1
    fi
    grep -q "1 passed" /tmp/repeat-test-$$.log || { echo "run $i: the test did not run"; tail -20 /tmp/repeat-test-$$.log; exit 1; }
    echo "run $i of $count passed"
done
rm -f /tmp/repeat-test-$$.log
