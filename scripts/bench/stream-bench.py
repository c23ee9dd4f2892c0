#!/usr/bin/env python3
"""Helper of scripts/bench-streams.sh: drives lambda-local's DynamoDB and reads what the Probe function logged.

The table is `bench-stream` (pk S, stream NEW_AND_OLD_IMAGES), declared by the script's template. Probe appends
one JSON line per stream batch to its PROBE_LOG: {"count", "keys": [{"pk": {"S": ...}}], "receivedAt": epoch us,
"sequenceNumbers"}. Every command prints one `name=value ...` line on stdout, diagnostics on stderr, exit 1 on error.

Commands (DYNAMODB and INVOKE are http://127.0.0.1:PORT):
  latency DYNAMODB LOG PREFIX N WARMUP   N sequential PutItems (after WARMUP unmeasured ones) of keys PREFIX#i;
                                         after each response waits until the Probe log shows the key (or 5 s:
                                         counted as lost), so one record is in flight at a time; latency =
                                         receivedAt - the client's wall clock when the PutItem response was read
                                         (negative when the function had it first: `early`); send_* = receivedAt
                                         - the wall clock just before the request was sent
  load DYNAMODB PREFIX N THREADS         BatchWriteItem of N items (25 a request) over THREADS keep-alive
                                         connections; prints the load rate
  drain INVOKE LOG PREFIX N              waits (polling GET /lambda-local/status every 50 ms) until the mapping
                                         reports N records succeeded and none behind; rate = N / (that moment -
                                         the first batch's receivedAt); checks every key reached the function
  drain-status EMULATOR_LOG N            for a function that logs nothing (Echo): started with the emulator, waits
                                         for its "Invoke API on URL" line in EMULATOR_LOG, then polls the status
                                         every 10 ms; rate = (N - records done at the first poll showing any) /
                                         (that poll -> the first poll showing N succeeded and none behind)
  concurrent DYNAMODB INVOKE LOG PREFIX N THREADS
                                         writes N items with `load` while the mapping drains; prints the write
                                         rate, the delivery rate (first write sent to all N processed) and the
                                         write-response-to-receipt lag of each record
"""
import http.client
import json
import math
import os
import sys
import threading
import time
import urllib.parse

TABLE = "bench-stream"
AUTHORIZATION = ("AWS4-HMAC-SHA256 Credential=AKIDBENCHMARK/20260101/us-east-1/dynamodb/aws4_request, "
                 "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" + "0" * 64)
PAYLOAD = "x" * 120  # a small item (~180 bytes) like a chat message


def fail(message):
    print(f"stream-bench: {message}", file=sys.stderr)
    sys.exit(1)


def now_us():
    return time.time_ns() // 1000


def percentile(values, p):
    """Nearest-rank percentile of sorted `values`."""
    return values[max(1, math.ceil(p / 100 * len(values))) - 1] if values else 0


class Endpoint:
    """One keep-alive HTTP/1.1 connection to a DynamoDB endpoint."""

    def __init__(self, url):
        parsed = urllib.parse.urlparse(url)
        if parsed.hostname not in ("127.0.0.1", "localhost", "::1"):
            fail(f'endpoint "{url}" is not a loopback address')
        self.connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)

    def call(self, operation, body):
        data = json.dumps(body).encode()
        self.connection.request("POST", "/", body=data, headers={
            "Content-Type": "application/x-amz-json-1.0",
            "X-Amz-Target": f"DynamoDB_20120810.{operation}",
            "Authorization": AUTHORIZATION,
        })
        response = self.connection.getresponse()
        answer = response.read()
        if response.status != 200:
            fail(f"{operation} answered {response.status}: {answer[:300]!r}")
        return json.loads(answer) if answer else {}


def item(key, i):
    return {"pk": {"S": key}, "n": {"N": str(i)}, "body": {"S": PAYLOAD}}


