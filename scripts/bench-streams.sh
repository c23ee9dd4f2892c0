#!/usr/bin/env bash
# bench-streams.sh: how fast lambda-local's DynamoDB stream triggers deliver records (a benchmark, not a test: it
# prints figures and always exits 0 unless something broke).
#
# Usage: scripts/bench-streams.sh            (from anywhere; takes about 1.5 minutes after the build)
#
# It builds release `lambda-local`, `Probe` and `Echo` into .build-bench (never the default .build), writes its own
# templates into <scratch>/bench-streams-PID (lambda-local wants a template inside the package; removed on exit):
# table `bench-stream`, pk S, stream NEW_AND_OLD_IMAGES; function StreamProbe = the Probe test function with PROBE_LOG set, a DynamoDB event at TRIM_HORIZON, BatchSize BENCH_BATCH_SIZE (default
# 100), no batching window, no filter), and measures against 127.0.0.1 only:
#   1. latency: BENCH_LATENCY_N sequential PutItems (after BENCH_LATENCY_WARMUP unmeasured ones), one record in
#      flight at a time: after each PutItem response the client waits until Probe has logged the key, then
#      writes the next. Latency = Probe's `receivedAt` (wall clock taken when the handler starts on the batch,
#      after the runtime decoded the event) - the client's wall clock right after the PutItem response was
#      read. Both are CLOCK_REALTIME on the same machine. Every batch here holds 1 record.
#   2. drain: BENCH_DRAIN_N records pre-loaded (BatchWriteItem, 25 a request, BENCH_LOAD_THREADS connections)
#      into an emulator started with a template WITHOUT the mapping; then the emulator is restarted on the same
#      state dir with the mapping, which starts at TRIM_HORIZON. Rate = N / (first batch's receivedAt -> the
#      first GET /lambda-local/status, polled every 50 ms, showing N records succeeded and 0 behind);
#      `function_side_rate` = records / (first -> last batch's receivedAt), free of the polling step.
#   2b. echo: the same drain into the Echo function instead (it returns the event's bytes, nothing else), timed
#      from the status alone (polled every 10 ms by a poller started with the emulator): what the emulator itself sustains with a near-free function;
#   3. concurrent: BENCH_CONCURRENT_N records written (as in 2) while the mapping drains; rate = N / (first
#      write sent -> all N processed); also the write rate and each record's lag from its BatchWriteItem
#      response to Probe's receipt.
# Steps 1-3 run BENCH_REPEAT times (default 3), each on a fresh emulator and state dir; the summary shows the
# median of the repetitions. Probe runs with PROBE_LOG (one JSON line per batch: sequence numbers, keys,
# receivedAt); that is its only work besides decoding the event, so it is the "no-op" function here.
# After every run the helper checks that each written key reached the function (duplicates are counted).
#
# Client: scripts/bench/stream-bench.py (Python http.client, keep-alive, loopback only); it polls the Probe log
# every 0.2 ms while waiting, which does not affect the measured latency (both ends are timestamps).
#
# Environment (all optional):
#   BENCH_SCRATCH_PATH     scratch path for the release build (default: <package>/.build-bench)
#   BENCH_SKIP_BUILD=1     use the existing build in BENCH_SCRATCH_PATH
#   BENCH_BIN_PATH         measure the lambda-local and Probe in this directory instead (no build)
#   BENCH_REPEAT           repetitions of each step (default 3)
#   BENCH_LATENCY_N        measured sequential writes per repetition (default 1000)
#   BENCH_LATENCY_WARMUP   unmeasured writes first (default 50)
#   BENCH_DRAIN_N          records pre-loaded and drained per repetition (default 30000)
#   BENCH_CONCURRENT_N     records written while draining per repetition (default 20000)
#   BENCH_LOAD_THREADS     writer connections for steps 2 and 3 (default 3)
#   BENCH_BATCH_SIZE       the mapping's BatchSize (default 100)
#   BENCH_STEPS            which steps to run (default "latency drain echo concurrent")
#   BENCH_KEEP_LOGS=1      keep the temp dir with the emulator and Probe logs
#   BENCH_PERF=1|echo      profile the emulator and the function (perf record -a) during one extra drain into
#                          Probe (1) or Echo (echo)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SCRATCH=${BENCH_SCRATCH_PATH:-$ROOT/.build-bench}
REPEAT=${BENCH_REPEAT:-3}
LATENCY_N=${BENCH_LATENCY_N:-1000}
LATENCY_WARMUP=${BENCH_LATENCY_WARMUP:-50}
DRAIN_N=${BENCH_DRAIN_N:-30000}
CONCURRENT_N=${BENCH_CONCURRENT_N:-20000}
LOAD_THREADS=${BENCH_LOAD_THREADS:-3}
BATCH_SIZE=${BENCH_BATCH_SIZE:-100}
STEPS=${BENCH_STEPS:-"latency drain echo concurrent"}
HELPER=$ROOT/scripts/bench/stream-bench.py

