#!/usr/bin/env bash
# bench-cruddur.sh: Cruddur messages per second through Pattern C while the MessagingStream function, run by
# `lambda-local start`'s live DynamoDB mapping, moves the group rows; none lost; latency from a message's write to
# both of its group's rows showing it (a benchmark, not a test: it prints figures and exits 0 unless something
# broke). Targets (issue 13): unpaced, >= 3,000 messages/s with none lost and every inbox current <= 1 s after the
# load; at BENCH_RATE=2000, write -> both rows p50 <= 25 ms and p99 <= 150 ms; emulator CPU <= 250 us per message.
#
# Usage: scripts/bench-cruddur.sh            (from anywhere; 1 to 3 minutes after the build: the load runs
#                                            20 s, then the stream backlog drains)
#
# It builds release `lambda-local`, `MessagingStream` and `Echo` (the template declares it too) into
# .build-benchcruddur (never the default .build),
# starts `lambda-local start --dynamodb-port 0` on the repository's template.json (state in a temp dir, as a user
# runs it; the MessagingStream mapping on cruddur-messages' stream is live), seeds BENCH_GROUPS groups of two
# users each (2 group rows per group, scripts/bench/cruddur-bench.py), and runs scripts/bench/cruddur-load.c:
# BENCH_SENDERS threads, each over one keep-alive connection, send Pattern C PutItems round-robin over their own
# groups for BENCH_SECONDS or BENCH_MESSAGES messages; every BENCH_SAMPLE_MS one message just written is followed
# by Query(message-group-sk-index) every BENCH_POLL_US until both group rows show it. A short warm-up run (other
# groups) goes first. After the load, cruddur-bench.py waits (at most BENCH_CONVERGE_TIMEOUT s) until every
# group's two rows show its last message and counts the MSG# items against the messages sent. It also prints
# `lambda-local status` (invocations, batches, records) and the CPU time of the emulator, of the function
# processes and of the load generator, per message.
#
# Everything started here runs in its own process group and is killed on exit (trap).
#
# Environment (all optional):
#   BENCH_SCRATCH_PATH      scratch path for the release build (default: <package>/.build-benchcruddur)
#   BENCH_SKIP_BUILD=1      use the existing build in BENCH_SCRATCH_PATH
#   BENCH_BIN_PATH          use the lambda-local and MessagingStream in this directory instead (no build)
#   BENCH_GROUPS            groups (conversations) written to (default 64)
#   BENCH_SENDERS           concurrent senders (default 4)
#   BENCH_SECONDS           longest duration of the measured load (default 20)
#   BENCH_RATE              offer this many messages/s in all (paced senders; default 0: as fast as they go)
#   BENCH_MESSAGES          most messages of the measured load (default 100000)
#   BENCH_SAMPLE_MS         one latency sample every this many ms (default 20)
#   BENCH_POLL_US           the sampler's pause between two Queries (default 1000)
#   BENCH_CONVERGE_TIMEOUT  seconds to wait for every inbox to reach its last message (default 120)
#   BENCH_PARALLELIZATION   run the mapping with this ParallelizationFactor (a copy of template.json with it set,
#                           written to BENCH_SCRATCH_PATH; default: the template's own setting)
#   BENCH_BATCH_SIZE        run the mapping with this BatchSize (the same copy of template.json)
#   BENCH_STORAGE           "file" (default: --state-dir in the temp dir) or "memory" (--in-memory)
#   BENCH_KEEP_LOGS=1       keep the temp dir with the emulator's log
#   BENCH_PERF=1            also record `perf record -a -g` during the measured load and print where the CPU went
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SCRATCH=${BENCH_SCRATCH_PATH:-$ROOT/.build-benchcruddur}
GROUPS_N=${BENCH_GROUPS:-64}
SENDERS=${BENCH_SENDERS:-4}
SECONDS_N=${BENCH_SECONDS:-20}
MESSAGES=${BENCH_MESSAGES:-100000}
SAMPLE_MS=${BENCH_SAMPLE_MS:-20}
POLL_US=${BENCH_POLL_US:-1000}
RATE=${BENCH_RATE:-0}
CONVERGE_TIMEOUT=${BENCH_CONVERGE_TIMEOUT:-120}
STORAGE=${BENCH_STORAGE:-file}
HELPER=$ROOT/scripts/bench/cruddur-bench.py

for tool in swift gcc python3 setsid; do
    command -v "$tool" >/dev/null || { echo "bench-cruddur: \"$tool\" is not installed" >&2; exit 2; }
done
python3 -c 'import boto3' 2>/dev/null || { echo "bench-cruddur: python3 cannot import boto3" >&2; exit 2; }

