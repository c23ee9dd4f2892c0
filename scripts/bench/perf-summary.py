#!/usr/bin/env python3
"""perf-summary: where the CPU of a profiled invoke goes, for scripts/bench-invoke.sh (BENCH_PERF=1).

    perf-summary.py SCRIPT_TXT EMU_STAT FN_STAT COUNT HZ EMULATOR_PID

SCRIPT_TXT is `perf script -F comm,pid,tid,ip,sym,dso` of a `perf record -g -F HZ` (cpu-clock samples) of the
emulator and its function processes; EMU_STAT and FN_STAT are `perf stat --per-thread` of the emulator and of the
function processes (task-clock, context-switches, cpu-migrations, raw_syscalls:sys_enter, sched:sched_wakeup) over
the same COUNT invocations. Prints, per invocation: CPU, context switches, syscalls and wake-ups by process and
thread; the self time by kind of code (kernel scheduling, kernel network, allocation, reference counting, ...); and,
for the emulator, the inclusive time of its main parts (Hummingbird, NIO HTTP/1, Runtime API handler, state machine,
log lines, output reader, /proc reads, UUIDs, locks). Sampled figures carry perf's own overhead and a sampling error
of about 1/sqrt(samples); the perf stat counts are exact.
"""
import collections
import re
import sys

script_path, emu_stat, fn_stat, count, hz, emu_pid = sys.argv[1:7]
count, hz = int(count), float(hz)
us_per_sample = 1e6 / hz / count


def thread_kind(comm):
    if comm.startswith("NIO-"):
        return "NIO event loop"
    if "default-qos" in comm or comm.startswith("com.apple"):
        return "Swift executor"
    if comm.startswith("lambda-local ou"):
        return "output reader"
    if comm.startswith("lambda-local su"):
        return "supervisor"
    if comm.startswith("curl") or comm.startswith("Curl") or "orker" in comm:
        return "worker"
    return comm


# --- perf stat -----------------------------------------------------------------------------------------------------
def read_stat(path):
    by = collections.defaultdict(collections.Counter)
    try:
        lines = open(path, errors="replace").read().splitlines()
    except OSError:
        return by
    for line in lines:
        m = re.match(r"^\s*(.+?)-(\d+)\s+([\d,.]+)\s+(?:msec\s+)?(\S+)", line)
        if not m:
            continue
        by[thread_kind(m.group(1))][m.group(4)] += float(m.group(3).replace(",", ""))
    return by


print(f"  exact counts per invocation (perf stat), {count} invocations:")
print(f"    {'process / thread':<28}{'CPU us':>9}{'ctx sw':>8}{'wakeups':>9}{'syscalls':>9}{'migr':>7}")
for name, path in (("emulator", emu_stat), ("function", fn_stat)):
    by = read_stat(path)
    total = collections.Counter()
    rows = []
    for kind, c in sorted(by.items(), key=lambda kv: -kv[1]["task-clock"]):
        total.update(c)
        rows.append((kind, c))

    def fmt(label, c):
        return (f"    {label:<28}{c['task-clock'] * 1000 / count:9.1f}{c['context-switches'] / count:8.2f}"
                f"{c['sched:sched_wakeup'] / count:9.2f}{c['raw_syscalls:sys_enter'] / count:9.1f}"
                f"{c['cpu-migrations'] / count:7.2f}")

    print(fmt(f"{name} (all threads)", total))
    for kind, c in rows:
        if c["task-clock"] * 1000 / count >= 0.5 or c["context-switches"] / count >= 0.05:
            print(fmt(f"  {kind}", c))

