-- wrk script of scripts/bench-dynamodb.sh: PutItem of a new Cruddur message (Pattern C) per request, each with
-- its own key: pk BENCH_PUT_PREFIX .. "-" .. <wrk thread number>, sk an ISO-8601 time in BENCH_YEAR that grows
-- by one microsecond per request of the thread. The table's stream (NEW_IMAGE) records every put.
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/dynamodb-common.lua")

wrk.method = "POST"
for name, value in pairs(common.headers) do wrk.headers[name] = value end
wrk.headers["X-Amz-Target"] = "DynamoDB_20120810.PutItem"

local prefix = os.getenv("BENCH_PUT_PREFIX")
local year = tonumber(os.getenv("BENCH_YEAR"))
local base = os.time({ year = year, month = 1, day = 1, hour = 0 }) -- local time is fine: only the date matters
local counter = 0
local body_format = '{"TableName":"cruddur-messages","Item":{"pk":{"S":"%s-%d"},"sk":{"S":"%s.%06d+00:00"},'
  .. '"message_uuid":{"S":"00000000-0000-4000-8000-%04d%08d"},'
  .. '"message":{"S":"benchmark message %d of thread %d: the stream function moves the inbox rows"},'
  .. '"user_uuid":{"S":"90bd8f66-4ea2-4f8a-9d86-8c6b9e0a6b01"},"user_display_name":{"S":"Andrew Brown"},'
  .. '"user_handle":{"S":"andrewbrown"}}}'

setup = common.setup
done = common.done

request = function()
  counter = counter + 1
  local id = thread_id or 0
  local sk = os.date("!%Y-%m-%dT%H:%M:%S", base + 3600 + math.floor(counter / 1000000))
  local body = string.format(body_format, prefix, id, sk, counter % 1000000, id, counter, counter, id)
  return wrk.format(nil, nil, nil, body)
end

response = function(status, headers, body)
  common.check(status, body, status == 200)
end
