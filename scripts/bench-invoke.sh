#!/usr/bin/env bash
# bench-invoke.sh: how fast lambda-local invokes the Echo function over the real Runtime API, how close that is to
# the floor (Echo's own Runtime API loop against a trivial server), and, optionally, how it compares with another
# build measured in the same run (a benchmark, not a test: it prints figures and always exits 0 unless something
# broke).
#
# Usage: scripts/bench-invoke.sh                              (this build alone; about 2 minutes after the build)
#        BENCH_BASE_BIN_PATH=DIR scripts/bench-invoke.sh      (this build vs DIR's lambda-local and Echo, both
#                                                              measured in each round; about 1 minute per round,
#                                                              plus 1 minute with BENCH_PERF=1)
# e.g. base = the previous main: cd ../wt-base && nice -n 5 swift build -c release --product lambda-local \
#        --scratch-path .build-bench && nice -n 5 swift build -c release --product Echo --scratch-path .build-bench
#      (one --product per `swift build`: given twice, only the last one is built), then
#      BENCH_BASE_BIN_PATH=../wt-base/.build-bench/release scripts/bench-invoke.sh
#
# It builds release `lambda-local` and `Echo` into .build-bench (never the default .build), then measures, against
# 127.0.0.1 only:
#   0. client floor (once): the benchmark client against a trivial C echo server (what the client itself costs);
# then, for each build ("new" = this one, "base" = BENCH_BASE_BIN_PATH's), in each of BENCH_ROUNDS rounds (the
# builds alternate: base then new in odd rounds, new then base in even ones, so a drift of the machine's load
# weighs on both alike):
#   1. runtime floor, 1 connection: the build's Echo binary (this repository's LambdaRuntime: libcurl, one keep-alive
#      connection, POST /response then GET /next) against scripts/bench/runtime-floor.c, a C Runtime API server that
#      answers every /next at once with the same event and Lambda's headers and every /response with 202; BENCH_WARMUP
#      unmeasured then BENCH_WARM_N measured loop iterations, one iteration = /next answered -> next /next read;
#   2. runtime floor, N connections: BENCH_FLOOR_PROCESSES Echo processes (default: the largest wrk connection count)
#      against the same server for BENCH_WRK_DURATION: iterations/s, the counterpart of wrk -cN with N environments;
#   3. cold invoke: `lambda-local start --no-reuse-environments`, BENCH_COLD_N sequential invokes, each one a
#      process spawn + Runtime API init + invoke; client latency plus REPORT `Init Duration` and `Duration`;
#   4. warm invoke: `lambda-local start` (environments reused), BENCH_WARM_N sequential invokes on one connection
#      after BENCH_WARMUP unmeasured ones; client latency plus REPORT `Duration`;
#   5. throughput: wrk with scripts/bench/post-event.lua against `lambda-local start --max-environments N`, for
#      each "THREADSxCONNECTIONS" setting, BENCH_WRK_DURATION each;
# and prints each figure as it is taken, then a summary table: per build the median over the rounds (each round's
# value in brackets), the new/base ratio, the floor's share, and the issue 10 targets (warm p50 <= 0.30 ms,
# >= 7,000 invokes/s at 8 connections, cold <= 20 ms).
#
# Clients: scripts/bench/invoke-client.c, compiled with gcc -O2. One keep-alive TCP connection with TCP_NODELAY,
# one write() per request, read() until Content-Length is satisfied, clock_gettime(MONOTONIC) around each request;
# it checks every answer is 200 and equals the event. Its own floor (~15 us on an idle loopback) is measured in
# step 0 and printed; nothing is subtracted from the other figures. scripts/bench/runtime-floor.c (gcc -O2) checks
# every /response is the event for the request ID it handed out, and reads the Echo processes' CPU time and context
# switches from /proc at the start and end of its measurement.
#
# The emulator logs START/END/REPORT (3 lines) per invocation plus the function's own log line, so its stderr
# goes to a file in a temp dir (kept with BENCH_KEEP_LOGS=1), never to the terminal; so does Echo's stderr in the
# floor runs. Everything started here is killed on exit (trap), by process group; the floor server also stops by
# itself (after its count or its time, and 60 s at most for its warm-up).
#
# Environment (all optional):
#   BENCH_SCRATCH_PATH      scratch path for the release build (default: <package>/.build-bench)
#   BENCH_SKIP_BUILD=1      use the existing build in BENCH_SCRATCH_PATH
#   BENCH_BIN_PATH          measure the lambda-local and Echo in this directory instead (no build)
#   BENCH_BASE_BIN_PATH     also measure the lambda-local and Echo in this directory ("base"), interleaved
#   BENCH_ROUNDS            rounds per build (default 3 with BENCH_BASE_BIN_PATH, else 1)
#   BENCH_COLD_N            cold invocations measured (default 200; plus 5 unmeasured first)
#   BENCH_WARM_N            warm invocations (and floor iterations) measured (default 2000)
#   BENCH_WARMUP            unmeasured warm-up invocations before the warm run (default 300)
#   BENCH_MAX_ENVIRONMENTS  --max-environments for the throughput runs (default 8)
#   BENCH_WRK_SETTINGS      wrk settings as THREADSxCONNECTIONS (default "2x2 2x4 2x8"; "2x8" with a base)
#   BENCH_WRK_DURATION      duration of each wrk run and of the N-process floor run (default 10s)
#   BENCH_FLOOR_PROCESSES   Echo processes in the N-connection floor run (default: largest wrk connection count)
#   BENCH_KEEP_LOGS=1       keep the temp dir with the emulator logs and raw latencies
#   BENCH_PERF=1            after the measured rounds, profile the new build's warm path: `perf stat` and
#                           `perf record -g` of the emulator and its Echo process during BENCH_WARM_N sequential
#                           invocations, then during a wrk run at the largest connection count; prints CPU per
#                           invoke by process, context switches, and the top entries by library and by symbol
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SCRATCH=${BENCH_SCRATCH_PATH:-$ROOT/.build-bench}
BASE_BIN=${BENCH_BASE_BIN_PATH:-}
COLD_N=${BENCH_COLD_N:-200}
COLD_WARMUP=5
WARM_N=${BENCH_WARM_N:-2000}
WARMUP=${BENCH_WARMUP:-300}
MAX_ENVS=${BENCH_MAX_ENVIRONMENTS:-8}
if [[ -n $BASE_BIN ]]; then
    ROUNDS=${BENCH_ROUNDS:-3}
    WRK_SETTINGS=${BENCH_WRK_SETTINGS:-"2x8"}