# --- perf script -------------------------------------------------------------------------------------------------
samples = []  # (is_emulator, thread kind, [(sym, dso)] leaf first)
current = None
for line in open(script_path, errors="replace"):
    line = line.rstrip("\n")
    if not line.strip():
        if current:
            samples.append(current)
        current = None
        continue
    if not line.startswith("\t") and not line.startswith(" " * 8):
        m = re.match(r"^(.*?)\s+(\d+)/(\d+)\s*$", line)
        if m:
            if current:
                samples.append(current)
            current = (m.group(2) == emu_pid, thread_kind(m.group(1).strip()), [])
        continue
    if current is None:
        continue
    m = re.match(r"^\s*[0-9a-f]+\s+(.*?)\s+\((.*)\)\s*$", line)
    if m:
        current[2].append((m.group(1), m.group(2)))
if current:
    samples.append(current)

SELF_KINDS = [
    ("kernel: scheduling, wake-ups, futex", lambda s, d: d.startswith("[kernel") and re.search(
        r"finish_task_switch|__schedule|schedule|try_to_wake_up|ttwu|_raw_spin_unlock_irq|enqueue_|dequeue_|"
        r"pick_next|futex|update_curr|select_task_rq|switch_mm|__switch_to|psi_", s)),
    ("kernel: TCP/loopback", lambda s, d: d.startswith("[kernel") and re.search(
        r"tcp|inet|ip_|ipv4|__dev_|dev_|net_|netif|sock|skb|loopback|napi|__kfree_skb|nf_", s)),
    ("kernel: epoll/poll/pipe/eventfd", lambda s, d: d.startswith("[kernel") and re.search(
        r"epoll|ep_|poll|pipe|eventfd", s)),
    ("kernel: other (syscall entry, vfs, procfs, memory)", lambda s, d: d.startswith("[kernel")),
    ("malloc/free", lambda s, d: re.search(r"^(malloc|free|cfree|_int_malloc|_int_free|malloc_consolidate|"
                                            r"swift_slowAlloc|swift_slowDealloc|__libc_malloc|__libc_free|"
                                            r"swift_allocObject|swift_deallocObject|tcache|_int_realloc|realloc)", s)),
    ("Swift retain/release", lambda s, d: re.search(r"swift_(retain|release|bridgeObject|unknownObject|"
                                                    r"isUniquelyReferenced|nonatomic)", s)),
    ("memcpy/memset/memmove", lambda s, d: re.search(r"__mem(cpy|set|move)|memcpy|memset|memmove", s)),
    ("Swift concurrency/dispatch runtime", lambda s, d: re.search(r"swift_Concurrency|libdispatch", d)),
    ("libcurl", lambda s, d: "libcurl" in d),
    ("Swift stdlib/Foundation", lambda s, d: re.search(r"libswiftCore|Foundation|libswift", d)),
    ("libc other (locks, syscall stubs)", lambda s, d: "libc.so" in d or "ld-linux" in d),
    ("program code (lambda-local / Echo incl. NIO, Hummingbird)", lambda s, d: True),
]

