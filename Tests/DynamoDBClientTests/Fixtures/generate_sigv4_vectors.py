#!/usr/bin/env python3
"""Writes sigv4-vectors.json: requests signed by botocore's SigV4Auth at a fixed time.

SigV4Tests signs the same requests with the Swift signer and compares the Authorization header exactly.
Run from this folder: python3 generate_sigv4_vectors.py > sigv4-vectors.json
"""
import datetime
import json
from unittest import mock

import botocore
import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

FIXED = datetime.datetime(2026, 11, 25, 13, 45, 7)

CASES = [
    {
        "name": "PutItem to a local endpoint with a port",
        "url": "http://127.0.0.1:8000/",
        "region": "us-east-1",
        "service": "dynamodb",
        "token": None,
        "headers": [
            ["Content-Type", "application/x-amz-json-1.0"],
            ["X-Amz-Target", "DynamoDB_20120810.PutItem"],
        ],
        "body": '{"Item":{"pk":{"S":"USER#1"},"sk":{"S":"PROFILE"}},"TableName":"cruddur-messages"}',
    },
    {
        "name": "GetItem to AWS with a session token",
        "url": "https://dynamodb.eu-west-1.amazonaws.com/",
        "region": "eu-west-1",
        "service": "dynamodb",
        "token": "IQoJb3JpZ2luX2VjEXAMPLETOKEN//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+example=",
        "headers": [
            ["Content-Type", "application/x-amz-json-1.0"],
            ["X-Amz-Target", "DynamoDB_20120810.GetItem"],
        ],
        "body": '{"Key":{"pk":{"S":"a"}},"TableName":"t"}',
    },
    {
        "name": "Query whose body is not ASCII",
        "url": "https://dynamodb.us-west-2.amazonaws.com/",
        "region": "us-west-2",
        "service": "dynamodb",
        "token": None,
        "headers": [
            ["Content-Type", "application/x-amz-json-1.0"],
            ["X-Amz-Target", "DynamoDB_20120810.Query"],
        ],
        "body": '{"ExpressionAttributeValues":{":t":{"S":"caf\u00e9 \u2615 \U0001F600"}},"TableName":"t"}',
    },
    {
        "name": "GetRecords to the Streams endpoint, signed as dynamodb",
        "url": "https://streams.dynamodb.us-west-2.amazonaws.com/",
        "region": "us-west-2",
        "service": "dynamodb",
        "token": "session-token",
        "headers": [
            ["Content-Type", "application/x-amz-json-1.0"],
            ["X-Amz-Target", "DynamoDBStreams_20120810.GetRecords"],
        ],
        "body": '{"ShardIterator":"it-1","Limit":100}',
    },
    {
        "name": "default port left out of the host; header values trimmed; user-agent not signed",
        "url": "http://localhost:80/",
        "region": "us-east-1",
        "service": "dynamodb",
        "token": None,
        "headers": [
            ["Content-Type", "application/x-amz-json-1.0"],
            ["X-Amz-Target", "DynamoDB_20120810.ListTables"],
            ["X-Custom", "  several   spaces  inside "],
            ["User-Agent", "not-signed/1.0"],
        ],
        "body": "{}",
    },
    {
        "name": "IPv6 endpoint with a port, a path and a query, empty body",
        "url": "http://[::1]:8443/prefix/a%20b?b=2&a=1",
        "region": "ap-southeast-2",
        "service": "dynamodb",
        "token": None,
        "method": "GET",
        "headers": [],
        "body": "",
    },
]

ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"


def sign(case):
    request = AWSRequest(
        method=case.get("method", "POST"),
        url=case["url"],
        data=case["body"].encode("utf-8"),
        headers=dict(case["headers"]),
    )
    credentials = Credentials(ACCESS_KEY, SECRET_KEY, case["token"])
    signer = botocore.auth.SigV4Auth(credentials, case["service"], case["region"])
    with mock.patch("botocore.auth.get_current_datetime", return_value=FIXED):
        signer.add_auth(request)
    return {
        "name": case["name"],
        "method": case.get("method", "POST"),
        "url": case["url"],
        "region": case["region"],
        "service": case["service"],
        "accessKeyID": ACCESS_KEY,
        "secretAccessKey": SECRET_KEY,
        "sessionToken": case["token"],
        "headers": case["headers"],
        "body": case["body"],
        "expectedAmzDate": request.headers["X-Amz-Date"],
        "expectedAuthorization": request.headers["Authorization"],
    }


print(json.dumps({
    "generator": f"botocore {botocore.__version__} SigV4Auth",
    "timestamp": FIXED.strftime("%Y-%m-%dT%H:%M:%SZ"),
    "vectors": [sign(case) for case in CASES],
}, indent=2, ensure_ascii=False))
