#!/usr/bin/env bash
# Runs every example script in examples/*.mq three ways, as `make test` does:
#   mq run --corpus seeds FILE > /dev/null    the script runs and every assert holds
#   mq check --corpus seeds FILE              the checker finds no error
#   mq fmt --check FILE                       the file is formatted as `mq fmt` would write it
# Prints one line per example, then "N passed, M failed"; exits 1 if any example failed. What a failing
# step printed goes to standard error, indented under the example's line.
#
# Usage: scripts/run-examples.sh [MQ]     MQ: the mq binary (default .build/debug/mq)
set -euo pipefail

mq="${1:-.build/debug/mq}"
# Resolve the binary before changing directory, so a relative path keeps working.
if [[ "$mq" == */* ]]; then
    dir="$(cd "$(dirname "$mq")" 2>/dev/null && pwd || true)"
    [[ -n "$dir" ]] && mq="${dir%/}/$(basename "$mq")"
fi
if [[ ! -x "$mq" ]] && ! command -v "$mq" >/dev/null 2>&1; then
    echo "run-examples: no mq binary at '$mq' (build it first: swift build)" >&2
    exit 2
fi

# Work from the repository root: examples and seeds are found there whatever the caller's directory.
cd "$(dirname "${BASH_SOURCE[0]}")/.."

shopt -s nullglob
examples=(examples/*.mq)
passed=0
failed=0

for file in "${examples[@]}"; do
    problems=()
    log=""
    if ! out="$("$mq" run --corpus seeds "$file" 2>&1 >/dev/null)"; then
        problems+=("run")
        log+="$out"$'\n'
    fi
    if ! out="$("$mq" check --corpus seeds "$file" 2>&1)"; then
        problems+=("check")
        log+="$out"$'\n'
    fi
    if ! out="$("$mq" fmt --check "$file" 2>&1)"; then
        problems+=("fmt")
        log+="$out"$'\n'
    fi
    if [[ ${#problems[@]} -eq 0 ]]; then
        echo "ok    $file"
        passed=$((passed + 1))
    else
        echo "FAIL  $file ($(IFS=,; echo "${problems[*]}"))"
        printf '%s' "$log" | sed -e '/^$/d' -e 's/^/      /' >&2   # the details go to standard error
        failed=$((failed + 1))
    fi
done

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
