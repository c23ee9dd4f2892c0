#!/usr/bin/env python3
"""Seeding and checking for scripts/bench-cruddur.sh (boto3 against a local endpoint; loopback only).

  cruddur-bench.py seed URL RUN GROUPS
      Writes the two group rows of each of GROUPS groups of run RUN (BatchWriteItem): user a's row
      GRP#RUN-000a-4000-8000-<g> and user b's row GRP#RUN-000b-4000-8000-<g>, both in group
      RUN-0000-4000-8000-<g> (the ids cruddur-load.c uses), at an sk an hour ago, with a filler text.
      Prints `seeded GROUPS groups (N rows) in S s`.
  cruddur-bench.py verify URL RUN GROUPS_FILE TIMEOUT_S
      Reads cruddur-load's GROUPS_FILE (`GROUP COUNT LAST_SK LAST_NUMBER` per line) and polls, for at most
      TIMEOUT_S, until every group's two rows (read through the group index) show the group's last message: sk
      LAST_SK and text "bench message LAST_NUMBER of group GROUP". Then counts each group's MSG# items
      (Query Select COUNT, all pages). Prints one `VERIFY k=v ...` line: groups, converged, lost (groups whose
      rows never reached their last message), the first lost group's rows, messages expected and found,
      and how long convergence took after the load stopped.
"""
import sys
import time
from datetime import datetime, timedelta, timezone

import boto3
from botocore.config import Config

TABLE = "cruddur-messages"
INDEX = "message-group-sk-index"


def client(url):
    return boto3.client(
        "dynamodb", endpoint_url=url, region_name="us-east-1", aws_access_key_id="bench",
        aws_secret_access_key="bench", config=Config(retries={"max_attempts": 2}))


def ids(run, g):
    suffix = "-4000-8000-%012d" % g
    return run + "-0000" + suffix, run + "-000a" + suffix, run + "-000b" + suffix


def seed(url, run, groups):
    dynamodb = client(url)
    sk = (datetime.now(timezone.utc) - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")
    rows = []
    for g in range(groups):
        group, a, b = ids(run, g)
        for owner, other, handle in ((a, b, "bench-b-%d" % g), (b, a, "bench-a-%d" % g)):
            rows.append({
                "pk": {"S": "GRP#" + owner}, "sk": {"S": sk}, "message_group_uuid": {"S": group},
                "message": {"S": "this is a filler message"}, "user_uuid": {"S": other},
                "user_display_name": {"S": handle}, "user_handle": {"S": handle},
            })
    started = time.monotonic()
    for i in range(0, len(rows), 25):
        request = {TABLE: [{"PutRequest": {"Item": item}} for item in rows[i:i + 25]]}
        while request:
            request = dynamodb.batch_write_item(RequestItems=request).get("UnprocessedItems") or None
    print("seeded %d groups (%d rows) in %.2f s" % (groups, len(rows), time.monotonic() - started))


def rows_of(dynamodb, group):
    answer = dynamodb.query(
        TableName=TABLE, IndexName=INDEX, KeyConditionExpression="message_group_uuid = :g",
        ExpressionAttributeValues={":g": {"S": group}})
    return [(item["pk"]["S"], item["sk"]["S"], item["message"]["S"]) for item in answer["Items"]]


def verify(url, run, groups_file, timeout):
    dynamodb = client(url)
    expected = {}
    for line in open(groups_file):
        g, count, last_sk, last_number = line.split()
        expected[int(g)] = (int(count), last_sk, "bench message %s of group %s" % (last_number, g))
    started = time.monotonic()
    pending = {g for g, (count, _, _) in expected.items() if count > 0}
    while True:
        for g in sorted(pending):
            rows = rows_of(dynamodb, ids(run, g)[0])
            _, last_sk, text = expected[g]
            if len(rows) == 2 and all(sk == last_sk and message == text for _, sk, message in rows):
                pending.discard(g)
        if not pending or time.monotonic() - started > timeout:
            break
        time.sleep(0.05)
    converge = time.monotonic() - started
    found = 0
    for g, (count, _, _) in expected.items():
        group = ids(run, g)[0]
        arguments = dict(TableName=TABLE, Select="COUNT", KeyConditionExpression="pk = :pk",
                         ExpressionAttributeValues={":pk": {"S": "MSG#" + group}})
        while True:
            answer = dynamodb.query(**arguments)
            found += answer["Count"]
            if "LastEvaluatedKey" not in answer:
                break
            arguments["ExclusiveStartKey"] = answer["LastEvaluatedKey"]
    sent = sum(count for count, _, _ in expected.values())
    first_lost = "-"
    if pending:
        g = min(pending)
        first_lost = "group=%d,expected=%s,rows=%s" % (
            g, expected[g][1], "|".join("%s@%s" % (pk[-4:], sk) for pk, sk, _ in rows_of(dynamodb, ids(run, g)[0])))
    print("VERIFY groups=%d converged=%d lost=%d messages_expected=%d messages_found=%d converge_s=%.2f first_lost=%s"
          % (len(expected), len(expected) - len(pending), len(pending), sent, found, converge, first_lost))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "seed":
        seed(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif command == "verify":
        verify(sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5]))
    else:
        sys.exit("usage: cruddur-bench.py seed URL RUN GROUPS | verify URL RUN GROUPS_FILE TIMEOUT_S")
