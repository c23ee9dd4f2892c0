#!/usr/bin/env bash
# bench-dynamodb.sh: how fast lambda-local's embedded DynamoDB answers the Cruddur workload, side by side with
# moto_server in the same run (a benchmark, not a test: it prints figures and exits 0 unless something broke).
#
# Usage: scripts/bench-dynamodb.sh            (from anywhere; about 5 minutes after the build, most of it seeding)
#
# It builds release `lambda-local` into .build-benchdb (never the default .build), starts
# `lambda-local start --dynamodb-port 0` (state in a temp dir, or --in-memory) and `moto_server` on 127.0.0.1,
# makes sure both have the Cruddur table `cruddur-messages` (pk/sk, GSI message-group-sk-index, stream
# NEW_IMAGE; ours declares it in template.json, moto gets it through CreateTable), then measures:
#   1. seeding: BatchWriteItem of Cruddur messages (scripts/bench/dynamodb-seed.py, raw HTTP, 2 connections)
#      into a BENCH_SMALL_ITEMS partition (both) and a BENCH_BIG_ITEMS partition (ours only: moto seeds at a
#      few thousand items/s and its Query walks the whole table, see the printed rate and CPU per request);
#   2. Cruddur Pattern A: Query `pk = :pk AND begins_with(sk, :year)`, ScanIndexForward false, Limit 20 with
#      wrk and scripts/bench/dynamodb-query.lua, after checking once through boto3 that each endpoint answers
#      the 20 newest seeded items newest first; wrk counts non-200 answers and 200s without `Count: 20`;
#   3. PutItem of a new message per request (distinct keys, scripts/bench/dynamodb-put.lua) with the stream
#      on; afterwards the items are counted and the stream is read back (one INSERT with NewImage each);
#      both endpoints after the small partition's queries (moto's Query walks every item of the table, so it
#      is measured before puts add items), and ours again after the big seed (its store then holds the big
#      partition and its 500,000 stream records);
# each wrk run for every "THREADSxCONNECTIONS" in BENCH_WRK_SETTINGS, BENCH_ROUNDS times (the endpoints take
# turns within each round, so a busy spell on the shared machine hits both), with the server's CPU per request
# (from /proc), wrk's own CPU per request and how busy the whole machine was; then a summary table with the
# median req/s over the rounds, the targets of issue 4 (>= 5,000 Query/s at 500,000 items, latency within 2x
# from 5,000 to 500,000 items, PutItem >= 20x moto) and the machine (nproc, CPU, load, date, git rev).
#
# Ours serves only the template's tables (a copy of template.json without its functions, written next to the
# build): a stream-triggered function would compete with the server for the CPUs and measure something else.
# To compare two builds of lambda-local in one run, give the other one's directory as BENCH_BASE_BIN_PATH: it
# runs as target `base` with the same workload, taking turns with `ours`.
#
# Everything started here runs in its own process group and is killed on exit (trap).
#
# Environment (all optional):
#   BENCH_SCRATCH_PATH     scratch path for the release build (default: <package>/.build-benchdb)
#   BENCH_SKIP_BUILD=1     use the existing build in BENCH_SCRATCH_PATH
#   BENCH_BIN_PATH         use the lambda-local in this directory instead (no build)
#   BENCH_BASE_BIN_PATH    also measure the lambda-local in this directory, as target `base` (e.g. a build
#                          from before a change); adds `base` to the default targets
#   BENCH_TARGETS          which endpoints to measure (default "ours moto", or "ours base moto")
#   BENCH_STORAGE          "file" (default: --state-dir in the temp dir, as a user runs it) or "memory"
#   BENCH_SMALL_ITEMS      items in the small partition (default 5000), both endpoints
#   BENCH_BIG_ITEMS        items in the big partition (default 500000), ours only (0 skips it)
#   BENCH_WRK_SETTINGS     wrk settings as THREADSxCONNECTIONS (default "2x4 2x16")
#   BENCH_WRK_DURATION     duration of each wrk run against ours and base (default 10s)
#   BENCH_ROUNDS           wrk runs per workload and setting for ours and base (default 1); the summary
#                          shows the median
#   BENCH_MOTO_ROUNDS      the same for moto (default 1)
#   BENCH_MOTO_DURATION    duration of each wrk run against moto (default 10s)
#   BENCH_KEEP_LOGS=1      keep the temp dir with the server logs and wrk outputs
#   BENCH_PERF=1           also profile ours with `perf record -g` during an extra Query run on the big
#                          partition and an extra PutItem run, and print the top entries
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SCRATCH=${BENCH_SCRATCH_PATH:-$ROOT/.build-benchdb}
BASE_BIN=${BENCH_BASE_BIN_PATH:-}
DEFAULT_TARGETS="ours moto"
[[ -n $BASE_BIN ]] && DEFAULT_TARGETS="ours base moto"
TARGETS=${BENCH_TARGETS:-$DEFAULT_TARGETS}
ROUNDS=${BENCH_ROUNDS:-1}
MOTO_ROUNDS=${BENCH_MOTO_ROUNDS:-1}
STORAGE=${BENCH_STORAGE:-file}
SMALL=${BENCH_SMALL_ITEMS:-5000}
BIG=${BENCH_BIG_ITEMS:-500000}
WRK_SETTINGS=${BENCH_WRK_SETTINGS:-"2x4 2x16"}
OURS_DURATION=${BENCH_WRK_DURATION:-10s}
MOTO_DURATION=${BENCH_MOTO_DURATION:-10s}
SEED=$ROOT/scripts/bench/dynamodb-seed.py
export BENCH_LUA_DIR=$ROOT/scripts/bench
# One date for the whole run, so `verify` expects the sort keys `seed` wrote even across midnight.
export BENCH_SEED_UNTIL=${BENCH_SEED_UNTIL:-$(date -u +%F)}
export BENCH_YEAR=${BENCH_SEED_UNTIL:0:4}
SMALL_GROUP=5ae290ed-55d1-47a0-bc6d-fe2bc2700399 # the Cruddur seed conversation's group
BIG_GROUP=0c1b2a39-4d5e-4f60-8a7b-9c8d7e6f5a4b
RUN_ID=$(date -u +%H%M%S)

