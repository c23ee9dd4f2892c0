"""Cruddur's messaging model against a DynamoDB endpoint, through boto3 unchanged.

Usage: dynamodb_cruddur.py ENDPOINT_URL

Lists tables, seeds a conversation, scans, runs access patterns A and B, queries the GSI, fails a
conditional put, runs a transaction that commits and one that is cancelled, updates and deletes a
message, then reads the table's stream back with the dynamodbstreams client and checks every record.
Prints one JSON summary (sorted keys) for the caller to compare exactly; exits non-zero with a
traceback when a check inside fails.
"""

import json
import re
import sys

import boto3

ENDPOINT = sys.argv[1]
TABLE = "cruddur-messages"
GROUP = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399"
NEW_GROUP = "0b2f3b4a-9d6c-4f1e-8a57-3c3d1e2f4a5b"
ANDREW = {"uuid": "90d7c6b6-2f2a-4e41-9a3c-2d0f0d5f6a11", "handle": "andrewbrown", "display_name": "Andrew Brown"}
BAYKO = {"uuid": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "handle": "bayko", "display_name": "Andrew Bayko"}
LONDO = {"uuid": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f", "handle": "londo", "display_name": "Londo Mollari"}
YEAR = "2023"


def time(minute):
    """A fixed-format UTC time (microseconds always present), so sk orders chronologically."""
    return f"2023-03-20T16:{minute:02d}:00.000000+00:00"


def s(value):
    return {"S": value}


def group_row(owner, other, group, sk, message):
    return {
        "pk": s(f"GRP#{owner['uuid']}"), "sk": s(sk), "message_group_uuid": s(group), "message": s(message),
        "user_uuid": s(other["uuid"]), "user_display_name": s(other["display_name"]), "user_handle": s(other["handle"]),
    }


def message_item(group, sender, sk, number, text):
    return {
        "pk": s(f"MSG#{group}"), "sk": s(sk), "message_uuid": s(f"00000000-0000-4000-8000-00000000000{number}"),
        "message": s(text), "user_uuid": s(sender["uuid"]), "user_display_name": s(sender["display_name"]),
        "user_handle": s(sender["handle"]),
    }


def item_size(item):
    """DynamoDB's item size for items of strings only: each name's and value's UTF-8 length."""
    return sum(len(name.encode()) + len(value["S"].encode()) for name, value in item.items())


def keys_of(item):
    return {"pk": item["pk"], "sk": item["sk"]}


def key_text(keys):
    return f"{keys['pk']['S']} {keys['sk']['S']}"


credentials = {"region_name": "us-east-1", "aws_access_key_id": "test", "aws_secret_access_key": "test"}
dynamodb = boto3.client("dynamodb", endpoint_url=ENDPOINT, **credentials)
streams = boto3.client("dynamodbstreams", endpoint_url=ENDPOINT, **credentials)
summary = {}
# What the stream should say, in order: (eventName, keys, NewImage or None).
expected_records = []

summary["tables"] = dynamodb.list_tables()["TableNames"]

# Seed: both group rows, then the conversation.
seed = [
    group_row(ANDREW, BAYKO, GROUP, time(0), "filler"),
    group_row(BAYKO, ANDREW, GROUP, time(0), "filler"),
    message_item(GROUP, ANDREW, time(1), 1, "Have you watched Babylon 5?"),
    message_item(GROUP, BAYKO, time(2), 2, "Yes, twice. Season 3 is the best."),
    message_item(GROUP, ANDREW, time(3), 3, "Agreed: G'Kar's speeches alone are worth it."),
]
for item in seed:
    dynamodb.put_item(TableName=TABLE, Item=item)
    expected_records.append(("INSERT", keys_of(item), item))

scan = dynamodb.scan(TableName=TABLE)
summary["scan"] = {"Count": scan["Count"], "ScannedCount": scan["ScannedCount"],
                   "keys": sorted(key_text(keys_of(item)) for item in scan["Items"])}

# Pattern A: the group's messages, newest first, shown oldest first.
pattern_a = dynamodb.query(
    TableName=TABLE, KeyConditionExpression="pk = :pk AND begins_with(sk, :year)",
    ExpressionAttributeValues={":pk": s(f"MSG#{GROUP}"), ":year": s(YEAR)},
    ScanIndexForward=False, Limit=20, ReturnConsumedCapacity="TOTAL")
summary["pattern_a"] = {
    "ConsumedCapacity": pattern_a["ConsumedCapacity"],
    "messages": [
        {"uuid": item["message_uuid"]["S"], "display_name": item["user_display_name"]["S"],
         "handle": item["user_handle"]["S"], "message": item["message"]["S"], "created_at": item["sk"]["S"]}
        for item in reversed(pattern_a["Items"])
    ],
}

# Pattern B: a user's conversations.
pattern_b = dynamodb.query(
    TableName=TABLE, KeyConditionExpression="pk = :pk AND begins_with(sk, :year)",
    ExpressionAttributeValues={":pk": s(f"GRP#{ANDREW['uuid']}"), ":year": s(YEAR)},
    ScanIndexForward=False, Limit=20)
summary["pattern_b"] = [
    {"uuid": item["message_group_uuid"]["S"], "display_name": item["user_display_name"]["S"],
     "handle": item["user_handle"]["S"], "message": item["message"]["S"], "created_at": item["sk"]["S"]}
    for item in pattern_b["Items"]
]

# The sparse GSI holds only the group rows.
gsi = dynamodb.query(
    TableName=TABLE, IndexName="message-group-sk-index", KeyConditionExpression="message_group_uuid = :g",
    ExpressionAttributeValues={":g": s(GROUP)})
summary["gsi"] = sorted(key_text(keys_of(item)) for item in gsi["Items"])

# A conditional put on an existing message fails with the old item.
try:
    dynamodb.put_item(
        TableName=TABLE, Item=message_item(GROUP, BAYKO, time(1), 9, "overwrite"),
        ConditionExpression="attribute_not_exists(pk)", ReturnValuesOnConditionCheckFailure="ALL_OLD")
    summary["conditional_put"] = "succeeded"
except dynamodb.exceptions.ConditionalCheckFailedException as error:
    summary["conditional_put"] = {
        "code": error.response["Error"]["Code"], "message": error.response["Error"]["Message"],
        "status": error.response["ResponseMetadata"]["HTTPStatusCode"],
        "old_message": error.response.get("Item", {}).get("message", {}).get("S"),
    }

# Pattern D: a new conversation, its two group rows and first message in one transaction.
first = message_item(NEW_GROUP, ANDREW, time(10), 4, "Welcome to Cruddur, Ambassador.")
new_rows = [
    group_row(ANDREW, LONDO, NEW_GROUP, time(10), first["message"]["S"]),
    group_row(LONDO, ANDREW, NEW_GROUP, time(10), first["message"]["S"]),
    first,
]
dynamodb.transact_write_items(TransactItems=[
    {"Put": {"TableName": TABLE, "Item": item, "ConditionExpression": "attribute_not_exists(pk)"}} for item in new_rows
])
for item in new_rows:
    expected_records.append(("INSERT", keys_of(item), item))

# The same transaction again is cancelled: every item already exists.
try:
    dynamodb.transact_write_items(TransactItems=[
        {"Put": {"TableName": TABLE, "Item": new_rows[0]}},
        {"Put": {"TableName": TABLE, "Item": new_rows[2], "ConditionExpression": "attribute_not_exists(pk)"}},
    ])
    summary["cancelled_transaction"] = "succeeded"
except dynamodb.exceptions.TransactionCanceledException as error:
    summary["cancelled_transaction"] = {
        "code": error.response["Error"]["Code"], "message": error.response["Error"]["Message"],
        "reasons": [reason["Code"] for reason in error.response["CancellationReasons"]],
    }

# An edit and a deletion.
edited = dict(seed[4])
edited["message"] = s("Agreed: G'Kar's speeches alone are worth it. And Londo's.")
dynamodb.update_item(
    TableName=TABLE, Key=keys_of(seed[4]), UpdateExpression="SET message = :m",
    ExpressionAttributeValues={":m": edited["message"]})
expected_records.append(("MODIFY", keys_of(edited), edited))
dynamodb.delete_item(TableName=TABLE, Key=keys_of(seed[2]))
expected_records.append(("REMOVE", keys_of(seed[2]), None))
summary["items_after"] = dynamodb.scan(TableName=TABLE, Select="COUNT")["Count"]

# The stream, read back as a consumer would.
listed = streams.list_streams(TableName=TABLE)["Streams"]
arn = listed[0]["StreamArn"]
description = streams.describe_stream(StreamArn=arn)["StreamDescription"]
shards = description["Shards"]
iterator = streams.get_shard_iterator(
    StreamArn=arn, ShardId=shards[0]["ShardId"], ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
records = []
while iterator:
    page = streams.get_records(ShardIterator=iterator, Limit=4)
    if not page["Records"]:
        break
    records.extend(page["Records"])
    iterator = page.get("NextShardIterator")

checks = []
for record, (event_name, keys, image) in zip(records, expected_records):
    data = record["dynamodb"]
    expected_fields = {"ApproximateCreationDateTime", "Keys", "SequenceNumber", "SizeBytes", "StreamViewType"}
    if image is not None:
        expected_fields.add("NewImage")
    checks.append({
        "eventName": record["eventName"] == event_name,
        "fields": set(record) == {"eventID", "eventName", "eventVersion", "eventSource", "awsRegion", "dynamodb"},
        "dynamodb_fields": set(data) == expected_fields,
        "eventID": re.fullmatch(r"[0-9a-f]{32}", record["eventID"]) is not None,
        "eventVersion": record["eventVersion"] == "1.1",
        "eventSource": record["eventSource"] == "aws:dynamodb",
        "awsRegion": record["awsRegion"] == "us-east-1",
        "Keys": data["Keys"] == keys,
        "NewImage": data.get("NewImage") == image,
        "SizeBytes": data["SizeBytes"] == item_size(keys) + (item_size(image) if image else 0) > 0,
        "SequenceNumber": re.fullmatch(r"[0-9]{21,40}", data["SequenceNumber"]) is not None,
        "whole_seconds": data["ApproximateCreationDateTime"].microsecond == 0,
        "StreamViewType": data["StreamViewType"] == "NEW_IMAGE",
    })
failed = sorted({name for check in checks for name, passed in check.items() if not passed})
sequence = [int(record["dynamodb"]["SequenceNumber"]) for record in records]
summary["stream"] = {
    "listed": [{"TableName": stream["TableName"], "arn_is_latest": stream["StreamArn"] == arn} for stream in listed],
    "StreamStatus": description["StreamStatus"],
    "StreamViewType": description["StreamViewType"],
    "KeySchema": description["KeySchema"],
    "shards": len(shards),
    "eventNames": [record["eventName"] for record in records],
    "keys": [key_text(record["dynamodb"]["Keys"]) for record in records],
    "records_expected": len(expected_records),
    "failed_checks": failed,
    "sequence_increasing": sequence == sorted(set(sequence)),
}

print(json.dumps(summary, sort_keys=True, default=str))
