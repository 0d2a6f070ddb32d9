#!/usr/bin/env bash
# Builds examples/embedding (a separate Swift package that depends on this one by path and uses only the
# public API of QueryLang) and runs it: it exits 1 on the first wrong answer.
# Usage: scripts/run-embedding-example.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../examples/embedding"
swift build -q
"$(swift build --show-bin-path)/EmbeddingExample"
