"""Time to Live through boto3 against `lambda-local start`: put an expired and a live item, wait for the sweep,
read the stream back, and print a JSON summary (argv: endpoint, table, TTL attribute, seconds to wait at most)."""
import json
import sys
import time

import boto3

endpoint, table, attribute, limit = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
session = boto3.session.Session(aws_access_key_id="x", aws_secret_access_key="x", region_name="us-east-1")
dynamodb = session.client("dynamodb", endpoint_url=endpoint)
streams = session.client("dynamodbstreams", endpoint_url=endpoint)

now = int(time.time())
expired = {"pk": {"S": "MSG#ttl"}, "sk": {"S": "expired"}, attribute: {"N": str(now - 10)}}
live = {"pk": {"S": "MSG#ttl"}, "sk": {"S": "live"}, attribute: {"N": str(now + 3600)}}
dynamodb.put_item(TableName=table, Item=expired)
dynamodb.put_item(TableName=table, Item=live)
put_at = time.monotonic()

deleted_after = None
while time.monotonic() - put_at < limit:
    if "Item" not in dynamodb.get_item(TableName=table, Key={"pk": expired["pk"], "sk": expired["sk"]}):
        deleted_after = time.monotonic() - put_at
        break
    time.sleep(0.02)

arn = dynamodb.describe_table(TableName=table)["Table"]["LatestStreamArn"]
shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]["ShardId"]
iterator = streams.get_shard_iterator(StreamArn=arn, ShardId=shard, ShardIteratorType="TRIM_HORIZON")[
    "ShardIterator"]
records = streams.get_records(ShardIterator=iterator)["Records"]
removes = [r for r in records if r["eventName"] == "REMOVE"]
print(json.dumps({
    "deleted": deleted_after is not None,
    "live_kept": "Item" in dynamodb.get_item(TableName=table, Key={"pk": live["pk"], "sk": live["sk"]}),
    "events": sorted(r["eventName"] for r in records),
    "removed_keys": [r["dynamodb"]["Keys"]["sk"]["S"] for r in removes],
    "remove_identity": [r.get("userIdentity") for r in removes],
    "insert_identity": [r.get("userIdentity") for r in records if r["eventName"] == "INSERT"],
}, sort_keys=True))
print(f"deleted after {deleted_after if deleted_after is None else round(deleted_after, 3)} s", file=sys.stderr)
