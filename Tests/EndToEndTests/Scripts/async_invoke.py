"""boto3 client for the asynchronous invocation tests.

usage: async_invoke.py ENDPOINT event FUNCTION PAYLOAD       -> prints the 202's status and request ID
       async_invoke.py ENDPOINT event-latest FUNCTION PAYLOAD -> the same, invoked with Qualifier $LATEST
       async_invoke.py ENDPOINT burst FUNCTION COUNT BYTES   -> COUNT Event invocations of BYTES each, 16 at a time
       async_invoke.py ENDPOINT sync FUNCTION PAYLOAD        -> prints the RequestResponse payload
"""
import json
import sys
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config

endpoint, command, function = sys.argv[1], sys.argv[2], sys.argv[3]
client = boto3.client(
    "lambda", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test",
    aws_secret_access_key="test", config=Config(retries={"max_attempts": 1}, read_timeout=120, max_pool_connections=16))

if command in ("event", "event-latest"):
    qualifier = {"Qualifier": "$LATEST"} if command == "event-latest" else {}
    answer = client.invoke(FunctionName=function, InvocationType="Event", Payload=sys.argv[4].encode(), **qualifier)
    print(answer["StatusCode"], answer["ResponseMetadata"]["RequestId"])
elif command == "burst":
    count, size = int(sys.argv[4]), int(sys.argv[5])
    payload = json.dumps({"filler": "x" * (size - 14)}).encode()

    def send(_):
        return client.invoke(FunctionName=function, InvocationType="Event", Payload=payload)["StatusCode"]

    with ThreadPoolExecutor(16) as pool:
        statuses = list(pool.map(send, range(count)))
    print(json.dumps({"accepted": statuses.count(202), "payloadBytes": len(payload)}))
elif command == "sync":
    answer = client.invoke(FunctionName=function, Payload=sys.argv[4].encode())
    print(answer["Payload"].read().decode())
