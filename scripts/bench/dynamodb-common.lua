-- Shared part of the wrk scripts of scripts/bench-dynamodb.sh (loaded with dofile by dynamodb-query.lua and
-- dynamodb-put.lua): DynamoDB JSON 1.0 headers, per-thread counting of bad answers, and the `BENCH ...` line.
local common = {}

-- moto routes a request to a service by the credential scope of its Authorization header; ours ignores it.
common.headers = {
  ["Content-Type"] = "application/x-amz-json-1.0",
  ["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKIDBENCHMARK/20260101/us-east-1/dynamodb/aws4_request, "
    .. "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" .. string.rep("0", 64),
}

local threads = {}

-- setup(thread) runs in the main Lua state once per wrk thread: number the threads and keep them for done().
function common.setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

-- done(): sums the per-thread counters and prints one line that the shell script parses (latencies in us).
-- `non200` counts answers with another HTTP status, `bad` answers with status 200 but an unexpected body,
-- `errors` wrk's own connect/read/write/timeout errors (moto closes every connection: reconnects are not errors).
function common.done(summary, latency, requests)
  local non200, bad, sample = 0, 0, ""
  for _, thread in ipairs(threads) do
    non200 = non200 + (thread:get("non200") or 0)
    bad = bad + (thread:get("bad") or 0)
    if sample == "" then sample = thread:get("sample") or "" end
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    "BENCH requests=%d duration_s=%.2f rps=%.0f p50_us=%d p90_us=%d p99_us=%d max_us=%d non200=%d bad=%d errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, non200, bad, errors))
  if sample ~= "" then io.write("BENCH_SAMPLE " .. sample:gsub("\n", " "):sub(1, 300) .. "\n") end
end

-- check(status, body, ok): counts a bad answer in this thread's globals and keeps the first one as a sample.
function common.check(status, body, ok)
  if status ~= 200 then
    non200 = (non200 or 0) + 1
  elseif not ok then
    bad = (bad or 0) + 1
  else
    return
  end
  if (sample or "") == "" then sample = "HTTP " .. status .. " " .. (body or "") end
end

return common