for tool in swift wrk python3 setsid curl; do
    command -v "$tool" >/dev/null || { echo "bench-dynamodb: \"$tool\" is not installed" >&2; exit 2; }
done
if [[ $TARGETS == *moto* ]]; then
    command -v moto_server >/dev/null || { echo "bench-dynamodb: \"moto_server\" is not installed" >&2; exit 2; }
fi
python3 -c 'import boto3' 2>/dev/null || { echo "bench-dynamodb: python3 cannot import boto3" >&2; exit 2; }

BENCH_NAME=bench-dynamodb
source "$ROOT/scripts/bench/common.sh"

# --- build -------------------------------------------------------------------------------------------------
cd "$ROOT"
if [[ $TARGETS == *ours* ]]; then
    bench_build lambda-local
    if ! "$BIN/lambda-local" start --help 2>&1 | grep -q -- '--dynamodb-port'; then
        log "this lambda-local has no --dynamodb-port (no DynamoDB endpoint yet): measuring moto only"
        TARGETS=${TARGETS//ours/}
    fi
fi
if [[ $TARGETS == *base* ]]; then
    [[ -x $BASE_BIN/lambda-local ]] || { log "BENCH_BASE_BIN_PATH has no lambda-local: \"$BASE_BIN\""; exit 2; }
fi
# The template's tables without its functions (it must lie inside the package, so next to the build).
if [[ $TARGETS == *ours* || $TARGETS == *base* ]]; then
    mkdir -p "$SCRATCH"
    TEMPLATE=$SCRATCH/bench-dynamodb-template.json
    python3 - "$ROOT/template.json" "$TEMPLATE" <<'PY'
import json, sys
template = json.load(open(sys.argv[1]))
template["Resources"] = {name: resource for name, resource in template["Resources"].items()
                         if resource.get("Type") == "AWS::DynamoDB::Table"}
template.pop("Globals", None)
json.dump(template, open(sys.argv[2], "w"), indent=2)
PY
fi

# --- servers -------------------------------------------------------------------------------------------------
declare -A URL SERVER
# start_lambda_local TARGET BINDIR: `lambda-local start` with the DynamoDB endpoint on a free port; sets
# URL[TARGET] and SERVER[TARGET].
start_lambda_local() {
    local target=$1 bin=$2
    local logfile=$WORK/$target.log storage=(--state-dir "$WORK/state-$target")
    [[ $STORAGE == memory ]] && storage=(--in-memory)
    setsid "$bin/lambda-local" start --host 127.0.0.1 --port 0 --dynamodb-port 0 "${storage[@]}" \
        --template "$TEMPLATE" --bin-path "$bin" --skip-build >"$WORK/$target.out" 2>"$logfile" &
    SERVER[$target]=$!
    PIDS+=("${SERVER[$target]}")
    local i port
    for ((i = 0; i < 600; i++)); do
        port=$(sed -n 's|^lambda-local: DynamoDB on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$logfile" | head -1 || true)
        [[ -n $port ]] && { URL[$target]=http://127.0.0.1:$port; return 0; }
        kill -0 "${SERVER[$target]}" 2>/dev/null || { log "$target: lambda-local start exited:"; cat "$logfile" >&2; exit 2; }
        sleep 0.1
    done
    log "$target: lambda-local start did not announce its DynamoDB endpoint within 60 s:"; cat "$logfile" >&2; exit 2
}
start_ours() { start_lambda_local ours "$BIN"; }
start_base() { start_lambda_local base "$BASE_BIN"; }

# start_moto: moto_server on a free port (moto cannot report a port 0 choice, so ask the kernel for one first).
start_moto() {
    local port i
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    setsid moto_server -H 127.0.0.1 -p "$port" >"$WORK/moto.out" 2>"$WORK/moto.log" &
    SERVER[moto]=$!
    PIDS+=("${SERVER[moto]}")
    for ((i = 0; i < 300; i++)); do
        curl -s -o /dev/null "http://127.0.0.1:$port/moto-api/" && { URL[moto]=http://127.0.0.1:$port; return 0; }
        kill -0 "${SERVER[moto]}" 2>/dev/null || { log "moto_server exited:"; cat "$WORK/moto.log" >&2; exit 2; }
        sleep 0.1
    done
    log "moto_server did not listen within 30 s"; exit 2
}

# server_ticks TARGET: user+system CPU ticks of the target's server process (all threads, plus reaped children).
server_ticks() { awk '{print $14 + $15 + $16 + $17}' "/proc/${SERVER[$1]}/stat"; }
# server_switches TARGET: context switches of the server's live threads (moto's per-request threads are not seen).
# (A thread may end between the glob and the read: that is not an error.)
server_switches() {
    { cat /proc/"${SERVER[$1]}"/task/*/status 2>/dev/null || true; } | awk '/ctxt_switches/ {s += $2} END {print s + 0}'
}
# machine_ticks: "busy total" ticks of the whole machine from /proc/stat.
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }
# field LINE NAME: the value of NAME=value in a `k=v k=v` line.
field() { sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" <<<"$1"; }
ms() { awk -v us="$1" 'BEGIN {printf "%.2f", us / 1000}'; }
# median "V1 V2 ...": the median of the values (the mean of the middle two for an even count), 0 for none.
median() {
    tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{v[NR] = $1} END {
        if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.0f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ROWS=()
declare -A RPS P50 CPU_US
# run_wrk TARGET NAME LUA DURATION THREADSxCONNECTIONS: one wrk run; prints its line and the CPU per request,
# appends to RPS[TARGET NAME SETTING], P50[...] and CPU_US[...] (one value per round) and adds a summary row.
run_wrk() {
    local target=$1 name=$2 lua=$3 duration=$4 setting=$5
    local threads=${setting%x*} connections=${setting#*x}
    local before_server before_machine after_machine out line client requests hz cpus
    hz=$(getconf CLK_TCK) cpus=$(nproc)
    local before_switches
    before_server=$(server_ticks "$target") before_machine=$(machine_ticks) before_switches=$(server_switches "$target")
    out=$( { TIMEFORMAT='WRKCPU %U %S'; time wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s --latency \
        -s "$ROOT/scripts/bench/$lua" "${URL[$target]}/"; } 2>&1 )
    after_machine=$(machine_ticks)
    echo "$out" >"$WORK/wrk-$target-$name-$setting.txt"
    line=$(grep '^BENCH ' <<<"$out") || { log "wrk printed no BENCH line:"; echo "$out" >&2; exit 2; }
    client=$(grep '^WRKCPU ' <<<"$out" | awk '{print $2 + $3}')
    requests=$(field "$line" requests)
    local cost
    cost=$(awk -v s0="$before_server" -v s1="$(server_ticks "$target")" -v c="$client" -v n="$requests" -v hz="$hz" \
        -v cpus="$cpus" -v m0="$before_machine" -v m1="$after_machine" -v w0="$before_switches" \
        -v w1="$(server_switches "$target")" 'BEGIN {
            split(m0, a, " "); split(m1, b, " "); wall = (b[2] - a[2]) / cpus / hz
            printf "server CPU %.0f us/request, wrk CPU %.0f us/request, machine busy %.2f of %d CPUs" \
                " (all processes), server context switches %.1f/request",
                (s1 - s0) / hz / n * 1e6, c / n * 1e6, wall ? (b[1] - a[1]) / hz / wall : 0, cpus, (w1 - w0) / n }')
    echo "$target $name wrk -t$threads -c$connections -d$duration: ${line#BENCH }"
    echo "$target $name wrk -t$threads -c$connections: $cost"
    grep '^BENCH_SAMPLE ' <<<"$out" | sed "s/^BENCH_SAMPLE /$target $name first bad answer: /" || true
    RPS[$target $name $setting]+="$(field "$line" rps) "
    CPU_US[$target $name $setting]+="$(awk -v s0="$before_server" -v s1="$(server_ticks "$target")" -v c="$client" \
        -v n="$requests" -v hz="$hz" 'BEGIN {printf "%.0f", ((s1 - s0) / hz + c) / n * 1e6}') "
    P50[$target $name $setting]+="$(field "$line" p50_us) "
    ROWS+=("$(printf '%-5s %-22s %-7s %8s %8s %8s %8s %9s  %s' "$target" "$name" "$setting" "$requests" \
        "$(ms "$(field "$line" p50_us)")" "$(ms "$(field "$line" p90_us)")" "$(ms "$(field "$line" p99_us)")" \
        "$(field "$line" rps)" "non200 $(field "$line" non200), bad $(field "$line" bad), errors $(field "$line" errors); ${cost%%, machine*}")")
}

# seed_partition TARGET GROUP COUNT: seeds and verifies one partition, recording the seeding rate.
declare -A SEED_RATE
seed_partition() {
    local target=$1 group=$2 count=$3 result
    log "$target: seeding $count items into MSG#$group"
    result=$(python3 "$SEED" seed "${URL[$target]}" "$group" "$count")
    echo "$target seed MSG#$group: $result"
    SEED_RATE[$target $count]=$(field "$result" rate)
    echo "$target verify MSG#$group: $(python3 "$SEED" verify "${URL[$target]}" "$group" "$count")"
}

duration_of() { if [[ $1 == moto ]]; then echo "$MOTO_DURATION"; else echo "$OURS_DURATION"; fi; }
rounds_of() { if [[ $1 == moto ]]; then echo "$MOTO_ROUNDS"; else echo "$ROUNDS"; fi; }

# query_run TARGET COUNT SETTING ROUND: Pattern A on the partition QUERY_GROUP (COUNT items) with one wrk setting.
query_run() {
    local target=$1 count=$2 setting=$3
    export BENCH_PK="MSG#$QUERY_GROUP"
    run_wrk "$target" "query $count items" dynamodb-query.lua "$(duration_of "$target")" "$setting"
}

# put_run TARGET SEEDED SETTING ROUND: PutItem of new messages with one wrk setting, on a table holding SEEDED
# seeded items (plus earlier puts); then counts the new items and reads their stream records back.
put_run() {
    local target=$1 seeded=$2 setting=$3 round=$4 keys t mark
    export BENCH_PUT_PREFIX="MSG#bench-put-$RUN_ID-$target-$seeded-$setting-$round"
    mark=$WORK/stream-$target-$seeded-$setting-$round.json
    python3 "$SEED" stream-mark "${URL[$target]}" "$mark" >/dev/null
    run_wrk "$target" "putitem $seeded seeded" dynamodb-put.lua "$(duration_of "$target")" "$setting"
    keys=()
    for ((t = 0; t < ${setting%x*}; t++)); do keys+=("$BENCH_PUT_PREFIX-$t"); done
    echo "$target putitem $seeded seeded $setting check: $(python3 "$SEED" count "${URL[$target]}" "${keys[@]}") in the" \
        "table (wrk counts only answers received within its duration); stream since the run:" \
        "$(python3 "$SEED" stream-count "${URL[$target]}" "$mark" "$BENCH_PUT_PREFIX")"
}

# take_turns WORKLOAD ARG TARGET...: `WORKLOAD_run TARGET ARG SETTING ROUND` for every round and wrk setting, the
# targets taking turns (so a busy spell on the shared machine hits each of them alike).
take_turns() {
    local workload=$1 arg=$2 round setting target max=$ROUNDS
    shift 2
    ((MOTO_ROUNDS > max)) && max=$MOTO_ROUNDS
    log "$workload ($arg) on $*: wrk $WRK_SETTINGS, $max round(s)"
    for ((round = 1; round <= max; round++)); do
        for setting in $WRK_SETTINGS; do
            for target in "$@"; do
                ((round <= $(rounds_of "$target"))) || continue
                "${workload}_run" "$target" "$arg" "$setting" "$round"
            done
        done
    done
}

# warm_up TARGET...: a short Pattern A run on QUERY_GROUP against each target.
warm_up() {
    local target
    export BENCH_PK="MSG#$QUERY_GROUP"
    for target in "$@"; do
        wrk -t1 -c2 -d1s -s "$ROOT/scripts/bench/dynamodb-query.lua" "${URL[$target]}/" >/dev/null
    done
}

# --- measure -----------------------------------------------------------------------------------------------------
# Seed the small partition everywhere, Pattern A on it, PutItem; then (lambda-local only) seed the big partition,
# Pattern A on it, and PutItem again, now with the big partition and its stream records in the store.
LOCAL_TARGETS=()
for target in $TARGETS; do
    "start_$target"
    log "$target: ${URL[$target]}"
    echo "$target: $(python3 "$SEED" create "${URL[$target]}")"
    [[ $target == moto ]] || LOCAL_TARGETS+=("$target")
done
for target in $TARGETS; do seed_partition "$target" "$SMALL_GROUP" "$SMALL"; done
# Query before any PutItem: moto's Query walks every item of the table, so earlier puts would slow it.
QUERY_GROUP=$SMALL_GROUP
warm_up $TARGETS
take_turns query "$SMALL" $TARGETS
take_turns put "$SMALL" $TARGETS
if ((BIG > 0 && ${#LOCAL_TARGETS[@]} > 0)); then
    for target in "${LOCAL_TARGETS[@]}"; do seed_partition "$target" "$BIG_GROUP" "$BIG"; done
    QUERY_GROUP=$BIG_GROUP
    warm_up "${LOCAL_TARGETS[@]}"
    take_turns query "$BIG" "${LOCAL_TARGETS[@]}"
    take_turns put "$((SMALL + BIG))" "${LOCAL_TARGETS[@]}"
fi

# --- optional profile -----------------------------------------------------------------------------------------------
# Inclusive time of the functions that matter (the HTTP edge, JSON, the store, SQLite), then self time by symbol.
if [[ ${BENCH_PERF:-0} == 1 && $TARGETS == *ours* ]]; then
    for workload in query put; do
        export BENCH_PK="MSG#$BIG_GROUP" BENCH_PUT_PREFIX="MSG#bench-perf-$RUN_ID"
        [[ $BIG -gt 0 ]] || BENCH_PK="MSG#$SMALL_GROUP"
        lua=dynamodb-query.lua
        [[ $workload == put ]] && lua=dynamodb-put.lua
        # System-wide, then filtered by process: `perf record -p` misses threads started after it attaches
        # (libdispatch starts and retires the worker threads that run GRDB's writer queue).
        perf record -F 999 -a -g -o "$WORK/perf-$workload.data" >/dev/null 2>&1 &
        perf_pid=$!
        sleep 0.5
        wrk -t2 -c4 -d5s -s "$ROOT/scripts/bench/$lua" "${URL[ours]}/" >/dev/null
        kill -INT "$perf_pid" && wait "$perf_pid" || true
        echo "perf profile of ours during 5 s of $workload (wrk -t2 -c4), share of the server's samples:"
        echo " inclusive (children), selected functions:"
        perf report -i "$WORK/perf-$workload.data" --pid "${SERVER[ours]}" --percentage relative --children --sort sym \
            --stdio -g none 2>/dev/null | grep -v '^#' |
            swift demangle --simplified | grep -E 'closure #1 in DynamoDBOperation.init|JSONEncoder.encode<|JSONDecoder.decode<|readFast|writeFast|ItemJSONWriter.append\(items|TableStore\.(query|putItem)\(|PageReader.read|DatabasePool.read<|DatabaseWriter.write<|SerializedDatabase.execute<|RequestID.make|StreamWriter.record|ItemStorage|sqlite3_step|__libc_pread|__libc_pwrite|getrandom|SelectableEventLoop.run\(\)|finish_task_switch|DynamoDBAPIServer.httpResponse' |
            awk '!seen[$3 FS $4 FS $5 FS $6]++' | head -20 | cut -c1-140 || true
        echo " self time by library:"
        perf report -i "$WORK/perf-$workload.data" --pid "${SERVER[ours]}" --percentage relative --no-children \
            --sort dso --stdio -g none 2>/dev/null |
            grep -v '^#' | grep -v '^$' | head -8 || true
    done
fi

# --- summary ---------------------------------------------------------------------------------------------------
best() { # best TARGET NAME: the highest req/s over the wrk settings, and its setting
    local setting best=0 at=-
    for setting in $WRK_SETTINGS; do
        local v
        v=$(median "${RPS[$1 $2 $setting]:-}")
        ((v > best)) && best=$v at=$setting
    done
    echo "$best $at"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a > 0 && b > 0) printf "%.1f", a / b; else print "-"}'; }
verdict() { awk -v v="$1" -v t="$2" -v dir="$3" 'BEGIN {if (v == "-" || v + 0 == 0) print "not measured"; else if ((dir == ">=" && v + 0 >= t) || (dir == "<=" && v + 0 <= t)) print "met"; else print "MISSED"}'; }

echo
echo "== lambda-local DynamoDB benchmark (Cruddur workload; latencies in ms; storage: $STORAGE) =="
printf '%-5s %-22s %-7s %8s %8s %8s %8s %9s  %s\n' who workload "wrk -tXcY" requests median p90 p99 "req/s" notes
for r in "${ROWS[@]}"; do echo "$r"; done
echo
for k in "${!SEED_RATE[@]}"; do
    echo "seeding ${k% *}, ${k#* } items: ${SEED_RATE[$k]} items/s (BatchWriteItem of 25 items over 2 keep-alive connections)"
done | sort
if [[ $TARGETS == *moto* ]]; then
    rate=${SEED_RATE[moto $SMALL]:-0}
    echo "moto at $BIG items: not measured; at the $rate items/s seen here seeding alone would take" \
        "$(awk -v n="$BIG" -v r="$rate" 'BEGIN {printf "%.0f", r ? n / r : 0}') s; and moto's Query walks every" \
        "item of the table and sorts the matches (moto/dynamodb/models/table.py, Table.query: \`for item in" \
        "self.all_items()\`), so its CPU per Query (above) would grow about $((BIG / SMALL))-fold"
fi
echo
read -r q_small q_small_at < <(best ours "query $SMALL items")
read -r q_big q_big_at < <(best ours "query $BIG items")
read -r m_small m_small_at < <(best moto "query $SMALL items")
read -r p_ours p_ours_at < <(best ours "putitem $SMALL seeded")
read -r p_ours_big p_ours_big_at < <(best ours "putitem $((SMALL + BIG)) seeded")
read -r p_moto p_moto_at < <(best moto "putitem $SMALL seeded")
first=${WRK_SETTINGS%% *}
# ceiling TARGET NAME SETTING: requests/s the machine's CPUs allow at the measured server+wrk CPU per request.
ceiling() { awk -v us="$(median "${CPU_US[$1 $2 $3]:-}")" -v cpus="$(nproc)" 'BEGIN {if (us > 0) printf "%.0f", cpus * 1e6 / us; else print "-"}'; }
lat_ratio=$(ratio "$(median "${P50[ours query $BIG items $first]:-}")" "$(median "${P50[ours query $SMALL items $first]:-}")")
put_ratio=$(ratio "$p_ours" "$p_moto")
put_ratio_big=$(ratio "$p_ours_big" "$p_moto")
q_ratio=$(ratio "$q_small" "$m_small")
printf '%-52s %12s  %s\n' figure value "target / verdict"
printf '%-52s %12s  %s\n' "Query/s ours, $SMALL items (best: $q_small_at)" "$q_small" ""
printf '%-52s %12s  %s\n' "Query/s ours, $BIG items (best: $q_big_at)" "$q_big" ">= 5000: $(verdict "$q_big" 5000 '>=')"
printf '%-52s %12s  %s\n' "  CPU ceiling at $BIG items (server+wrk CPU, wrk $q_big_at)" "$(ceiling ours "query $BIG items" "$q_big_at")" \
    "what $(nproc) idle CPUs would allow at this CPU per request"
printf '%-52s %12s  %s\n' "Query/s moto, $SMALL items (best: $m_small_at)" "$m_small" "ours/moto at $SMALL items: ${q_ratio}x"
printf '%-52s %12s  %s\n' "median latency ours $BIG / $SMALL items (wrk $first)" "${lat_ratio}x" "<= 2: $(verdict "$lat_ratio" 2 '<=')"
printf '%-52s %12s  %s\n' "PutItem/s ours, $SMALL seeded (best: $p_ours_at)" "$p_ours" ""
printf '%-52s %12s  %s\n' "PutItem/s ours, $((SMALL + BIG)) seeded (best: $p_ours_big_at)" "$p_ours_big" ""
printf '%-52s %12s  %s\n' "  CPU ceiling, $SMALL seeded (wrk $p_ours_at)" "$(ceiling ours "putitem $SMALL seeded" "$p_ours_at")" ""
printf '%-52s %12s  %s\n' "PutItem/s moto, $SMALL seeded (best: $p_moto_at)" "$p_moto" ""
printf '%-52s %12s  %s\n' "PutItem ours / moto, both $SMALL seeded" "${put_ratio}x" ">= 20: $(verdict "$put_ratio" 20 '>=')"
printf '%-52s %12s  %s\n' "PutItem ours $((SMALL + BIG)) seeded / moto $SMALL" "${put_ratio_big}x" ">= 20: $(verdict "$put_ratio_big" 20 '>=')"
if [[ $TARGETS == *base* ]]; then
    echo
    printf '%-52s %12s  %s\n' "same run, base ($BASE_BIN)" "req/s" "ours / base"
    for workload in "query $SMALL items" "query $BIG items" "putitem $SMALL seeded" "putitem $((SMALL + BIG)) seeded"; do
        read -r b b_at < <(best base "$workload")
        read -r o _ < <(best ours "$workload")
        printf '%-52s %12s  %s\n' "base $workload (best: $b_at)" "$b" "$(ratio "$o" "$b")x"
    done
fi
echo
REV=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
[[ -n $(git -C "$ROOT" status --porcelain 2>/dev/null) ]] && REV="$REV (working tree modified)"
echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(uname -sr); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u '+%Y-%m-%dT%H:%M:%SZ'); git: $REV; moto $(python3 -c 'import moto; print(moto.__version__)'); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "ours: ${BIN:-not run}/lambda-local${BASE_BIN:+, base: $BASE_BIN/lambda-local}, storage $STORAGE, $ROUNDS round(s) (moto $MOTO_ROUNDS); wrk and the servers share the machine's CPUs (wrk CPU per request is printed above)"