else
    ROUNDS=${BENCH_ROUNDS:-1}
    WRK_SETTINGS=${BENCH_WRK_SETTINGS:-"2x2 2x4 2x8"}
fi
WRK_DURATION=${BENCH_WRK_DURATION:-10s}
for setting in $WRK_SETTINGS; do :; done
MAX_CONNECTIONS=${setting#*x}
FLOOR_PROCS=${BENCH_FLOOR_PROCESSES:-$MAX_CONNECTIONS}
INVOKE_PATH=/2015-03-31/functions/Echo/invocations

for tool in swift gcc wrk python3 setsid; do
    command -v "$tool" >/dev/null || { echo "bench-invoke: \"$tool\" is not installed" >&2; exit 2; }
done
[[ ${BENCH_PERF:-0} != 1 ]] || command -v perf >/dev/null ||
    { echo "bench-invoke: BENCH_PERF=1 needs perf (apt-get install linux-perf)" >&2; exit 2; }
[[ $WRK_DURATION =~ ^[0-9]+s$ ]] || { echo "bench-invoke: BENCH_WRK_DURATION must be whole seconds, e.g. 10s" >&2; exit 2; }

BENCH_NAME=bench-invoke
source "$ROOT/scripts/bench/common.sh"
bench_build lambda-local Echo
BUILDS=(new)
declare -A BIN_OF=([new]=$BIN)
if [[ -n $BASE_BIN ]]; then
    BASE_BIN=$(cd "$BASE_BIN" && pwd)
    for exe in lambda-local Echo; do
        [[ -x $BASE_BIN/$exe ]] || { log "\"$BASE_BIN/$exe\" is missing (BENCH_BASE_BIN_PATH)"; exit 2; }
    done
    BUILDS=(base new)
    BIN_OF[base]=$BASE_BIN
fi
CLIENT=$WORK/invoke-client
gcc -O2 -Wall -Wextra -o "$CLIENT" "$ROOT/scripts/bench/invoke-client.c"
FLOOR_SERVER=$WORK/runtime-floor
gcc -O2 -Wall -Wextra -o "$FLOOR_SERVER" "$ROOT/scripts/bench/runtime-floor.c"
EVENT=$WORK/event.json
printf '%s' '{"key1":"value1","key2":"value2","key3":"value3"}' >"$EVENT"
RESULTS=$WORK/results.txt
: >"$RESULTS"

TEMPLATE="$SCRATCH/bench-invoke-template.json"
mkdir -p "$SCRATCH"
echo_only_template "$TEMPLATE"

# --- helpers -------------------------------------------------------------------------------------------------
# record BUILD METRIC VALUE: keeps one figure of the current round for the summary.
record() { echo "$ROUND $1 $2 $3" >>"$RESULTS"; }

# start_server BUILD LOG ARGS...: starts BUILD's `lambda-local start ARGS` on free ports with stderr to LOG and a
# state directory of its own, waits for its "Invoke API on http://127.0.0.1:PORT" line and sets PORT and SERVER_PID.
start_server() {
    local build=$1 logfile=$2; shift 2
    local bin=${BIN_OF[$build]}
    : >"$logfile"
    setsid "$bin/lambda-local" start --host 127.0.0.1 --port 0 --dynamodb-port 0 --state-dir "$WORK/state-$build" \
        --template "$TEMPLATE" --build-configuration release --bin-path "$bin" --skip-build "$@" \
        >"$logfile.out" 2>"$logfile" &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
    local i
    for ((i = 0; i < 300; i++)); do
        PORT=$(sed -n 's|^lambda-local: Invoke API on http://127\.0\.0\.1:\([0-9]*\) .*|\1|p' "$logfile" | head -1 || true)
        [[ -n $PORT ]] && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || { log "$build: lambda-local start $* exited:"; cat "$logfile" >&2; exit 2; }
        sleep 0.1
    done
    log "$build: lambda-local start $* did not listen within 30 s:"; cat "$logfile" >&2; exit 2
}

# stop_server: SIGTERM to the server's process group, then checks that no process of the group is left after 2 s.
stop_server() {
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    local i
    for ((i = 0; i < 20; i++)); do
        pgrep -g "$SERVER_PID" >/dev/null || return 0
        sleep 0.1
    done
    log "DEFECT: processes of the emulator's group $SERVER_PID still alive 2 s after SIGTERM: $(pgrep -g "$SERVER_PID" -a | tr '\n' ';')"
    kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
}

# field LINE NAME: the value of NAME=value in a `k=v k=v` line.
field() { sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" <<<"$1"; }

# report_stats LOG FIELD SKIP: "median p90 p99 count" (ms) of FIELD ("Duration" or "Init Duration") over the REPORT
# lines of LOG after the first SKIP ones.
report_stats() {
    python3 - "$1" "$2" "$3" <<'EOF'
import math, re, sys
path, name, skip = sys.argv[1], sys.argv[2], int(sys.argv[3])
pattern = re.compile(r"\t" + re.escape(name) + r": ([0-9.]+) ms")
reports = [line for line in open(path, errors="replace") if line.startswith("REPORT RequestId:")]
values = sorted(float(m.group(1)) for m in map(pattern.search, reports[skip:]) if m)
if not values:
    print("- - - 0"); sys.exit()
rank = lambda p: values[max(1, math.ceil(p / 100 * len(values))) - 1]
print(f"{rank(50):.2f} {rank(90):.2f} {rank(99):.2f} {len(values)}")
EOF
}

# snapshot: "emulator_ticks function_ticks emulator_ctxsw function_ctxsw busy_ticks total_ticks" for the running
# server. Function CPU = live children + reaped ones (cutime/cstime), so cold runs are counted too; function
# context switches only count live children (warm runs). Ticks are 1/CLK_TCK s; busy/total come from /proc/stat.
snapshot() {
    local pid=$SERVER_PID kid fn_ticks fn_cs=0 stat
    stat=$(cut -d' ' -f14-17 "/proc/$pid/stat")
    fn_ticks=$(awk '{print $3 + $4}' <<<"$stat")
    for kid in $(pgrep -P "$pid" || true); do
        fn_ticks=$((fn_ticks + $(awk '{print $14 + $15}' "/proc/$kid/stat" 2>/dev/null || echo 0)))
        fn_cs=$((fn_cs + $(cat /proc/"$kid"/task/*/status 2>/dev/null | awk '/ctxt_switches/ {s += $2} END {print s + 0}')))
    done
    echo "$(awk '{print $1 + $2}' <<<"$stat") $fn_ticks" \
        "$(cat /proc/"$pid"/task/*/status | awk '/ctxt_switches/ {s += $2} END {print s + 0}') $fn_cs" \
        "$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat)"
}

# cost BEFORE AFTER COUNT: where the CPU went per invocation between two snapshots, as
# `emu_cpu_us=… fn_cpu_us=… emu_cs=… fn_cs=… busy_cpus=…`.
cost() {
    python3 - "$1" "$2" "$3" "$(getconf CLK_TCK)" "$(nproc)" <<'EOF'
import sys
before, after = (list(map(int, a.split())) for a in sys.argv[1:3])
count, hz, cpus = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
d = [y - x for x, y in zip(before, after)]
us = lambda ticks: ticks / hz / count * 1e6
wall = d[5] / cpus / hz
print(f"emu_cpu_us={us(d[0]):.0f} fn_cpu_us={us(d[1]):.0f} emu_cs={d[2] / count:.1f} fn_cs={d[3] / count:.1f}"
      f" busy_cpus={d[4] / hz / wall if wall else 0:.2f}")
EOF
}

# show_cost COST: the human form of a `cost` line.
show_cost() {
    echo "CPU per invocation: emulator $(field "$1" emu_cpu_us) us, function $(field "$1" fn_cpu_us) us;" \
        "context switches per invocation: emulator $(field "$1" emu_cs), function $(field "$1" fn_cs);" \
        "machine busy $(field "$1" busy_cpus) of $(nproc) CPUs (all processes)"
}

# run_floor BUILD TAG PROCESSES WARMUP COUNT SECONDS: PROCESSES of BUILD's Echo against runtime-floor.c; sets
# FLOOR_OUT to its result line. (Not in a $(…) subshell, so that what it starts is in PIDS for the exit trap.)
run_floor() {
    local build=$1 tag=$2 procs=$3 warmup=$4 count=$5 seconds=$6
    local bin=${BIN_OF[$build]} portfile=$WORK/$tag.port pidsfile=$WORK/$tag.pids server port i j rc=0 out
    rm -f "$portfile" "$pidsfile"
    : >"$pidsfile"
    setsid "$FLOOR_SERVER" "$portfile" "$EVENT" "$warmup" "$count" "$seconds" - "$pidsfile" \
        >"$WORK/$tag.out" 2>"$WORK/$tag.err" &
    server=$!
    PIDS+=("$server")
    for ((i = 0; i < 100; i++)); do [[ -s $portfile ]] && break; sleep 0.05; done
    port=$(cat "$portfile")
    local kids=()
    for ((i = 0; i < procs; i++)); do
        # The environment the emulator gives Echo (ProcessEnvironment), minus what Echo does not read.
        env -i PATH="$PATH" HOME="$HOME" LANG=en_US.UTF-8 TZ=:UTC AWS_LAMBDA_RUNTIME_API="127.0.0.1:$port" \
            AWS_LAMBDA_FUNCTION_NAME=Echo AWS_LAMBDA_FUNCTION_VERSION='$LATEST' AWS_LAMBDA_FUNCTION_MEMORY_SIZE=128 \
            AWS_LAMBDA_LOG_GROUP_NAME=/aws/lambda/Echo AWS_LAMBDA_LOG_STREAM_NAME=bench AWS_REGION=us-east-1 \
            setsid "$bin/Echo" >/dev/null 2>>"$WORK/$tag.echo.log" &
        kids+=("$!")
        PIDS+=("$!")
        echo "$!" >>"$pidsfile"
    done
    wait "$server" || rc=$?
    out=$(cat "$WORK/$tag.out")
    # The server closed every connection: each Echo fails its next /next and exits with status 1.
    for i in "${kids[@]}"; do
        for ((j = 0; j < 20; j++)); do kill -0 "$i" 2>/dev/null || break; sleep 0.05; done
        kill -TERM -- "-$i" 2>/dev/null || true
        wait "$i" 2>/dev/null || true
    done
    if ((rc != 0)) || [[ $(field "$out" errors) != 0 ]]; then
        log "$build: runtime floor ($tag) failed (status $rc): $out"
        cat "$WORK/$tag.err" >&2
        tail -5 "$WORK/$tag.echo.log" >&2
        exit 2
    fi
    FLOOR_OUT=$out
}

us_to_ms() { python3 -c "import sys; print(f'{float(sys.argv[1]) / 1000:.3f}')" "$1"; }

# --- 0. client floor -----------------------------------------------------------------------------------------
log "client floor against a trivial C echo server"
setsid "$CLIENT" serve "$WORK/floor.port" 2>/dev/null &
FLOOR_PID=$!
PIDS+=("$FLOOR_PID")
for ((i = 0; i < 50; i++)); do [[ -s $WORK/floor.port ]] && break; sleep 0.05; done
FLOOR=$("$CLIENT" client "$(cat "$WORK/floor.port")" "$INVOKE_PATH" "$EVENT" "$WARM_N" "$WARMUP")
kill -TERM -- "-$FLOOR_PID" 2>/dev/null || true
echo "client floor (C keep-alive client vs trivial C server): $FLOOR"
ROUND=0
record all client_p50 "$(field "$FLOOR" median_us)"
record all client_p99 "$(field "$FLOOR" p99_us)"

# The lines an emulator log holds on a good run: START/END/REPORT/INIT_START per invocation, Echo's own line, the
# emulator's banner and shutdown lines (anything else is printed after the round).
USUAL_LOG_LINES='^(START|END|REPORT|INIT_START) |echoing [0-9]+ bytes$|^lambda-local: |^$'

# --- one round of one build ----------------------------------------------------------------------------------------
measure() {
    local build=$1 tag="r$ROUND-$1" out line setting threads connections before after c
    echo "--- round $ROUND/$ROUNDS, $build (${BIN_OF[$build]}); load $(cut -d' ' -f1-3 /proc/loadavg)"

    log "round $ROUND $build: runtime floor, 1 process: $WARMUP + $WARM_N loop iterations"
    run_floor "$build" "$tag-floor1" 1 "$WARMUP" "$WARM_N" 60
    out=$FLOOR_OUT
    echo "$build floor, 1 Echo process vs runtime-floor.c: $out"
    record "$build" floor1_p50 "$(field "$out" median_us)"
    record "$build" floor1_p99 "$(field "$out" p99_us)"
    record "$build" floor1_ips "$(field "$out" ips)"
    record "$build" floor1_fn_cpu "$(field "$out" fn_cpu_us)"
    record "$build" floor1_fn_cs "$(field "$out" fn_cs)"

    log "round $ROUND $build: runtime floor, $FLOOR_PROCS processes for $WRK_DURATION"
    run_floor "$build" "$tag-floorN" "$FLOOR_PROCS" 2000 0 "${WRK_DURATION%s}"
    out=$FLOOR_OUT
    echo "$build floor, $FLOOR_PROCS Echo processes vs runtime-floor.c: $out"
    record "$build" floorN_ips "$(field "$out" ips)"
    record "$build" floorN_p50 "$(field "$out" median_us)"
    record "$build" floorN_p99 "$(field "$out" p99_us)"
    record "$build" floorN_fn_cpu "$(field "$out" fn_cpu_us)"

    log "round $ROUND $build: cold invoke, $COLD_N sequential invocations, each a fresh process"
    start_server "$build" "$WORK/$tag-cold.log" --no-reuse-environments
    before=$(snapshot)
    out=$("$CLIENT" client "$PORT" "$INVOKE_PATH" "$EVENT" "$COLD_N" "$COLD_WARMUP" "$WORK/$tag-cold.latencies") ||
        { log "$build: cold run failed: $out"; tail -20 "$WORK/$tag-cold.log" >&2; exit 2; }
    sleep 0.2 # the REPORT line of the last invocation may follow its response
    c=$(cost "$before" "$(snapshot)" "$((COLD_N + COLD_WARMUP))")
    stop_server
    local init_med init_p90 init_p99 init_n dur_med dur_p90 dur_p99 dur_n
    read -r init_med init_p90 init_p99 init_n < <(report_stats "$WORK/$tag-cold.log" "Init Duration" "$COLD_WARMUP")
    read -r dur_med dur_p90 dur_p99 dur_n < <(report_stats "$WORK/$tag-cold.log" "Duration" "$COLD_WARMUP")
    echo "$build cold invoke (client, spawn to response): $out"
    echo "$build cold invoke $(show_cost "$c") (function context switches not counted: the processes are gone)"
    echo "$build cold invoke REPORT (ms, $init_n lines): Init Duration median $init_med p90 $init_p90 p99 $init_p99;" \
        "Duration median $dur_med p90 $dur_p90 p99 $dur_p99"
    record "$build" cold_p50 "$(field "$out" median_us)"
    record "$build" cold_p90 "$(field "$out" p90_us)"
    record "$build" cold_p99 "$(field "$out" p99_us)"
    record "$build" cold_init "$(python3 -c "import sys; print(float(sys.argv[1]) * 1000)" "$init_med" 2>/dev/null || echo nan)"
    record "$build" cold_emu_cpu "$(field "$c" emu_cpu_us)"
    record "$build" cold_fn_cpu "$(field "$c" fn_cpu_us)"

    log "round $ROUND $build: warm invoke, $WARMUP warm-up + $WARM_N sequential invocations on one environment"
    start_server "$build" "$WORK/$tag-warm.log"
    "$CLIENT" client "$PORT" "$INVOKE_PATH" "$EVENT" "$WARMUP" 0 >/dev/null ||
        { log "$build: warm-up failed"; tail -20 "$WORK/$tag-warm.log" >&2; exit 2; }
    before=$(snapshot)
    out=$("$CLIENT" client "$PORT" "$INVOKE_PATH" "$EVENT" "$WARM_N" 0 "$WORK/$tag-warm.latencies") ||
        { log "$build: warm run failed: $out"; tail -20 "$WORK/$tag-warm.log" >&2; exit 2; }
    c=$(cost "$before" "$(snapshot)" "$WARM_N")
    sleep 0.2
    stop_server
    read -r dur_med dur_p90 dur_p99 dur_n < <(report_stats "$WORK/$tag-warm.log" "Duration" "$WARMUP")
    echo "$build warm invoke (client): $out"
    echo "$build warm invoke $(show_cost "$c")"
    echo "$build warm invoke REPORT Duration (ms, $dur_n lines): median $dur_med p90 $dur_p90 p99 $dur_p99"
    record "$build" warm_p50 "$(field "$out" median_us)"
    record "$build" warm_p99 "$(field "$out" p99_us)"
    record "$build" warm_rps "$(python3 -c "import sys; print(round(1e6 / float(sys.argv[1])))" "$(field "$out" mean_us)")"
    record "$build" warm_emu_cpu "$(field "$c" emu_cpu_us)"
    record "$build" warm_fn_cpu "$(field "$c" fn_cpu_us)"
    record "$build" warm_emu_cs "$(field "$c" emu_cs)"
    record "$build" warm_fn_cs "$(field "$c" fn_cs)"

    log "round $ROUND $build: throughput, wrk $WRK_SETTINGS, $WRK_DURATION each, --max-environments $MAX_ENVS"
    start_server "$build" "$WORK/$tag-wrk.log" --max-environments "$MAX_ENVS"
    # Warm up as many environments as the largest connection count could use.
    wrk -t1 -c"$MAX_CONNECTIONS" -d2s -s "$ROOT/scripts/bench/post-event.lua" "http://127.0.0.1:$PORT$INVOKE_PATH" >/dev/null
    for setting in $WRK_SETTINGS; do
        threads=${setting%x*} connections=${setting#*x}
        before=$(snapshot)
        out=$(wrk -t"$threads" -c"$connections" -d"$WRK_DURATION" --latency -s "$ROOT/scripts/bench/post-event.lua" \
            "http://127.0.0.1:$PORT$INVOKE_PATH")
        line=$(grep '^BENCH ' <<<"$out")
        c=$(cost "$before" "$(snapshot)" "$(field "$line" requests)")
        echo "$build wrk -t$threads -c$connections -d$WRK_DURATION: ${line#BENCH }"
        echo "$build wrk -t$threads -c$connections $(show_cost "$c")"
        record "$build" "wrk_c${connections}_rps" "$(field "$line" rps)"
        record "$build" "wrk_c${connections}_p50" "$(field "$line" p50_us)"
        record "$build" "wrk_c${connections}_p99" "$(field "$line" p99_us)"
        record "$build" "wrk_c${connections}_errors" "$(field "$line" errors)"
        record "$build" "wrk_c${connections}_emu_cpu" "$(field "$c" emu_cpu_us)"
        record "$build" "wrk_c${connections}_fn_cpu" "$(field "$c" fn_cpu_us)"
        record "$build" "wrk_c${connections}_emu_cs" "$(field "$c" emu_cs)"
    done
    local envs lines errs
    envs=$(grep -c '^INIT_START\|Init Duration' "$WORK/$tag-wrk.log" || true)
    lines=$(wc -l <"$WORK/$tag-wrk.log")
    stop_server
    echo "$build throughput run: emulator stderr has $lines lines, written to a file; $envs cold starts"
    # Anything in the emulator logs that is not the per-invocation lines is worth a look.
    local f other
    for f in "$WORK/$tag-cold.log" "$WORK/$tag-warm.log" "$WORK/$tag-wrk.log"; do
        other=$(grep -Ev "$USUAL_LOG_LINES" "$f" || true)
        [[ -z $other ]] || echo "$build: $(wc -l <<<"$other") unusual lines in the emulator log $(basename "$f"), e.g.: $(head -3 <<<"$other" | cut -c1-240 | tr '\n' '|')"
    done
}

for ((ROUND = 1; ROUND <= ROUNDS; ROUND++)); do
    if ((ROUND % 2 == 1)); then order=("${BUILDS[@]}"); else order=(); for b in "${BUILDS[@]}"; do order=("$b" "${order[@]}"); done; fi
    for build in "${order[@]}"; do measure "$build"; done
done

# --- optional profile of the new build's warm path ----------------------------------------------------------------
if [[ ${BENCH_PERF:-0} == 1 ]]; then
    profile() { # profile TAG COUNT: perf stat + perf record of the emulator and its Echo processes (COUNT sequential
        # invocations for "warm", a 5 s wrk run at the largest connection count otherwise)
        local tag=$1 count=$2 kids
        kids=$(pgrep -P "$SERVER_PID" | paste -sd, -)
        local events=task-clock,context-switches,cpu-migrations,raw_syscalls:sys_enter,sched:sched_wakeup
        perf stat -e "$events" --per-thread -p "$SERVER_PID" -o "$WORK/$tag.emu.perfstat" >/dev/null 2>&1 &
        local stat_emu=$!
        perf stat -e "$events" --per-thread -p "$kids" -o "$WORK/$tag.fn.perfstat" >/dev/null 2>&1 &
        local stat_fn=$!
        perf record -F "$PERF_HZ" -g -p "$SERVER_PID,$kids" -o "$WORK/$tag.perf.data" >/dev/null 2>&1 &
        local rec=$!
        sleep 1
        if [[ $tag == warm ]]; then
            "$CLIENT" client "$PORT" "$INVOKE_PATH" "$EVENT" "$count" 0 >/dev/null
        else
            count=$(wrk -t2 -c"$MAX_CONNECTIONS" -d5s -s "$ROOT/scripts/bench/post-event.lua" \
                "http://127.0.0.1:$PORT$INVOKE_PATH" | sed -n 's/^BENCH requests=\([0-9]*\).*/\1/p')
        fi
        kill -INT "$rec" "$stat_emu" "$stat_fn" 2>/dev/null || true
        wait "$rec" "$stat_emu" "$stat_fn" 2>/dev/null || true
        echo "== profile of the new build, $tag: $count invocations; emulator pid $SERVER_PID, Echo pid(s) $kids;" \
            "perf record -g at $PERF_HZ Hz (cpu-clock: no hardware counters here) + perf stat"
        perf script -i "$WORK/$tag.perf.data" -F comm,pid,tid,ip,sym,dso >"$WORK/$tag.perf.txt" 2>/dev/null || true
        python3 "$ROOT/scripts/bench/perf-summary.py" "$WORK/$tag.perf.txt" "$WORK/$tag.emu.perfstat" \
            "$WORK/$tag.fn.perfstat" "$count" "$PERF_HZ" "$SERVER_PID"
        echo "  emulator, self time by symbol (top 15):"
        perf report -i "$WORK/$tag.perf.data" --pid "$SERVER_PID" --no-children --sort sym --stdio -g none 2>/dev/null |
            grep -v '^#' | grep -v '^$' | head -15 | cut -c1-150 | sed 's/^/  /' || true
    }
    PERF_HZ=4000
    log "profile: warm path of the new build (perf)"
    start_server new "$WORK/profile-warm.log"
    "$CLIENT" client "$PORT" "$INVOKE_PATH" "$EVENT" "$WARMUP" 0 >/dev/null
    profile warm "$WARM_N"
    stop_server
    log "profile: $MAX_CONNECTIONS connections, new build (perf)"
    start_server new "$WORK/profile-wrk.log" --max-environments "$MAX_ENVS"
    wrk -t1 -c"$MAX_CONNECTIONS" -d2s -s "$ROOT/scripts/bench/post-event.lua" "http://127.0.0.1:$PORT$INVOKE_PATH" >/dev/null
    profile "wrk-c$MAX_CONNECTIONS" ""
    stop_server
fi

# --- summary ---------------------------------------------------------------------------------------------------
LEFT=$(pgrep -f "^($BIN|${BASE_BIN:-/nonexistent})/(lambda-local|Echo)( |$)" -a || true)
echo
echo "== lambda-local invoke benchmark (Echo, release; latencies in ms; medians over $ROUNDS round(s), each round's value in [ ]) =="
for build in "${BUILDS[@]}"; do echo "$build: ${BIN_OF[$build]}"; done
python3 - "$RESULTS" "${BUILDS[*]}" "$MAX_CONNECTIONS" "$FLOOR_PROCS" <<'EOF'
import collections, statistics, sys
path, builds, maxc, floorn = sys.argv[1], sys.argv[2].split(), sys.argv[3], sys.argv[4]
data = collections.defaultdict(list)
wrk = []
for line in open(path):
    rnd, build, metric, value = line.split()
    try: v = float(value)
    except ValueError: continue
    data[(build, metric)].append(v)
    if metric.startswith("wrk_c") and metric.endswith("_rps") and metric not in wrk: wrk.append(metric)
med = lambda b, m: statistics.median(data[(b, m)]) if data.get((b, m)) else None
# (metric, label, scale (divide by), decimals, target (op, value) in the shown unit)
spec = [
    ("warm_p50", "warm p50, 1 conn (ms)", 1000, 3, ("<=", 0.30)),
    ("warm_p99", "warm p99, 1 conn (ms)", 1000, 3, None),
    ("warm_rps", "warm invokes/s, 1 conn", 1, 0, None),
    ("warm_emu_cpu", "  emulator CPU/invoke (us)", 1, 0, None),
    ("warm_fn_cpu", "  Echo CPU/invoke (us)", 1, 0, None),
    ("warm_emu_cs", "  emulator ctx sw/invoke", 1, 1, None),
    ("warm_fn_cs", "  Echo ctx sw/invoke", 1, 1, None),
]
for m in wrk:
    c = m[len("wrk_c"):-len("_rps")]
    spec += [
        (m, f"invokes/s, wrk {c} conn", 1, 0, (">=", 7000) if c == maxc else None),
        (f"wrk_c{c}_p50", f"  wrk {c} conn p50 (ms)", 1000, 3, None),
        (f"wrk_c{c}_p99", f"  wrk {c} conn p99 (ms)", 1000, 3, None),
        (f"wrk_c{c}_emu_cpu", f"  emulator CPU/invoke (us)", 1, 0, None),
        (f"wrk_c{c}_fn_cpu", f"  Echo CPU/invoke (us)", 1, 0, None),
        (f"wrk_c{c}_emu_cs", f"  emulator ctx sw/invoke", 1, 1, None),
        (f"wrk_c{c}_errors", f"  wrk {c} conn errors", 1, 0, None),
    ]
spec += [
    ("cold_p50", "cold median (ms)", 1000, 2, ("<=", 20)),
    ("cold_p90", "cold p90 (ms)", 1000, 2, None),
    ("cold_p99", "cold p99 (ms)", 1000, 2, None),
    ("cold_init", "  REPORT Init Duration med (ms)", 1000, 2, None),
    ("cold_emu_cpu", "  emulator CPU/cold invoke (us)", 1, 0, None),
    ("cold_fn_cpu", "  function CPU/cold invoke (us)", 1, 0, None),
    ("floor1_p50", "FLOOR p50, 1 runtime (ms)", 1000, 3, None),
    ("floor1_p99", "FLOOR p99, 1 runtime (ms)", 1000, 3, None),
    ("floor1_ips", "FLOOR iterations/s, 1 runtime", 1, 0, None),
    ("floor1_fn_cpu", "  Echo CPU/iteration (us)", 1, 1, None),
    ("floor1_fn_cs", "  Echo ctx sw/iteration", 1, 2, None),
    ("floorN_ips", f"FLOOR iterations/s, {floorn} runtimes", 1, 0, None),
    ("floorN_p50", f"  FLOOR {floorn} runtimes p50 (ms)", 1000, 3, None),
    ("floorN_p99", f"  FLOOR {floorn} runtimes p99 (ms)", 1000, 3, None),
    ("floorN_fn_cpu", f"  Echo CPU/iteration (us)", 1, 1, None),
]
def cell(b, m, scale, dec):
    vals = data.get((b, m))
    if not vals: return "-"
    f = lambda v: f"{v / scale:.{dec}f}"
    s = f(statistics.median(vals))
    if len(vals) > 1: s += " [" + " ".join(f(v) for v in vals) + "]"
    return s
shown = [(m, label, scale, dec, target) for m, label, scale, dec, target in spec if any(data.get((b, m)) for b in builds)]
w = max([len(cell(b, m, scale, dec)) for m, _, scale, dec, _ in shown for b in builds] + [12]) + 2
head = f"{'metric':<34}" + "".join(f"{b:<{w}}" for b in builds)
if "base" in builds: head += f"{'new/base':>9}"
print(head + "  target")
for m, label, scale, dec, target in shown:
    line = f"{label:<34}" + "".join(f"{cell(b, m, scale, dec):<{w}}" for b in builds)
    if "base" in builds:
        nb, bb = med("new", m), med("base", m)
        line += f"{nb / bb:9.2f}" if nb is not None and bb else f"{'-':>9}"
    if target:
        op, tv = target
        v = med(builds[-1] if "new" not in builds else "new", m)
        ok = v is not None and (v / scale <= tv if op == "<=" else v / scale >= tv)
        line += f"  {op} {tv:g}: new {'MET' if ok else 'NOT met'}"
    print(line)
cf = data.get(("all", "client_p50"))
if cf: print(f"{'client floor p50 / p99 (ms)':<34}{cf[0] / 1000:.3f} / {data[('all', 'client_p99')][0] / 1000:.3f} (C client vs trivial C server, same loopback)")
print()
print("where a warm invoke's time goes (medians; the floor is Echo's own loop with no emulator):")
for b in builds:
    wp, fp, wr, fr = med(b, "warm_p50"), med(b, "floor1_p50"), med(b, f"wrk_c{maxc}_rps"), med(b, "floorN_ips")
    parts = []
    if wp and fp:
        parts.append(f"warm p50 {wp / 1000:.3f} ms = floor {fp / 1000:.3f} ms + emulator and its extra hops {(wp - fp) / 1000:.3f} ms"
                     f" (floor = {fp / wp * 100:.0f}%)")
    if wr and fr:
        parts.append(f"{maxc}-conn throughput {wr:.0f}/s = {wr / fr * 100:.0f}% of the floor's {fr:.0f}/s")
    ec, fc = med(b, "warm_emu_cpu"), med(b, "warm_fn_cpu")
    if ec is not None and fc is not None:
        parts.append(f"warm CPU/invoke: emulator {ec:.0f} us + Echo {fc:.0f} us (Echo alone in the floor: {med(b, 'floor1_fn_cpu') or 0:.0f} us)")
    print(f"  {b}: " + "; ".join(parts))
EOF
if [[ -n $LEFT ]]; then echo "DEFECT: processes of the measured builds still running after the run: $LEFT"; else echo "processes left behind by the measured builds: none"; fi
REV=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
[[ -n $(git -C "$ROOT" status --porcelain 2>/dev/null) ]] && REV="$REV (working tree modified)"
echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(uname -sr); load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u '+%Y-%m-%dT%H:%M:%SZ'); git: $REV; $(swift --version 2>/dev/null | head -1)"
echo "warm = sequential invokes on one keep-alive connection (invokes/s = 1 / mean latency); wrk over $WRK_DURATION with" \
    "--max-environments $MAX_ENVS; FLOOR = Echo's binary against scripts/bench/runtime-floor.c (no emulator)," \
    "iteration = /next answered -> next /next read"
