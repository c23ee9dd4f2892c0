#!/usr/bin/env bash
# Fails when a process started from this checkout's build folders (.build*: the emulator, functions, test
# binaries) is still running: whatever the test suite started, it must have ended. Waits up to 3 s for processes
# that are being killed to go, then lists what is left with its command line.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
left=()
for attempt in $(seq 1 30); do
    left=()
    for dir in /proc/[0-9]*; do
        exe=$(readlink "$dir/exe" 2>/dev/null) || continue
        case "$exe" in "$root"/.build*) ;; *) continue ;; esac
        [[ $(awk '{print $3}' "$dir/stat" 2>/dev/null) == Z ]] && continue
        left+=("${dir#/proc/}")
    done
    ((${#left[@]} == 0)) && exit 0
    sleep 0.1
done
echo "check-leftovers: ${#left[@]} process(es) from $root/.build* still running after the tests:" >&2
for pid in "${left[@]}"; do
    echo "  $pid: $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" >&2
done
exit 1