BENCH_NAME=bench-cruddur
source "$ROOT/scripts/bench/common.sh"
field() { sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" <<<"$1"; }
ms() { awk -v us="$1" 'BEGIN {printf "%.1f", us / 1000}'; }

# --- build -------------------------------------------------------------------------------------------------
bench_build lambda-local MessagingStream Echo
LOAD=$WORK/cruddur-load
gcc -O2 -Wall -Wextra -pthread -o "$LOAD" "$ROOT/scripts/bench/cruddur-load.c"

# --- start ---------------------------------------------------------------------------------------------------
TEMPLATE=$ROOT/template.json
if [[ -n ${BENCH_PARALLELIZATION:-}${BENCH_BATCH_SIZE:-} ]]; then
    # Inside the package (the emulator looks for Package.swift above the template), in the scratch path.
    mkdir -p "$SCRATCH/bench-cruddur-template"
    TEMPLATE=$SCRATCH/bench-cruddur-template/template.json
    python3 - "$ROOT/template.json" "$TEMPLATE" "${BENCH_PARALLELIZATION:-}" "${BENCH_BATCH_SIZE:-}" <<'PY'
import json, sys
template = json.load(open(sys.argv[1]))
properties = template["Resources"]["MessagingStream"]["Properties"]["Events"]["Stream"]["Properties"]
if sys.argv[3]:
    properties["ParallelizationFactor"] = int(sys.argv[3])
if sys.argv[4]:
    properties["BatchSize"] = int(sys.argv[4])
json.dump(template, open(sys.argv[2], "w"), indent=2)
PY
    ln -sfn "$ROOT/functions" "$SCRATCH/bench-cruddur-template/functions" # CodeUri is relative to the template
fi
STATE_ARGS=(--state-dir "$WORK/state")
[[ $STORAGE == memory ]] && STATE_ARGS=(--in-memory)
EMULATOR_LOG=$WORK/emulator.log
setsid "$BIN/lambda-local" start --host 127.0.0.1 --port 0 --dynamodb-port 0 "${STATE_ARGS[@]}" \
    --template "$TEMPLATE" --build-configuration release --bin-path "$BIN" --skip-build \
    >"$EMULATOR_LOG" 2>&1 &
SERVER=$!
PIDS+=("$SERVER")
PORT= DDB_PORT=
for ((i = 0; i < 300; i++)); do
    PORT=$(sed -n 's|.*Invoke API on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$EMULATOR_LOG" | head -1 || true)
    [[ -n $PORT ]] && break
    kill -0 "$SERVER" 2>/dev/null || { log "lambda-local start exited:"; cat "$EMULATOR_LOG" >&2; exit 2; }
    sleep 0.1
done
[[ -n $PORT ]] || { log "lambda-local start did not listen within 30 s:"; cat "$EMULATOR_LOG" >&2; exit 2; }
DDB_PORT=$(sed -n 's|.*DynamoDB on http://127\.0\.0\.1:\([0-9]*\) .*|\1|p' "$EMULATOR_LOG" | head -1)
URL=http://127.0.0.1:$DDB_PORT
log "emulator: Invoke API on $PORT, DynamoDB on $URL (storage: $STORAGE)"

# CPU ticks (user+system) of the emulator, and of its descendants (the function processes) summed: "SERVER FUNCTIONS".
group_ticks() {
    local stat line pid
    local -a f
    local -A parent ticks
    for stat in /proc/[0-9]*/stat; do
        { read -r line <"$stat"; } 2>/dev/null || continue
        pid=${stat#/proc/}; pid=${pid%/stat}
        line=${line##*) }
        read -r -a f <<<"$line"
        # After "comm)": f[0] state, f[1] ppid, f[11] utime, f[12] stime.
        parent[$pid]=${f[1]} ticks[$pid]=$((f[11] + f[12]))
    done
    local functions=0 p
    for pid in "${!parent[@]}"; do
        [[ $pid == "$SERVER" ]] && continue
        p=${parent[$pid]}
        while [[ -n $p && $p != 0 && $p != 1 && $p != "$SERVER" ]]; do p=${parent[$p]:-}; done
        [[ $p == "$SERVER" ]] && functions=$((functions + ticks[$pid]))
    done
    echo "${ticks[$SERVER]:-0} $functions"
}

# run_load RUN SECONDS MESSAGES OUT: seeds run RUN's groups and sends its load; prints the LOAD line.
run_load() {
    local run=$1 seconds=$2 messages=$3 out=$4
    log "run $run: $(python3 "$HELPER" seed "$URL" "$run" "$GROUPS_N")"
    "$LOAD" "$DDB_PORT" "$run" "$GROUPS_N" "$SENDERS" "$seconds" "$messages" "$SAMPLE_MS" "$POLL_US" "$out" "$RATE"
}

# --- warm up, then measure --------------------------------------------------------------------------------------
WARM_RUN=$(printf '%08x' $((RANDOM * 32768 + RANDOM)))
RUN=$(printf '%08x' $((RANDOM * 32768 + RANDOM + 1)))
log "warm-up: 2 s of load on other groups"
run_load "$WARM_RUN" 2 "$MESSAGES" "$WORK/warm-groups.txt" >"$WORK/warm.txt"
python3 "$HELPER" verify "$URL" "$WARM_RUN" "$WORK/warm-groups.txt" "$CONVERGE_TIMEOUT" >"$WORK/warm-verify.txt"
log "warm-up: $(cat "$WORK/warm.txt" | head -1 | cut -c1-80)...; $(cat "$WORK/warm-verify.txt")"

log "measuring: $SENDERS senders, $GROUPS_N groups, ${SECONDS_N} s or $MESSAGES messages"
HZ=$(getconf CLK_TCK)
read -r server0 functions0 < <(group_ticks)
TIMEFORMAT='LOADCPU %U %S'
if [[ ${BENCH_PERF:-0} == 1 ]]; then
    perf record -F 499 -a -g -o "$WORK/perf.data" >/dev/null 2>&1 &
    PERF=$!
fi
LOAD_OUT=$( { time run_load "$RUN" "$SECONDS_N" "$MESSAGES" "$WORK/groups.txt"; } 2>&1 )
[[ -n ${PERF:-} ]] && { kill -INT "$PERF"; wait "$PERF" || true; }
read -r server1 functions1 < <(group_ticks)
LINE=$(grep '^LOAD ' <<<"$LOAD_OUT") || { log "cruddur-load printed no LOAD line:"; echo "$LOAD_OUT" >&2; exit 2; }
LOAD_CPU=$(grep '^LOADCPU ' <<<"$LOAD_OUT" | awk '{print $2 + $3}')
log "load done; waiting for every inbox to reach its last message"
read -r server2 functions2 < <(group_ticks)
VERIFY=$(python3 "$HELPER" verify "$URL" "$RUN" "$WORK/groups.txt" "$CONVERGE_TIMEOUT")
read -r server3 functions3 < <(group_ticks)
STATUS=$("$BIN/lambda-local" status --port "$PORT" 2>&1 || true)

# --- report --------------------------------------------------------------------------------------------------
SENT=$(field "$LINE" sent)
per_message() { awk -v t="$1" -v hz="$HZ" -v n="$SENT" 'BEGIN {if (n > 0) printf "%.0f", t / hz / n * 1e6; else print "-"}'; }
echo "$LINE"
grep '^LOAD_FIRST_ERROR ' <<<"$LOAD_OUT" || true
echo "$VERIFY"
echo "lambda-local status after the run:"
sed 's/^/  /' <<<"$STATUS"
echo "CPU during the load, per message sent: emulator $(per_message $((server1 - server0))) us," \
    "MessagingStream processes $(per_message $((functions1 - functions0))) us," \
    "load generator + sampler $(awk -v c="$LOAD_CPU" -v n="$SENT" 'BEGIN {printf "%.0f", n ? c / n * 1e6 : 0}') us;" \
    "while converging: emulator $(awk -v t=$((server3 - server2)) -v hz="$HZ" 'BEGIN {printf "%.2f", t / hz}') s," \
    "functions $(awk -v t=$((functions3 - functions2)) -v hz="$HZ" 'BEGIN {printf "%.2f", t / hz}') s"
echo "function log lines in the emulator's output: $(grep -c 'stream record' "$EMULATOR_LOG" || true)"

# The function's own account: REPORT durations of the invocations and the per-record outcomes it logged.
python3 - "$EMULATOR_LOG" <<'PY'
import collections, re, sys
text = open(sys.argv[1], errors="replace").read()
durations = sorted(float(m) for m in re.findall(r"\tDuration: ([0-9.]+) ms", text))
outcomes = collections.Counter(re.findall(r"outcome=([a-z-]+)", text))
if durations:
    n = len(durations)
    print("MessagingStream invocations (whole run, warm-up included): %d, Duration median %.1f ms, p90 %.1f ms, "
          "sum %.1f s; records per invocation %.1f; outcomes %s" % (
              n, durations[n // 2], durations[int(n * 0.9)], sum(durations) / 1000,
              sum(outcomes.values()) / n, ", ".join("%s %d" % kv for kv in sorted(outcomes.items()))))
PY

if [[ -n ${PERF:-} ]]; then
    echo "perf: self time of the emulator (pid $SERVER) by library:"
    perf report -i "$WORK/perf.data" --pid "$SERVER" --no-children --sort dso --stdio -g none 2>/dev/null |
        grep -v '^#' | grep -v '^$' | head -8 || true
    echo "perf: self time of the MessagingStream processes by library:"
    FUNCTION_PIDS=$(pgrep -d, -P "$SERVER" || true)
    perf report -i "$WORK/perf.data" --pid "${FUNCTION_PIDS:-0}" --no-children --sort dso --stdio -g none 2>/dev/null |
        grep -v '^#' | grep -v '^$' | head -6 || true
fi

rate=$(field "$LINE" rate)
lost=$(field "$VERIFY" lost)
expected=$(field "$VERIFY" messages_expected)
found=$(field "$VERIFY" messages_found)
p50=$(field "$LINE" inbox_p50_us)
verdict() { awk -v v="$1" -v t="$2" -v dir="$3" 'BEGIN {if ((dir == ">=" && v + 0 >= t) || (dir == "<=" && v + 0 <= t)) print "met"; else print "MISSED"}'; }
none_lost=$([[ $lost == 0 && $expected == "$found" ]] && echo met || echo MISSED)
echo
echo "== Cruddur Pattern C with the MessagingStream mapping live (storage: $STORAGE;" \
    "ParallelizationFactor ${BENCH_PARALLELIZATION:-of template.json}, BatchSize ${BENCH_BATCH_SIZE:-of template.json}) =="
printf '%-58s %12s  %s\n' figure value "target / verdict"
if [[ $RATE == 0 ]]; then rate_target=">= 3000: $(verdict "$rate" 3000 '>=')"; else rate_target="offered $RATE/s"; fi
printf '%-58s %12s  %s\n' "messages/s sent ($SENDERS senders, $GROUPS_N groups, $(field "$LINE" seconds) s)" "$rate" \
    "$rate_target"
printf '%-58s %12s  %s\n' "messages sent / in the table" "$expected / $found" ""
printf '%-58s %12s  %s\n' "groups whose rows did not reach their last message" "$lost" "0: $none_lost"
printf '%-58s %12s  %s\n' "time for every inbox to converge after the load (s)" "$(field "$VERIFY" converge_s)" \
    "<= 1: $(verdict "$(field "$VERIFY" converge_s)" 1 '<=')"
printf '%-58s %12s  %s\n' "PutItem latency p50 / p99 (ms)" "$(ms "$(field "$LINE" put_p50_us)") / $(ms "$(field "$LINE" put_p99_us)")" ""
printf '%-58s %12s  %s\n' "write -> both rows show it, p50 (ms; $(field "$LINE" samples) samples)" "$(ms "$p50")" \
    "<= 25: $(verdict "$(ms "$p50")" 25 '<=')"
printf '%-58s %12s  %s\n' "write -> both rows show it, p90 / p99 / max (ms)" \
    "$(ms "$(field "$LINE" inbox_p90_us)") / $(ms "$(field "$LINE" inbox_p99_us)") / $(ms "$(field "$LINE" inbox_max_us)")" \
    "p99 <= 150: $(verdict "$(ms "$(field "$LINE" inbox_p99_us)")" 150 '<='); timeouts (10 s): $(field "$LINE" sample_timeouts)"
printf '%-58s %12s  %s\n' "emulator CPU per message sent (us)" "$(per_message $((server1 - server0)))" \
    "<= 250: $(verdict "$(per_message $((server1 - server0)))" 250 '<=')"
# What the mapping does after the load counts too: the whole cost of a message is load and drain together.
printf '%-58s %12s  %s\n' "emulator / MessagingStream CPU per message, load + drain (us)" \
    "$(per_message $((server1 - server0 + server3 - server2))) / $(per_message $((functions1 - functions0 + functions3 - functions2)))" ""
printf '%-58s %12s  %s\n' "PutItem sent -> both rows, p50 / p99 (ms)" \
    "$(ms "$(field "$LINE" inbox_from_send_p50_us)") / $(ms "$(field "$LINE" inbox_from_send_p99_us)")" ""
echo
REV=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
[[ -n $(git -C "$ROOT" status --porcelain 2>/dev/null) ]] && REV="$REV (working tree modified)"
echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(uname -sr); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u '+%Y-%m-%dT%H:%M:%SZ'); git: $REV; lambda-local: $BIN; sampler: one message per ${SAMPLE_MS} ms, Query every ${POLL_US} us ($(field "$LINE" poll_queries) Queries)"
