#!/usr/bin/env bash
# bench-invoke.sh: how fast lambda-local invokes the Echo function over the real Runtime API (a benchmark,
# not a test: it prints figures and always exits 0 unless something broke).
#
# Usage: scripts/bench-invoke.sh            (from anywhere; takes about 1.5 minutes after the build)
#
# It builds release `lambda-local` and `Echo` into .build-bench (never the default .build), then measures,
# against 127.0.0.1 only:
#   0. client floor: the benchmark client against a trivial C echo server (what the client itself costs);
#   1. cold invoke: `lambda-local start --no-reuse-environments`, BENCH_COLD_N sequential invokes, each one a
#      process spawn + Runtime API init + invoke; client latency plus REPORT `Init Duration` and `Duration`;
#   2. warm invoke: `lambda-local start` (environments reused), BENCH_WARM_N sequential invokes after
#      BENCH_WARMUP unmeasured ones; client latency plus REPORT `Duration`;
#   3. throughput: wrk with scripts/bench/post-event.lua against `lambda-local start --max-environments N`,
#      for each "THREADSxCONNECTIONS" setting, BENCH_WRK_DURATION each;
# and prints a summary table with the machine (nproc, CPU, date, git rev).
#
# Client: scripts/bench/invoke-client.c, compiled with gcc -O2. One keep-alive TCP connection with
# TCP_NODELAY, one write() per request, read() until Content-Length is satisfied, clock_gettime(MONOTONIC)
# around each request; it checks every answer is 200 and equals the event. Its own floor (~15 us on an idle
# loopback) is measured in step 0 and printed; nothing is subtracted from the other figures.
#
# The emulator logs START/END/REPORT (3 lines) per invocation plus the function's own log line, so its stderr
# goes to a file in a temp dir (kept with BENCH_KEEP_LOGS=1), never to the terminal. Everything started here
# is killed on exit (trap), by process group.
#
# Environment (all optional):
#   BENCH_SCRATCH_PATH      scratch path for the release build (default: <package>/.build-bench)
#   BENCH_SKIP_BUILD=1      use the existing build in BENCH_SCRATCH_PATH
#   BENCH_BIN_PATH          measure the lambda-local and Echo in this directory instead (no build)
#   BENCH_COLD_N            cold invocations measured (default 200; plus 5 unmeasured first)
#   BENCH_WARM_N            warm invocations measured (default 2000)
#   BENCH_WARMUP            unmeasured warm-up invocations before the warm run (default 300)
#   BENCH_MAX_ENVIRONMENTS  --max-environments for the throughput runs (default 8)
#   BENCH_WRK_SETTINGS      wrk settings as THREADSxCONNECTIONS (default "2x2 2x4 2x8")
#   BENCH_WRK_DURATION      duration of each wrk run (default 10s)
#   BENCH_KEEP_LOGS=1       keep the temp dir with the emulator logs and raw latencies
#   BENCH_PERF=1            also profile the warm emulator with `perf record -g` and print the top entries
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SCRATCH=${BENCH_SCRATCH_PATH:-$ROOT/.build-bench}
COLD_N=${BENCH_COLD_N:-200}
COLD_WARMUP=5
WARM_N=${BENCH_WARM_N:-2000}
WARMUP=${BENCH_WARMUP:-300}
MAX_ENVS=${BENCH_MAX_ENVIRONMENTS:-8}
WRK_SETTINGS=${BENCH_WRK_SETTINGS:-"2x2 2x4 2x8"}
WRK_DURATION=${BENCH_WRK_DURATION:-10s}
INVOKE_PATH=/2015-03-31/functions/Echo/invocations

for tool in swift gcc wrk python3 setsid; do
    command -v "$tool" >/dev/null || { echo "bench-invoke: \"$tool\" is not installed" >&2; exit 2; }
done

