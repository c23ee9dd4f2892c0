-- wrk script for scripts/bench-invoke.sh: POST a small JSON event to the Invoke API and print throughput and
-- latency percentiles on one `BENCH ...` line that the benchmark parses.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"key1":"value1","key2":"value2","key3":"value3"}'

-- errors counts connect/read/write/timeout errors and non-2xx/3xx statuses.
done = function(summary, latency, requests)
  io.write(string.format("BENCH requests=%d duration_s=%.2f rps=%.0f p50_us=%d p90_us=%d p99_us=%d errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout))
end
