"""Puts COUNT messages of a Cruddur group INTERVAL seconds apart, alternating between andrewbrown and bayko, as
pattern C writes them, and prints the last one's sk and text as JSON (argv: endpoint, group, count, interval)."""
import datetime
import json
import os
import sys
import time
import uuid

import boto3

endpoint, group, count, interval = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
root = os.path.join(os.path.dirname(__file__), "..", "..", "..")
with open(os.path.join(root, "fixtures", "users.json")) as file:
    users = {user["handle"]: user for user in json.load(file)}
session = boto3.session.Session(aws_access_key_id="x", aws_secret_access_key="x", region_name="us-east-1")
dynamodb = session.client("dynamodb", endpoint_url=endpoint)

last = None
for index in range(count):
    sender = users["andrewbrown" if index % 2 == 0 else "bayko"]
    sk = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="microseconds")
    text = f"Rapid message {index}"
    dynamodb.put_item(TableName="cruddur-messages", Item={
        "pk": {"S": f"MSG#{group}"}, "sk": {"S": sk}, "message_uuid": {"S": str(uuid.uuid4())},
        "message": {"S": text}, "user_uuid": {"S": sender["uuid"]},
        "user_display_name": {"S": sender["display_name"]}, "user_handle": {"S": sender["handle"]},
    })
    last = {"sk": sk, "text": text}
    time.sleep(interval)
print(json.dumps(last))
