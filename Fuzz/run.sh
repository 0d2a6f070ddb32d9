#!/bin/sh
# Runs the libFuzzer harnesses built by `make fuzz-build`: Fuzz/run.sh SECONDS [HARNESS...]
# Each harness runs SECONDS seconds from its seeds (Fuzz/corpus/<name>, read only) and its growing corpus
# (.build-fuzz/corpus/<name>). A crash, a hang (over 10 s per input) or an out-of-memory input is written
# to .build-fuzz/artifacts/<Harness>-crash-..., and the script exits 1 after running every harness. Leak
# detection is off: the only leaks seen are inside Foundation (see Tests/sanitizers/lsan.supp).
# Reproduce one with the plain build: swift build --product <Harness> && .build/debug/<Harness> FILE
set -u
seconds=${1:-200}
shift 2>/dev/null || true
harnesses=${*:-ParserFuzz EngineFuzz CorpusFuzz OutputFuzz}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$root/.build-fuzz/release
mkdir -p "$root/.build-fuzz/artifacts"
status=0
for h in $harnesses; do
    case $h in
        ParserFuzz) seeds=parser; maxlen=16384 ;;
        EngineFuzz) seeds=engine; maxlen=4096 ;;
        CorpusFuzz) seeds=catalog; maxlen=16384 ;;
        OutputFuzz) seeds=output; maxlen=4096 ;;
        *) echo "unknown harness $h"; exit 2 ;;
    esac
    work=$root/.build-fuzz/corpus/$seeds
    mkdir -p "$work"
    log=$root/.build-fuzz/$h.log
    echo "== $h for ${seconds}s (log: $log)"
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} "$bin/$h" "$work" "$root/Fuzz/corpus/$seeds" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -detect_leaks=0 \
        -max_len=$maxlen -print_final_stats=1 -artifact_prefix="$root/.build-fuzz/artifacts/$h-" >"$log" 2>&1
    rc=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    echo "   executions: ${runs:-?}, exit status $rc"
    if [ $rc -ne 0 ]; then
        status=1
        grep -E '^==[0-9]+==ERROR|Fatal error|ALARM|out-of-memory|Test unit written' "$log" | head -5 | sed 's/^/   /'
    fi
done
exit $status