for tool in swift python3 setsid; do
    command -v "$tool" >/dev/null || { echo "bench-streams: \"$tool\" is not installed" >&2; exit 2; }
done

BENCH_NAME=bench-streams
bench_cleanup() { [[ -z ${TEMPLATES:-} ]] || rm -rf "$TEMPLATES"; }
source "$ROOT/scripts/bench/common.sh"

# --- build -------------------------------------------------------------------------------------------------
bench_build lambda-local Probe Echo

# --- template ------------------------------------------------------------------------------------------------
# write_template FILE WITH_MAPPING [FUNCTION]: the bench table and StreamProbe (Probe, or FUNCTION, e.g. Echo),
# with or without its DynamoDB event.
write_template() {
    local handler=${3:-Probe} code=Tests/Functions/Probe
    [[ $handler == Probe ]] || code=functions/$handler
    local events=""
    if [[ $2 == 1 ]]; then
        events=', "Events": { "Stream": { "Type": "DynamoDB", "Properties": {
            "Stream": { "Fn::GetAtt": ["BenchTable", "StreamArn"] }, "StartingPosition": "TRIM_HORIZON",
            "BatchSize": '"$BATCH_SIZE"', "MaximumRetryAttempts": 2 } } }'
    fi
    cat >"$1" <<EOF
{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Transform": "AWS::Serverless-2016-10-31",
  "Description": "bench-streams: the Probe function behind a DynamoDB stream",
  "Parameters": { "ProbeLogPath": { "Type": "String", "Default": "/dev/null" } },
  "Resources": {
    "BenchTable": {
      "Type": "AWS::DynamoDB::Table",
      "Properties": {
        "TableName": "bench-stream",
        "AttributeDefinitions": [{ "AttributeName": "pk", "AttributeType": "S" }],
        "KeySchema": [{ "AttributeName": "pk", "KeyType": "HASH" }],
        "BillingMode": "PAY_PER_REQUEST",
        "StreamSpecification": { "StreamViewType": "NEW_AND_OLD_IMAGES" }
      }
    },
    "StreamProbe": {
      "Type": "AWS::Serverless::Function",
      "Properties": {
        "Runtime": "provided.al2023", "Handler": "$handler", "CodeUri": "$ROOT/$code",
        "Timeout": 10, "MemorySize": 256,
        "Environment": { "Variables": { "PROBE_LOG": { "Ref": "ProbeLogPath" } } }$events
      }
    }
  }
}
EOF
}
# lambda-local wants a template inside the package (it looks for Package.swift above it), so the templates go
# into the scratch path; state, logs and Probe logs stay in the temp dir.
TEMPLATES=$SCRATCH/bench-streams-$$
[[ $TEMPLATES == "$ROOT"/* ]] || TEMPLATES=$ROOT/.build-bench/bench-streams-$$
mkdir -p "$TEMPLATES"
write_template "$TEMPLATES/template.json" 1
write_template "$TEMPLATES/template-load.json" 0
write_template "$TEMPLATES/template-echo.json" 1 Echo

# --- helpers -------------------------------------------------------------------------------------------------
# start_server NAME TEMPLATE STATE: starts `lambda-local start` on free ports with stderr to $WORK/NAME.log and
# Probe logging to $WORK/NAME.probe.jsonl; waits for both "... on http://127.0.0.1:PORT" lines and sets
# INVOKE, DYNAMODB, SERVER_PID and PROBE_LOG.
start_server() {
    launch_server "$@"
    wait_for_ports "$1"
}

# launch_server NAME TEMPLATE STATE: starts the emulator (see start_server) without waiting.
launch_server() {
    local name=$1 template=$2 state=$3 logfile=$WORK/$1.log
    PROBE_LOG=$WORK/$name.probe.jsonl
    : >"$logfile"
    setsid "$BIN/lambda-local" start --host 127.0.0.1 --port 0 --dynamodb-port 0 --state-dir "$state" \
        --template "$template" --build-configuration release --bin-path "$BIN" --skip-build \
        --parameter-overrides "ProbeLogPath=$PROBE_LOG" >"$logfile.out" 2>"$logfile" &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
}

# wait_for_ports NAME: waits for the emulator's two "... on http://127.0.0.1:PORT" lines; sets INVOKE, DYNAMODB.
wait_for_ports() {
    local name=$1 logfile=$WORK/$1.log
    local i port dport
    for ((i = 0; i < 1500; i++)); do
        port=$(sed -n 's|^lambda-local: Invoke API on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$logfile" | head -1 || true)
        dport=$(sed -n 's|^lambda-local: DynamoDB on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$logfile" | head -1 || true)
        if [[ -n $port && -n $dport ]]; then
            INVOKE=http://127.0.0.1:$port DYNAMODB=http://127.0.0.1:$dport
            return 0
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || { log "lambda-local start ($name) exited:"; cat "$logfile" >&2; exit 2; }
        sleep 0.02
    done
    log "lambda-local start ($name) did not listen within 30 s:"; cat "$logfile" >&2; exit 2
}

stop_server() {
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
}

# field LINE NAME: the value of NAME=value in a `k=v k=v` line.
field() { sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" <<<"$1"; }
ms() { awk -v us="$1" 'BEGIN {printf "%.2f", us / 1000}'; }
# median "V1 V2 ...": the median of the values (the mean of the middle two for an even count).
median() {
    tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{v[NR] = $1} END {
        if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.0f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# cpu_ticks: "emulator function" CPU ticks (user+system) of the running server and its live children.
cpu_ticks() {
    local fn=0 kid
    for kid in $(pgrep -P "$SERVER_PID" || true); do
        fn=$((fn + $(awk '{print $14 + $15}' "/proc/$kid/stat" 2>/dev/null || echo 0)))
    done
    echo "$(awk '{print $14 + $15}' "/proc/$SERVER_PID/stat") $fn"
}
# cpu_per_record BEFORE AFTER RECORDS: "emulator_us function_us" of CPU per record between two cpu_ticks.
cpu_per_record() {
    awk -v b="$1" -v a="$2" -v n="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN {
        split(b, x, " "); split(a, y, " ")
        printf "%.0f %.0f\n", (y[1] - x[1]) / hz / n * 1e6, (y[2] - x[2]) / hz / n * 1e6 }'
}

declare -A VALUES
# keep NAME VALUE: one repetition's value of a figure.
keep() { VALUES[$1]+="$2 "; }

# --- steps -----------------------------------------------------------------------------------------------------
latency_step() {
    local round=$1 result
    start_server "latency-$round" "$TEMPLATES/template.json" "$WORK/state-latency-$round"
    result=$(python3 "$HELPER" latency "$DYNAMODB" "$PROBE_LOG" "lat$round" "$LATENCY_N" "$LATENCY_WARMUP")
    stop_server
    echo "latency round $round: $result"
    for name in p50_us p90_us p99_us max_us min_us lost put_p50_us early send_p50_us send_p99_us; do keep "latency $name" "$(field "$result" "$name")"; done
}

drain_step() {
    local round=$1 state=$WORK/state-drain-$round result before after
    start_server "preload-$round" "$TEMPLATES/template-load.json" "$state"
    result=$(python3 "$HELPER" load "$DYNAMODB" load "$DRAIN_N" "$LOAD_THREADS")
    stop_server
    echo "drain round $round preload: $result"
    keep "load rate" "$(field "$result" rate)"
    start_server "drain-$round" "$TEMPLATES/template.json" "$state"
    before=$(cpu_ticks)
    result=$(python3 "$HELPER" drain "$INVOKE" "$PROBE_LOG" load "$DRAIN_N")
    after=$(cpu_ticks)
    stop_server
    read -r emulator_us function_us < <(cpu_per_record "$before" "$after" "$DRAIN_N")
    echo "drain round $round: $result cpu_emulator_us_per_record=$emulator_us cpu_function_us_per_record=$function_us"
    for name in rate function_side_rate batch_p50 duplicates; do keep "drain $name" "$(field "$result" "$name")"; done
    keep "drain cpu_emulator" "$emulator_us"
    keep "drain cpu_function" "$function_us"
}

# The same drain into Echo (returns its event's bytes; the emulator ignores the answer): the emulator's own rate
# when the function costs next to nothing. Timed from the status alone (Echo logs no receipt).
echo_step() {
    local round=$1 state=$WORK/state-echo-$round result before after
    start_server "preload-echo-$round" "$TEMPLATES/template-load.json" "$state"
    python3 "$HELPER" load "$DYNAMODB" load "$DRAIN_N" "$LOAD_THREADS" >/dev/null
    stop_server
    # The poller starts with the emulator (it reads the port from the log itself): Echo drains fast.
    launch_server "echo-$round" "$TEMPLATES/template-echo.json" "$state"
    python3 "$HELPER" drain-status "$WORK/echo-$round.log" "$DRAIN_N" >"$WORK/echo-$round.result" &
    local poller=$!
    wait_for_ports "echo-$round"
    before=$(cpu_ticks)
    wait "$poller" || { log "the Echo drain failed"; exit 2; }
    result=$(cat "$WORK/echo-$round.result")
    after=$(cpu_ticks)
    stop_server
    read -r emulator_us function_us < <(cpu_per_record "$before" "$after" "$DRAIN_N")
    echo "echo drain round $round: $result cpu_emulator_us_per_record=$emulator_us cpu_function_us_per_record=$function_us"
    keep "echo rate" "$(field "$result" rate)"
    keep "echo cpu_emulator" "$emulator_us"
    keep "echo cpu_function" "$function_us"
}

concurrent_step() {
    local round=$1 result
    start_server "concurrent-$round" "$TEMPLATES/template.json" "$WORK/state-concurrent-$round"
    result=$(python3 "$HELPER" concurrent "$DYNAMODB" "$INVOKE" "$PROBE_LOG" "conc$round" "$CONCURRENT_N" "$LOAD_THREADS")
    stop_server
    echo "concurrent round $round: $result"
    for name in rate write_rate lag_p50_us lag_p99_us tail_ms batch_p50 duplicates; do
        keep "concurrent $name" "$(field "$result" "$name")"
    done
}

for ((round = 1; round <= REPEAT; round++)); do
    for step in $STEPS; do
        log "round $round/$REPEAT: $step"
        "${step}_step" "$round"
    done
done

if [[ ${BENCH_PERF:-0} != 0 ]]; then
    # BENCH_PERF=1: one extra drain into Probe; BENCH_PERF=echo: into Echo (the emulator's own cost stands out).
    # System-wide, then filtered by process: `perf record -p` misses threads started after it attaches.
    perf_template=$TEMPLATES/template.json
    [[ $BENCH_PERF == echo ]] && perf_template=$TEMPLATES/template-echo.json
    state=$WORK/state-perf
    start_server preload-perf "$TEMPLATES/template-load.json" "$state"
    python3 "$HELPER" load "$DYNAMODB" load "$DRAIN_N" "$LOAD_THREADS" >/dev/null
    stop_server
    perf record -F 999 -a -g -o "$WORK/perf.data" >/dev/null 2>&1 &
    perf_pid=$!
    sleep 0.5
    start_server drain-perf "$perf_template" "$state"
    if [[ $BENCH_PERF == echo ]]; then
        echo "perf drain (Echo): $(python3 "$HELPER" drain-status "$WORK/drain-perf.log" "$DRAIN_N")"
    else
        echo "perf drain (Probe): $(python3 "$HELPER" drain "$INVOKE" "$PROBE_LOG" load "$DRAIN_N")"
    fi
    kill -INT "$perf_pid" && wait "$perf_pid" || true
    function_pid=$(pgrep -P "$SERVER_PID" | head -1 || true)
    echo "perf profile of lambda-local during the drain, share of its samples; inclusive, selected functions:"
    perf report -i "$WORK/perf.data" --pid "$SERVER_PID" --percentage relative --children --sort sym --stdio \
        -g none 2>/dev/null | grep -v '^#' | swift demangle --simplified |
        grep -E 'ShardLane.nextBatch|OrderedJSONEncoder.encode<|EncodedRecord.init|closure #1 in TableStore.readStream|StoredStreamRecord.init\(decoding|StoredStreamRecord.record|CheckpointDatabase.save|sqlite3_step|DatabaseQueue.write|BatchReport.line|Console.write|RuntimeAPI|FunctionPool.invoke|SelectableEventLoop.run\(\)|__libc_write|__libc_read|swift_task_switch|finish_task_switch' |
        awk '!seen[$3 FS $4 FS $5 FS $6]++' | head -20 | cut -c1-150 || true
    for who in "lambda-local:$SERVER_PID" "function:$function_pid"; do
        echo "perf profile of the ${who%%:*} during the drain, share of its samples; self time by symbol:"
        perf report -i "$WORK/perf.data" --pid "${who#*:}" --percentage relative --no-children --sort sym --stdio \
            -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | swift demangle --simplified | head -15 | cut -c1-150 || true
    done
    stop_server
fi

# --- summary ---------------------------------------------------------------------------------------------------
verdict() { awk -v v="$1" -v t="$2" -v dir="$3" 'BEGIN {if (v == "") print "not measured"; else if ((dir == ">=" && v + 0 >= t) || (dir == "<=" && v + 0 <= t)) print "met"; else print "MISSED"}'; }
m() { median "${VALUES[$1]:-}"; }
each() { local v=${VALUES[$1]:-}; echo "${v% }"; }
((REPEAT > 0)) || STEPS=""
echo
echo "== lambda-local stream trigger benchmark (BatchSize $BATCH_SIZE; medians of $REPEAT repetitions) =="
printf '%-58s %12s  %s\n' figure median "target / verdict; each repetition"
if [[ $STEPS == *latency* ]]; then
    p50=$(ms "$(m "latency p50_us")") p99=$(ms "$(m "latency p99_us")")
    printf '%-58s %12s  %s\n' "latency PutItem response -> function, p50 (ms)" "$p50" "<= 10: $(verdict "$p50" 10 '<='); $(each "latency p50_us") us"
    printf '%-58s %12s  %s\n' "latency p90 (ms)" "$(ms "$(m "latency p90_us")")" "$(each "latency p90_us") us"
    printf '%-58s %12s  %s\n' "latency p99 (ms)" "$p99" "<= 50: $(verdict "$p99" 50 '<='); $(each "latency p99_us") us"
    printf '%-58s %12s  %s\n' "latency min / max (ms)" "$(ms "$(m "latency min_us")") / $(ms "$(m "latency max_us")")" "$LATENCY_N sequential writes a repetition; lost: $(each "latency lost")"
    printf '%-58s %12s  %s\n' "  records the function had before the PutItem response" "$(m "latency early")" "$(each "latency early") (of $LATENCY_N)"
    printf '%-58s %12s  %s\n' "latency PutItem sent -> function, p50 / p99 (ms)" "$(ms "$(m "latency send_p50_us")") / $(ms "$(m "latency send_p99_us")")" "$(each "latency send_p50_us") / $(each "latency send_p99_us") us"
    printf '%-58s %12s  %s\n' "PutItem round trip (client), p50 (ms)" "$(ms "$(m "latency put_p50_us")")" "$(each "latency put_p50_us") us"
fi
if [[ $STEPS == *drain* ]]; then
    rate=$(m "drain rate")
    printf '%-58s %12s  %s\n' "drain of $DRAIN_N pre-loaded records (records/s)" "$rate" ">= 5000: $(verdict "$rate" 5000 '>='); $(each "drain rate")"
    printf '%-58s %12s  %s\n' "  first -> last batch start (records/s)" "$(m "drain function_side_rate")" "$(each "drain function_side_rate")"
    printf '%-58s %12s  %s\n' "  CPU per record: emulator / function (us)" "$(m "drain cpu_emulator") / $(m "drain cpu_function")" "batch size p50 $(m "drain batch_p50"); duplicates $(each "drain duplicates")"
    printf '%-58s %12s  %s\n' "  pre-load rate, BatchWriteItem x $LOAD_THREADS connections (items/s)" "$(m "load rate")" "$(each "load rate")"
fi
if [[ $STEPS == *echo* ]]; then
    printf '%-58s %12s  %s\n' "drain of $DRAIN_N pre-loaded records into Echo (records/s)" "$(m "echo rate")" ">= 5000: $(verdict "$(m "echo rate")" 5000 '>='); $(each "echo rate")"
    printf '%-58s %12s  %s\n' "  CPU per record: emulator / Echo (us)" "$(m "echo cpu_emulator") / $(m "echo cpu_function")" ""
fi
if [[ $STEPS == *concurrent* ]]; then
    rate=$(m "concurrent rate")
    printf '%-58s %12s  %s\n' "write-while-draining $CONCURRENT_N records (records/s)" "$rate" ">= 5000: $(verdict "$rate" 5000 '>='); $(each "concurrent rate")"
    printf '%-58s %12s  %s\n' "  write rate alone (items/s)" "$(m "concurrent write_rate")" "$(each "concurrent write_rate")"
    printf '%-58s %12s  %s\n' "  lag write response -> function p50 / p99 (ms)" "$(ms "$(m "concurrent lag_p50_us")") / $(ms "$(m "concurrent lag_p99_us")")" "last write -> all processed: $(each "concurrent tail_ms") ms"
    printf '%-58s %12s  %s\n' "  batch size p50" "$(m "concurrent batch_p50")" "duplicates $(each "concurrent duplicates")"
fi
echo
REV=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
[[ -n $(git -C "$ROOT" status --porcelain 2>/dev/null) ]] && REV="$REV (working tree modified)"
echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(uname -sr); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u '+%Y-%m-%dT%H:%M:%SZ'); git: $REV; $BIN/lambda-local; the client, the emulator and Probe share the machine's CPUs"
