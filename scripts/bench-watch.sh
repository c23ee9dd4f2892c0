#!/usr/bin/env bash
# bench-watch.sh: how long `lambda-local start --watch` takes from an edit of Echo's source to the first invocation
# served by the new binary, and how much of that is not SwiftPM's own incremental build (a benchmark, not a test:
# it prints figures and exits 0 unless something broke).
#
# Usage: scripts/bench-watch.sh        (BENCH_ROUNDS edits, default 5; about 10 s per round on 2 cores)
#
# It builds debug `lambda-local` and `Echo` (the configuration `start` rebuilds in), starts `start --watch` on a
# template with Echo alone, then for each round: rewrites functions/Echo/main.swift (alternately returning the event
# once and twice), and invokes Echo every 5 ms until the answer changes. Per round it prints the edit-to-new-answer
# time, the build time the emulator reports ("Echo: rebuilt in 3.84 s, swapped") and their difference: the
# emulator's own share (inotify batching, swapping, starting the new process). A last round makes a broken edit and
# checks the old Echo keeps serving and the compiler's error is printed. Echo's source is restored on exit, whatever
# happens (trap), and everything started is killed by process group.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SCRATCH=$ROOT/.build
ROUNDS=${BENCH_ROUNDS:-5}
BENCH_NAME=bench-watch
source "$ROOT/scripts/bench/common.sh"

SOURCE=$ROOT/functions/Echo/main.swift
cp "$SOURCE" "$WORK/main.swift.orig"
bench_cleanup() { cp "$WORK/main.swift.orig" "$SOURCE"; }

log "building debug lambda-local and Echo"
(cd "$ROOT" && swift build --product lambda-local >>"$WORK/build.log" 2>&1 && swift build --product Echo >>"$WORK/build.log" 2>&1) ||
    { cat "$WORK/build.log" >&2; exit 2; }
BIN=$(cd "$ROOT" && swift build --show-bin-path)

TEMPLATE="$ROOT/.build/bench-watch-template.json"
echo_only_template "$TEMPLATE"

LOG=$WORK/emulator.log
setsid "$BIN/lambda-local" start --port 0 --dynamodb-port 0 --in-memory --template "$TEMPLATE" --watch \
    >"$LOG" 2>&1 &
PIDS+=("$!")
for ((i = 0; i < 300; i++)); do
    PORT=$(sed -n 's|^lambda-local: Invoke API on http://127\.0\.0\.1:\([0-9]*\) .*|\1|p' "$LOG" | head -1 || true)
    [[ -n $PORT ]] && break
    sleep 0.1
done
[[ -n ${PORT:-} ]] || { cat "$LOG" >&2; exit 2; }
until grep -q "lambda-local: watching" "$LOG"; do sleep 0.05; done

python3 - "$PORT" "$SOURCE" "$WORK/main.swift.orig" "$LOG" "$ROUNDS" <<'PY'
import re, statistics, sys, time, urllib.request
port, source, original, log, rounds = sys.argv[1], sys.argv[2], open(sys.argv[3]).read(), sys.argv[4], int(sys.argv[5])
url = f"http://127.0.0.1:{port}/2015-03-31/functions/Echo/invocations"
event = b'{"n":1}'

def invoke():
    with urllib.request.urlopen(urllib.request.Request(url, data=event, method="POST"), timeout=30) as response:
        return response.read()

def rebuilds():
    return re.findall(r"Echo: rebuilt in ([0-9.]+) s, swapped", open(log).read())

assert invoke() == event, "Echo does not echo before the first edit"
variants = [original.replace("    return event\n", "    return event + event\n"), original]
totals, builds, overheads = [], [], []
for round in range(rounds):
    text = variants[round % 2]
    expected = event + event if round % 2 == 0 else event
    seen = len(rebuilds())
    started = time.monotonic()
    open(source, "w").write(text)
    deadline = started + 300
    while invoke() != expected:
        if time.monotonic() > deadline:
            sys.exit("bench-watch: the new Echo never answered; emulator log:\n" + open(log).read())
        time.sleep(0.005)
    total = time.monotonic() - started
    while len(rebuilds()) == seen:
        time.sleep(0.01)
    build = float(rebuilds()[-1])
    totals.append(total); builds.append(build); overheads.append(total - build)
    print(f"round {round + 1}: edit -> new answer {total * 1000:.0f} ms, SwiftPM build {build * 1000:.0f} ms, "
          f"emulator's share {(total - build) * 1000:.0f} ms")

# A broken edit: the old version keeps serving and the compiler's error is printed once.
before = invoke()
open(source, "w").write(original.replace("    return event\n", "    retrun event\n"))
deadline = time.monotonic() + 300
while "Echo: build failed" not in open(log).read():
    if time.monotonic() > deadline:
        sys.exit("bench-watch: no build failure reported")
    time.sleep(0.05)
broken_ok = invoke() == before and "cannot find 'retrun' in scope" in open(log).read()
print(f"broken edit: old Echo still serving and the compiler error shown: {'yes' if broken_ok else 'NO'}")
print(f"median over {rounds} rounds: edit -> new answer {statistics.median(totals) * 1000:.0f} ms, "
      f"SwiftPM build {statistics.median(builds) * 1000:.0f} ms, emulator's share "
      f"{statistics.median(overheads) * 1000:.0f} ms (target <= 150 ms)")
if not broken_ok:
    sys.exit(1)
PY