BENCH_NAME=bench-invoke
source "$ROOT/scripts/bench/common.sh"
bench_build lambda-local Echo
CLIENT=$WORK/invoke-client
gcc -O2 -Wall -Wextra -o "$CLIENT" "$ROOT/scripts/bench/invoke-client.c"
EVENT=$WORK/event.json
printf '%s' '{"key1":"value1","key2":"value2","key3":"value3"}' >"$EVENT"

TEMPLATE="$SCRATCH/bench-invoke-template.json"
mkdir -p "$SCRATCH"
echo_only_template "$TEMPLATE"

# --- helpers -------------------------------------------------------------------------------------------------
# start_server LOG ARGS...: starts `lambda-local start ARGS` on a free port with stderr to LOG, waits for its
# "Invoke API on http://127.0.0.1:PORT" line and sets PORT and SERVER_PID.
start_server() {
    local logfile=$1; shift
    : >"$logfile"
    setsid "$BIN/lambda-local" start --host 127.0.0.1 --port 0 --template "$TEMPLATE" \
        --build-configuration release --bin-path "$BIN" --skip-build "$@" >"$logfile.out" 2>"$logfile" &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
    local i
    for ((i = 0; i < 300; i++)); do
        PORT=$(sed -n 's|^lambda-local: Invoke API on http://127\.0\.0\.1:\([0-9]*\) .*|\1|p' "$logfile" | head -1 || true)
        [[ -n $PORT ]] && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || { log "lambda-local start $* exited:"; cat "$logfile" >&2; exit 2; }
        sleep 0.1
    done
    log "lambda-local start $* did not listen within 30 s:"; cat "$logfile" >&2; exit 2
}

stop_server() {
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
}

