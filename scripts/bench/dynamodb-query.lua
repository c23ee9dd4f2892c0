-- wrk script of scripts/bench-dynamodb.sh: Cruddur Pattern A (messages of a group, newest first, Limit 20) as
-- a DynamoDB JSON 1.0 Query. Environment: BENCH_PK (e.g. MSG#<group uuid>), BENCH_YEAR (the sk prefix).
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/dynamodb-common.lua")

wrk.method = "POST"
for name, value in pairs(common.headers) do wrk.headers[name] = value end
wrk.headers["X-Amz-Target"] = "DynamoDB_20120810.Query"
wrk.body = string.format(
  '{"TableName":"cruddur-messages","KeyConditionExpression":"pk = :pk AND begins_with(sk, :year)",'
    .. '"ExpressionAttributeValues":{":pk":{"S":"%s"},":year":{"S":"%s"}},"ScanIndexForward":false,"Limit":20}',
  os.getenv("BENCH_PK"), os.getenv("BENCH_YEAR"))

setup = common.setup
done = common.done

-- Every answer must be 200 with Count 20 (moto writes `"Count": 20`, others `"Count":20`).
response = function(status, headers, body)
  common.check(status, body, status == 200 and body:find('"Count":%s*20[,}]') ~= nil)
end
