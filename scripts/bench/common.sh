# Shared by the scripts/bench-*.sh benchmarks; sourced once BENCH_NAME, ROOT and SCRATCH are set.
# Gives: WORK (a temporary directory, removed on exit unless BENCH_KEEP_LOGS=1), PIDS (servers started with setsid;
# on exit each process group is sent SIGTERM, so their function processes end too), an optional bench_cleanup
# hook the script may define, `log`, and `bench_build PRODUCT...`.

WORK=$(mktemp -d "${TMPDIR:-/tmp}/$BENCH_NAME.XXXXXX")
PIDS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    if declare -F bench_cleanup >/dev/null; then bench_cleanup; fi
    if [[ ${BENCH_KEEP_LOGS:-0} == 1 ]]; then echo "$BENCH_NAME: logs kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "$BENCH_NAME: $*" >&2; }

# bench_build PRODUCT...: builds the products in release into $SCRATCH (unless BENCH_BIN_PATH names prebuilt
# binaries, or BENCH_SKIP_BUILD=1 reuses the last build), sets BIN to their directory and checks they are there.
# The build runs under `nice -n ${BENCH_BUILD_NICE:-5}` (the machine is shared); the measurements do not.
bench_build() {
    cd "$ROOT"
    if [[ -n ${BENCH_BIN_PATH:-} ]]; then
        BIN=$BENCH_BIN_PATH
    else
        if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
            log "building release $* into $SCRATCH"
            local product
            for product in "$@"; do
                nice -n "${BENCH_BUILD_NICE:-5}" swift build -c release --scratch-path "$SCRATCH" --product "$product" \
                    >>"$WORK/build.log" 2>&1 ||
                    { cat "$WORK/build.log" >&2; exit 2; }
            done
        fi
        BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)
    fi
    local exe
    for exe in "$@"; do
        [[ -x $BIN/$exe ]] || { log "\"$BIN/$exe\" is missing; build it or unset BENCH_SKIP_BUILD"; exit 2; }
    done
}

# echo_only_template OUT: the repository's template with Echo alone (its other functions, e.g. MessagingStream, are
# not built by the benchmarks and their stream mapping would compete for the CPUs), written to OUT, which must be a
# folder below the package (.build*/) so that CodeUri and Package.swift resolve.
echo_only_template() {
    python3 - "$ROOT/template.json" "$1" <<'PY'
import json, sys
template = json.load(open(sys.argv[1]))
echo = template["Resources"]["Echo"]
echo["Properties"]["CodeUri"] = "../functions/Echo"
template["Resources"] = {"Echo": echo}
json.dump(template, open(sys.argv[2], "w"), indent=2)
PY
}