class ProbeLog:
    """Reads the batches Probe appends to its log, incrementally."""

    def __init__(self, path):
        self.path = path
        self.offset = 0
        self.partial = b""
        self.received = {}  # key -> first receivedAt
        self.deliveries = 0  # records delivered, duplicates included
        self.batches = []  # (receivedAt, count)

    def poll(self):
        try:
            with open(self.path, "rb") as log:
                log.seek(self.offset)
                data = log.read()
        except FileNotFoundError:
            return
        self.offset += len(data)
        data = self.partial + data
        lines = data.split(b"\n")
        self.partial = lines.pop()
        for line in lines:
            if not line:
                continue
            batch = json.loads(line)
            self.batches.append((batch["receivedAt"], batch["count"]))
            for keys in batch["keys"]:
                key = keys["pk"]["S"]
                self.deliveries += 1
                self.received.setdefault(key, batch["receivedAt"])


def latency(dynamodb, log_path, prefix, count, warmup):
    endpoint, log = Endpoint(dynamodb), ProbeLog(log_path)
    latencies, from_send, puts, lost = [], [], [], 0
    for i in range(warmup + count):
        key = f"{prefix}#{i}"
        sent = now_us()
        started = time.perf_counter_ns()
        endpoint.call("PutItem", {"TableName": TABLE, "Item": item(key, i)})
        responded = now_us()
        puts.append((time.perf_counter_ns() - started) // 1000)
        deadline = time.monotonic() + 5
        while key not in log.received:
            if time.monotonic() > deadline:
                break
            time.sleep(0.0002)
            log.poll()
        if key not in log.received:
            lost += 1
        elif i >= warmup:
            latencies.append(log.received[key] - responded)
            from_send.append(log.received[key] - sent)
    latencies.sort()
    from_send.sort()
    early = sum(1 for value in latencies if value < 0)
    puts = sorted(puts[warmup:])
    print(f"n={len(latencies)} p50_us={percentile(latencies, 50)} p90_us={percentile(latencies, 90)}"
          f" p99_us={percentile(latencies, 99)} max_us={latencies[-1] if latencies else 0}"
          f" min_us={latencies[0] if latencies else 0} lost={lost} put_p50_us={percentile(puts, 50)}"
          f" put_p99_us={percentile(puts, 99)} early={early} send_p50_us={percentile(from_send, 50)}"
          f" send_p99_us={percentile(from_send, 99)}")


def load_items(dynamodb, prefix, count, threads, sent_at=None):
    """Writes keys prefix#0..count-1 with BatchWriteItem; `sent_at[key]` gets each request's response time."""
    chunks = [list(range(start, min(start + 25, count))) for start in range(0, count, 25)]
    errors = []

    def writer(part):
        try:
            endpoint = Endpoint(dynamodb)
            for chunk in part:
                requests = [{"PutRequest": {"Item": item(f"{prefix}#{i}", i)}} for i in chunk]
                while requests:
                    answer = endpoint.call("BatchWriteItem", {"RequestItems": {TABLE: requests}})
                    requests = answer.get("UnprocessedItems", {}).get(TABLE, [])
                if sent_at is not None:
                    done = now_us()
                    for i in chunk:
                        sent_at[f"{prefix}#{i}"] = done
        except BaseException as error:  # reported by the main thread
            errors.append(error)

    workers = [threading.Thread(target=writer, args=(chunks[t::threads],)) for t in range(threads)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    if errors:
        fail(f"load failed: {errors[0]!r}")
    return time.perf_counter() - started


def load(dynamodb, prefix, count, threads):
    seconds = load_items(dynamodb, prefix, count, threads)
    print(f"items={count} seconds={seconds:.3f} rate={count / seconds:.0f}")


def status(invoke):
    parsed = urllib.parse.urlparse(invoke)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=10)
    connection.request("GET", "/lambda-local/status")
    response = connection.getresponse()
    body = response.read()
    connection.close()
    if response.status != 200:
        fail(f"GET /lambda-local/status answered {response.status}: {body[:300]!r}")
    mappings = json.loads(body)["mappings"]
    if len(mappings) != 1:
        fail(f"expected 1 mapping in the status, found {len(mappings)}")
    return mappings[0]


def wait_drained(invoke, count, timeout):
    """Polls the status until `count` records succeeded and none is behind; returns (epoch us, status)."""
    deadline = time.monotonic() + timeout
    while True:
        state = status(invoke)
        if state["recordsSucceeded"] >= count and state.get("recordsBehind") == 0:
            return now_us(), state
        if time.monotonic() > deadline:
            fail(f"not drained after {timeout} s: {json.dumps(state, sort_keys=True)}")
        time.sleep(0.05)


def check_delivered(log, prefix, count):
    log.poll()
    missing = [i for i in range(count) if f"{prefix}#{i}" not in log.received]
    if missing:
        fail(f"{len(missing)} of {count} records never reached the function (first: {prefix}#{missing[0]})")
    return log.deliveries - len(log.received)


def batch_summary(log):
    sizes = sorted(count for _, count in log.batches)
    return f"batches={len(sizes)} batch_p50={percentile(sizes, 50)} batch_min={sizes[0] if sizes else 0}"


def drain(invoke, log_path, prefix, count):
    finished, state = wait_drained(invoke, count, timeout=600)
    log = ProbeLog(log_path)
    duplicates = check_delivered(log, prefix, count)
    first = min(at for at, _ in log.batches)
    last = max(at for at, _ in log.batches)
    seconds = (finished - first) / 1e6
    # The function side alone: from the first batch's start to the last batch's start (no polling granularity).
    inner = (count - log.batches[-1][1]) / ((last - first) / 1e6) if last > first else 0
    print(f"records={count} seconds={seconds:.3f} rate={count / seconds:.0f} function_side_rate={inner:.0f}"
          f" invocations={state['invocations']} {batch_summary(log)} duplicates={duplicates}")


def drain_status(emulator_log, count):
    deadline = time.monotonic() + 60
    invoke = None
    while invoke is None:
        try:
            with open(emulator_log) as log:
                for line in log:
                    if line.startswith("lambda-local: Invoke API on "):
                        invoke = line.split()[4]
        except FileNotFoundError:
            pass
        if invoke is None:
            if time.monotonic() > deadline:
                fail(f'no "Invoke API on" line in "{emulator_log}" after 60 s')
            time.sleep(0.002)
    deadline = time.monotonic() + 600
    first = None
    while True:
        state = status(invoke)
        done = state["recordsSucceeded"]
        if first is None and done > 0:
            first = (now_us(), done)
        if done >= count and state.get("recordsBehind") == 0:
            break
        if time.monotonic() > deadline:
            fail(f"not drained after 600 s: {json.dumps(state, sort_keys=True)}")
        time.sleep(0.01)
    finished = now_us()
    if first[1] >= count:
        fail(f"the drain was over before the first status poll; raise N (now {count})")
    seconds = (finished - first[0]) / 1e6
    rate = (count - first[1]) / seconds if seconds > 0 else 0
    print(f"records={count} measured={count - first[1]} seconds={seconds:.3f} rate={rate:.0f}"
          f" invocations={state['invocations']} batches={state['batches']}")


def concurrent(dynamodb, invoke, log_path, prefix, count, threads):
    sent_at = {}
    started = now_us()
    seconds = load_items(dynamodb, prefix, count, threads, sent_at)
    written = now_us()
    finished, state = wait_drained(invoke, count, timeout=600)
    log = ProbeLog(log_path)
    duplicates = check_delivered(log, prefix, count)
    lags = sorted(log.received[key] - sent_at[key] for key in sent_at)
    total = (finished - started) / 1e6
    print(f"records={count} write_rate={count / seconds:.0f} seconds={total:.3f} rate={count / total:.0f}"
          f" tail_ms={(finished - written) / 1000:.0f} lag_p50_us={percentile(lags, 50)}"
          f" lag_p99_us={percentile(lags, 99)} invocations={state['invocations']} {batch_summary(log)}"
          f" duplicates={duplicates}")


def main(argv):
    if len(argv) < 2:
        fail(__doc__)
    command, args = argv[1], argv[2:]
    if command == "latency" and len(args) == 5:
        latency(args[0], args[1], args[2], int(args[3]), int(args[4]))
    elif command == "load" and len(args) == 4:
        load(args[0], args[1], int(args[2]), int(args[3]))
    elif command == "drain" and len(args) == 4:
        drain(args[0], args[1], args[2], int(args[3]))
    elif command == "drain-status" and len(args) == 2:
        drain_status(args[0], int(args[1]))
    elif command == "concurrent" and len(args) == 6:
        concurrent(args[0], args[1], args[2], args[3], int(args[4]), int(args[5]))
    else:
        fail(f'unknown command or wrong arguments: "{" ".join(argv[1:])}"\n{__doc__}')


if __name__ == "__main__":
    main(sys.argv)