# The emulator's parts, for an exclusive attribution: each sample goes to the part of the frame nearest its leaf that
# matches one (so lock waits count as locks, a read syscall under the Runtime API handler as NIO socket reads, and
# the handler's own code as the handler); the first matching pattern of that frame wins. libc's syscall stubs and
# futex waits match nothing, so their time goes to their caller (a Mutex, dispatch's thread pool, a /proc read).
PARTS = [
    ("/proc/PID/status read per invoke (peakMemoryMB)", r"peakMemoryMB|ProcFile"),
    ("UUID / TraceID / random (/dev/urandom, getrandom)", r"UUID|TraceID|RandomText|getrandom|SystemRandom"),
    ("log lines (Console.write, InvocationLog, InvocationReport)", r"7ConsoleC|InvocationLog|InvocationReport"),
    ("output reader (pipe poll/read, drain, line split)", r"OutputReader|^__poll$"),
    ("malloc/free", r"^(malloc|free|cfree|_int_malloc|_int_free|malloc_consolidate|__libc_malloc|__libc_free)"),
    ("locks (Mutex, pthread_mutex, futex)", r"Mutex|pthread_mutex_lock|pthread_mutex_unlock|pthread_cond|lll_lock|lll_unlock"),
    ("FunctionPool acquire/release", r"FunctionPool"),
    ("ExecutionEnvironment + state machine", r"ExecutionEnvironment|EnvironmentStateMachine"),
    ("Runtime API handler (routing, answers)", r"RuntimeAPIHandler|RuntimeAPIAnswer"),
    ("Invoke API handler (own code)", r"InvokeAPIServer|InvokeRequestBody|InvokeAPIHeaders"),
    ("Hummingbird (router, request/response, server)", r"Hummingbird"),
    ("NIO async bridge (NIOAsyncChannel/Sequence/Writer)", r"NIOAsync|NIOThrowingAsync|AsyncSequenceProducer"),
    ("NIO HTTP/1 encoding", r"HTTPResponseEncoder|HTTPEncoder|HTTPHeaders.*write|writeHTTP"),
    ("NIO HTTP/1 decoding and pipeline (llhttp, HTTPDecoder)", r"HTTPDecoder|llhttp|BetterHTTPParser|"
                                                              r"HTTPServerPipelineHandler|ByteToMessage|HTTPHeaders"),
    ("NIO socket writes (writev, flush)", r"PendingStreamWritesManager|writeToSocket|flushNow|NIOPosix.*writev"),
    ("NIO socket reads (read)", r"readFromSocket|6SocketC4read"),
    ("NIO event loop: epoll_wait, eventfd wake-ups, scheduled tasks", r"epoll_wait|eventfd|SelectableEventLoop|"
                                                                      r"8SelectorC|EventLoop"),
    ("Swift tasks/continuations/dispatch (hops)", r"swift_task|swift_job|swift_continuation|dispatch_|_dispatch"),
    ("thread parking/wake-up (futex wait, caller not in the stack)", r"__futex_abstimed_wait_common|sem_wait|sem_post"),
]

for proc, label in ((True, "emulator"), (False, "function (Echo)")):
    mine = [s for s in samples if s[0] == proc and s[2]]
    if not mine:
        continue
    print(f"  {label}: {len(mine)} samples = {len(mine) * us_per_sample:.0f} us CPU/invocation under perf;"
          f" self time by kind of code (us/invocation, share):")
    kinds = collections.Counter()
    for _, _, frames in mine:
        sym, dso = frames[0]
        for name, test in SELF_KINDS:
            if test(sym, dso):
                kinds[name] += 1
                break
    for name, _ in SELF_KINDS:
        if kinds[name]:
            print(f"    {name:<60}{kinds[name] * us_per_sample:8.1f} us {kinds[name] / len(mine) * 100:5.1f}%")
    by_thread = collections.Counter(k for _, k, _ in mine)
    print("    by thread: " + ", ".join(f"{k} {v * us_per_sample:.0f} us" for k, v in by_thread.most_common()))
    if proc:
        print("  emulator, time by part (exclusive: the part nearest the sample's leaf; incl. the kernel time below it):")
        compiled = [(name, re.compile(pattern)) for name, pattern in PARTS]
        parts = collections.Counter()
        for _, _, frames in mine:
            part = "other (Swift runtime, thread start, unmatched)"
            for sym, _ in frames:
                hit = next((name for name, rx in compiled if rx.search(sym)), None)
                if hit:
                    part = hit
                    break
            parts[part] += 1
        for name, n in parts.most_common():
            print(f"    {name:<60}{n * us_per_sample:8.1f} us {n / len(mine) * 100:5.1f}%")
        kernel = collections.Counter()
        for _, _, frames in mine:
            if frames[0][1].startswith("[kernel"):
                user = next((s for s, d in frames if not d.startswith("[kernel")), "?")
                kernel[re.sub(r"@.*", "", user)] += 1
        print("  emulator, kernel time by the user-space function that entered it (top 8):")
        for sym, n in kernel.most_common(8):
            print(f"    {sym[:60]:<60}{n * us_per_sample:8.1f} us {n / len(mine) * 100:5.1f}%")