# field LINE NAME: the value of NAME=value in a `k=v k=v` line.
field() { sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" <<<"$1"; }

# report_stats LOG FIELD SKIP: "median p90 p99" (ms) of FIELD ("Duration" or "Init Duration") over the REPORT
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

# cost BEFORE AFTER COUNT: where the CPU went per invocation between two snapshots.
cost() {
    python3 - "$1" "$2" "$3" "$(getconf CLK_TCK)" "$(nproc)" <<'EOF'
import sys
before, after = (list(map(int, a.split())) for a in sys.argv[1:3])
count, hz, cpus = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
d = [y - x for x, y in zip(before, after)]
us = lambda ticks: ticks / hz / count * 1e6
wall = d[5] / cpus / hz
print(f"CPU per invocation: emulator {us(d[0]):.0f} us, function {us(d[1]):.0f} us;"
      f" context switches per invocation: emulator {d[2] / count:.1f}, function {d[3] / count:.1f};"
      f" machine busy {d[4] / hz / wall if wall else 0:.2f} of {cpus} CPUs (all processes)")
EOF
}

ms() { python3 -c "import sys; print(f'{float(sys.argv[1]) / 1000:.3f}')" "$1"; }

ROWS=()
# row MODE N MEDIAN P90 P99 RPS EXTRA: one summary line (latencies in ms).
row() { ROWS+=("$(printf '%-26s %7s %9s %9s %9s %9s  %s' "$@")"); }

# --- 0. client floor -----------------------------------------------------------------------------------------
log "0/3 client floor against a trivial C echo server"
setsid "$CLIENT" serve "$WORK/floor.port" 2>/dev/null &
FLOOR_PID=$!
PIDS+=("$FLOOR_PID")
for ((i = 0; i < 50; i++)); do [[ -s $WORK/floor.port ]] && break; sleep 0.05; done
FLOOR=$("$CLIENT" client "$(cat "$WORK/floor.port")" "$INVOKE_PATH" "$EVENT" "$WARM_N" "$WARMUP")
kill -TERM -- "-$FLOOR_PID" 2>/dev/null || true
echo "client floor (C keep-alive client vs trivial C server): $FLOOR"
row "client floor (no emulator)" "$(field "$FLOOR" n)" "$(ms "$(field "$FLOOR" median_us)")" \
    "$(ms "$(field "$FLOOR" p90_us)")" "$(ms "$(field "$FLOOR" p99_us)")" "-" "what the client+loopback cost"

# --- 1. cold ---------------------------------------------------------------------------------------------------
log "1/3 cold invoke: $COLD_N sequential invocations, each a fresh process (--no-reuse-environments)"
start_server "$WORK/cold.log" --no-reuse-environments
BEFORE=$(snapshot)
COLD=$("$CLIENT" client "$PORT" "$INVOKE_PATH" "$EVENT" "$COLD_N" "$COLD_WARMUP" "$WORK/cold.latencies") ||
    { log "cold run failed: $COLD"; tail -20 "$WORK/cold.log" >&2; exit 2; }
sleep 0.2 # the REPORT line of the last invocation may follow its response
COLD_COST=$(cost "$BEFORE" "$(snapshot)" "$((COLD_N + COLD_WARMUP))")
stop_server
read -r COLD_INIT_MED COLD_INIT_P90 COLD_INIT_P99 COLD_INIT_N < <(report_stats "$WORK/cold.log" "Init Duration" "$COLD_WARMUP")
read -r COLD_DUR_MED COLD_DUR_P90 COLD_DUR_P99 COLD_DUR_N < <(report_stats "$WORK/cold.log" "Duration" "$COLD_WARMUP")
echo "cold invoke (client, spawn to response): $COLD"
echo "cold invoke $COLD_COST (function context switches not counted: the processes are gone)"
echo "cold invoke REPORT (ms, $COLD_INIT_N lines): Init Duration median $COLD_INIT_MED p90 $COLD_INIT_P90 p99 $COLD_INIT_P99; Duration median $COLD_DUR_MED p90 $COLD_DUR_P90 p99 $COLD_DUR_P99"
row "cold invoke (new process)" "$(field "$COLD" n)" "$(ms "$(field "$COLD" median_us)")" \
    "$(ms "$(field "$COLD" p90_us)")" "$(ms "$(field "$COLD" p99_us)")" "-" \
    "REPORT median: Init $COLD_INIT_MED ms, Duration $COLD_DUR_MED ms; target <= 20 ms"

# --- 2. warm ---------------------------------------------------------------------------------------------------
log "2/3 warm invoke: $WARMUP warm-up + $WARM_N sequential invocations on one kept environment"
start_server "$WORK/warm.log"
"$CLIENT" client "$PORT" "$INVOKE_PATH" "$EVENT" "$WARMUP" 0 >/dev/null ||
    { log "warm-up failed"; tail -20 "$WORK/warm.log" >&2; exit 2; }
BEFORE=$(snapshot)
WARM=$("$CLIENT" client "$PORT" "$INVOKE_PATH" "$EVENT" "$WARM_N" 0 "$WORK/warm.latencies") ||
    { log "warm run failed: $WARM"; tail -20 "$WORK/warm.log" >&2; exit 2; }
WARM_COST=$(cost "$BEFORE" "$(snapshot)" "$WARM_N")
sleep 0.2
read -r WARM_DUR_MED WARM_DUR_P90 WARM_DUR_P99 WARM_DUR_N < <(report_stats "$WORK/warm.log" "Duration" "$WARMUP")
echo "warm invoke (client): $WARM"
echo "warm invoke $WARM_COST"
echo "warm invoke REPORT Duration (ms, $WARM_DUR_N lines): median $WARM_DUR_MED p90 $WARM_DUR_P90 p99 $WARM_DUR_P99"
if [[ ${BENCH_PERF:-0} == 1 ]]; then
    # Optional profile of the emulator during an extra, unmeasured warm run (after the figures above were taken).
    perf record -F 2000 -g -p "$SERVER_PID" -o "$WORK/perf.data" >/dev/null 2>&1 &
    PERF_PID=$!
    sleep 0.5
    "$CLIENT" client "$PORT" "$INVOKE_PATH" "$EVENT" "$WARM_N" 0 >/dev/null
    kill -INT "$PERF_PID" && wait "$PERF_PID" || true
    echo "perf profile of the emulator during $WARM_N warm invocations (self time by library, then by symbol):"
    perf report -i "$WORK/perf.data" --no-children --sort dso --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -8 || true
    perf report -i "$WORK/perf.data" --no-children --sort sym --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -15 || true
    echo "inclusive time in Emulator functions:"
    perf report -i "$WORK/perf.data" --children --sort sym --stdio -g none 2>/dev/null | grep -v '^#' |
        grep 's8Emulator' | head -12 | cut -c1-160 || true
fi
stop_server
row "warm invoke (sequential)" "$(field "$WARM" n)" "$(ms "$(field "$WARM" median_us)")" \
    "$(ms "$(field "$WARM" p90_us)")" "$(ms "$(field "$WARM" p99_us)")" \
    "$(python3 -c "import sys; print(round(1e6 / float(sys.argv[1])))" "$(field "$WARM" mean_us)")" \
    "REPORT Duration median $WARM_DUR_MED ms; target <= 0.5 ms"

# --- 3. throughput -----------------------------------------------------------------------------------------------
log "3/3 throughput: wrk $WRK_SETTINGS, $WRK_DURATION each, --max-environments $MAX_ENVS"
start_server "$WORK/wrk.log" --max-environments "$MAX_ENVS"
# Warm up as many environments as the largest connection count could use.
for setting in $WRK_SETTINGS; do :; done
wrk -t1 -c"${setting#*x}" -d2s -s "$ROOT/scripts/bench/post-event.lua" "http://127.0.0.1:$PORT$INVOKE_PATH" >/dev/null
for setting in $WRK_SETTINGS; do
    threads=${setting%x*} connections=${setting#*x}
    BEFORE=$(snapshot)
    out=$(wrk -t"$threads" -c"$connections" -d"$WRK_DURATION" --latency -s "$ROOT/scripts/bench/post-event.lua" \
        "http://127.0.0.1:$PORT$INVOKE_PATH")
    line=$(grep '^BENCH ' <<<"$out")
    echo "wrk -t$threads -c$connections -d$WRK_DURATION: ${line#BENCH }"
    echo "wrk -t$threads -c$connections $(cost "$BEFORE" "$(snapshot)" "$(field "$line" requests)")"
    row "wrk -t$threads -c$connections" "$(field "$line" requests)" "$(ms "$(field "$line" p50_us)")" \
        "$(ms "$(field "$line" p90_us)")" "$(ms "$(field "$line" p99_us)")" "$(field "$line" rps)" \
        "errors $(field "$line" errors); target >= 5000 req/s"
done
ENVS=$(grep -c '^INIT_START\|Init Duration' "$WORK/wrk.log" || true)
LINES=$(wc -l <"$WORK/wrk.log")
stop_server
echo "throughput run: emulator stderr has $LINES lines (START/END/REPORT per invocation + the function's log line), written to a file; $ENVS cold starts"

# --- summary ---------------------------------------------------------------------------------------------------
echo
echo "== lambda-local invoke benchmark (Echo; binaries: $BIN; latencies in ms; client: scripts/bench/invoke-client.c) =="
printf '%-26s %7s %9s %9s %9s %9s  %s\n' mode n median p90 p99 "req/s" notes
for r in "${ROWS[@]}"; do echo "$r"; done
REV=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
[[ -n $(git -C "$ROOT" status --porcelain 2>/dev/null) ]] && REV="$REV (working tree modified)"
echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(uname -sr); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u '+%Y-%m-%dT%H:%M:%SZ'); git: $REV; $(swift --version 2>/dev/null | head -1)"
echo "warm req/s = 1 / mean latency of the sequential run; wrk req/s over ${WRK_DURATION} runs with --max-environments $MAX_ENVS"
