#!/usr/bin/env python3
"""Helper of scripts/bench-dynamodb.sh: creates, seeds and checks the Cruddur table on a DynamoDB endpoint.

Commands (ENDPOINT is http://127.0.0.1:PORT; every command prints one line on stdout, errors on stderr, exit 1):
  create ENDPOINT                      create `cruddur-messages` as Cruddur declares it (pk/sk, GSI
                                       message-group-sk-index, stream NEW_IMAGE) unless it exists
  seed ENDPOINT GROUP COUNT            BatchWriteItem COUNT Cruddur messages into pk MSG#GROUP over raw HTTP
                                       (keep-alive, BENCH_SEED_CONNECTIONS parallel connections, default 2);
                                       prints "items=N seconds=S rate=R"
  verify ENDPOINT GROUP COUNT          Pattern A through boto3 (newest first, Limit 20): checks the 20 items
                                       are exactly the 20 newest seeded ones, newest first, with their fields
  stream-mark ENDPOINT FILE            writes LATEST shard iterators of the table's stream to FILE
  stream-count ENDPOINT FILE PREFIX    reads the stream from FILE's iterators; counts records whose pk starts
                                       with PREFIX by eventName, and checks each INSERT carries its NewImage
  count ENDPOINT PK...                 number of items in each partition (Query Select COUNT, paginated)

Items are shaped like Cruddur messages: pk MSG#<group>, sk an ISO-8601 UTC time with microseconds within the
current year (item i of COUNT at Jan 1 + i * step, so the seed is deterministic and `verify` knows the answer),
message_uuid, message, user_uuid, user_display_name, user_handle (alternating between two users).
"""
import datetime
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse
import uuid

TABLE = "cruddur-messages"
INDEX = "message-group-sk-index"
REGION = "us-east-1"
# moto routes a request to a service by the credential scope of its Authorization header; ours ignores it.
AUTHORIZATION = ("AWS4-HMAC-SHA256 Credential=AKIDBENCHMARK/20260101/us-east-1/dynamodb/aws4_request, "
                 "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" + "0" * 64)
USERS = [
    ("90bd8f66-4ea2-4f8a-9d86-8c6b9e0a6b01", "Andrew Brown", "andrewbrown"),
    ("c2f3a7d4-1b5e-4f0a-8e3c-5d7a9b1c2e02", "Andrew Bayko", "bayko"),
]
WORDS = ("the stream function keeps inboxes current while the query reads the newest messages of a group "
         "first and shows them oldest first in the conversation view of cruddur").split()


def fail(message):
    print(f"dynamodb-seed: {message}", file=sys.stderr)
    sys.exit(1)


def seed_year():
    return int((os.environ.get("BENCH_SEED_UNTIL") or datetime.date.today().isoformat())[:4])


def sort_keys(count):
    """The sk of item i for i in 0..<count: evenly spread from Jan 1 to BENCH_SEED_UNTIL (a UTC date, default
    today; the shell script fixes it once per run so `verify` agrees with `seed`), microsecond precision."""
    until = os.environ.get("BENCH_SEED_UNTIL") or datetime.date.today().isoformat()
    end = datetime.datetime.fromisoformat(until).replace(tzinfo=datetime.timezone.utc)
    start = datetime.datetime(end.year, 1, 1, tzinfo=datetime.timezone.utc)
    span_us = max(int((end - start).total_seconds() * 1e6), 3_600_000_000)
    step_us = max(1, span_us // max(count, 1))
    return [(start + datetime.timedelta(microseconds=i * step_us)).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")
            for i in range(count)]


def message_item(group, i, sk):
    user_uuid, display_name, handle = USERS[i % 2]
    text = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(12 + i % 9))
    return {
        "pk": {"S": f"MSG#{group}"},
        "sk": {"S": sk},
        "message_uuid": {"S": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{group}/{i}"))},
        "message": {"S": f"{text} ({i})"},
        "user_uuid": {"S": user_uuid},
        "user_display_name": {"S": display_name},
        "user_handle": {"S": handle},
    }


class Endpoint:
    """A keep-alive HTTP/1.1 connection speaking DynamoDB's JSON 1.0 protocol (reconnects after `close`)."""

    def __init__(self, url):
        parsed = urllib.parse.urlparse(url)
        self.host, self.port = parsed.hostname, parsed.port
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=120)

    def call(self, operation, body):
        payload = json.dumps(body, separators=(",", ":")).encode()
        headers = {"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": f"DynamoDB_20120810.{operation}",
                   "Authorization": AUTHORIZATION}
        for attempt in range(3):
            try:
                self.connection.request("POST", "/", payload, headers)
                response = self.connection.getresponse()
                data = response.read()
                break
            except (ConnectionError, http.client.HTTPException):
                self.connection.close()
                if attempt == 2:
                    raise
        if response.status != 200:
            fail(f"{operation} answered HTTP {response.status}: {data[:300]!r}")
        return json.loads(data)


def boto3_client(endpoint, service="dynamodb"):
    import boto3
    return boto3.client(service, endpoint_url=endpoint, region_name=REGION, aws_access_key_id="AKIDBENCHMARK",
                        aws_secret_access_key="benchmark")


def create(endpoint):
    client = boto3_client(endpoint)
    if TABLE in client.list_tables()["TableNames"]:
        print(f"table {TABLE} exists")
        return
    client.create_table(
        TableName=TABLE,
        AttributeDefinitions=[{"AttributeName": name, "AttributeType": "S"}
                              for name in ("pk", "sk", "message_group_uuid")],
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        GlobalSecondaryIndexes=[{
            "IndexName": INDEX,
            "KeySchema": [{"AttributeName": "message_group_uuid", "KeyType": "HASH"},
                          {"AttributeName": "sk", "KeyType": "RANGE"}],
            "Projection": {"ProjectionType": "ALL"},
        }],
        BillingMode="PAY_PER_REQUEST",
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"},
    )
    print(f"table {TABLE} created")


def seed(endpoint, group, count):
    keys = sort_keys(count)
    batches = [list(range(start, min(start + 25, count))) for start in range(0, count, 25)]
    connections = int(os.environ.get("BENCH_SEED_CONNECTIONS", "2"))
    next_batch = [0]
    lock = threading.Lock()
    errors = []

    def worker():
        connection = Endpoint(endpoint)
        try:
            while True:
                with lock:
                    if next_batch[0] >= len(batches):
                        return
                    batch = batches[next_batch[0]]
                    next_batch[0] += 1
                requests = [{"PutRequest": {"Item": message_item(group, i, keys[i])}} for i in batch]
                while requests:
                    answer = connection.call("BatchWriteItem", {"RequestItems": {TABLE: requests}})
                    requests = answer.get("UnprocessedItems", {}).get(TABLE, [])
        except BaseException as error:  # reported by the main thread
            errors.append(error)

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - started
    if errors:
        fail(f"seeding MSG#{group} failed: {errors[0]!r}")
    print(f"items={count} seconds={seconds:.1f} rate={count / seconds:.0f}")


def verify(endpoint, group, count):
    client = boto3_client(endpoint)
    year = str(seed_year())
    answer = client.query(
        TableName=TABLE,
        KeyConditionExpression="pk = :pk AND begins_with(sk, :year)",
        ExpressionAttributeValues={":pk": {"S": f"MSG#{group}"}, ":year": {"S": year}},
        ScanIndexForward=False, Limit=20, ReturnConsumedCapacity="TOTAL")
    keys = sort_keys(count)
    expected = [message_item(group, i, keys[i]) for i in range(count - 1, count - 21, -1)]
    items = answer["Items"]
    if len(items) != 20 or answer["Count"] != 20:
        fail(f"Pattern A on MSG#{group} returned {len(items)} items (Count {answer.get('Count')}), expected 20")
    for position, (got, want) in enumerate(zip(items, expected)):
        if got != want:
            fail(f"Pattern A on MSG#{group}: item {position} is {json.dumps(got)[:300]}, expected "
                 f"{json.dumps(want)[:300]}")
    if "LastEvaluatedKey" not in answer:
        fail(f"Pattern A on MSG#{group}: no LastEvaluatedKey although {count} items match")
    capacity = answer.get("ConsumedCapacity", {}).get("CapacityUnits")
    print(f"ok: 20 items, newest first ({items[0]['sk']['S']} .. {items[-1]['sk']['S']}), "
          f"LastEvaluatedKey present, ConsumedCapacity {capacity}")


def shard_ids(streams, arn):
    shards, start = [], None
    while True:
        arguments = {"StreamArn": arn, **({"ExclusiveStartShardId": start} if start else {})}
        description = streams.describe_stream(**arguments)["StreamDescription"]
        shards += [shard["ShardId"] for shard in description["Shards"]]
        start = description.get("LastEvaluatedShardId")
        if not start:
            return shards


def stream_mark(endpoint, path):
    arn = boto3_client(endpoint).describe_table(TableName=TABLE)["Table"]["LatestStreamArn"]
    streams = boto3_client(endpoint, "dynamodbstreams")
    iterators = {shard: streams.get_shard_iterator(StreamArn=arn, ShardId=shard, ShardIteratorType="LATEST")
                 ["ShardIterator"] for shard in shard_ids(streams, arn)}
    with open(path, "w") as file:
        json.dump({"arn": arn, "iterators": iterators}, file)
    print(f"marked {len(iterators)} shard(s) of {arn}")


def stream_count(endpoint, path, prefix):
    with open(path) as file:
        mark = json.load(file)
    streams = boto3_client(endpoint, "dynamodbstreams")
    counts, without_image, size_bytes = {}, 0, 0
    for iterator in mark["iterators"].values():
        while iterator:
            answer = streams.get_records(ShardIterator=iterator, Limit=1000)
            records = answer["Records"]
            for record in records:
                data = record["dynamodb"]
                if not data["Keys"]["pk"]["S"].startswith(prefix):
                    continue
                counts[record["eventName"]] = counts.get(record["eventName"], 0) + 1
                size_bytes += data.get("SizeBytes", 0)
                if record["eventName"] == "INSERT" and "message" not in data.get("NewImage", {}):
                    without_image += 1
            iterator = answer.get("NextShardIterator") if records else None
    if without_image:
        fail(f"{without_image} INSERT records without NewImage")
    total = sum(counts.values())
    print(f"records={total} " + " ".join(f"{name}={n}" for name, n in sorted(counts.items())) +
          f" mean_size_bytes={size_bytes / total if total else 0:.0f}")


def count_items(endpoint, keys):
    connection = Endpoint(endpoint)
    total = 0
    for pk in keys:
        start = None
        while True:
            body = {"TableName": TABLE, "KeyConditionExpression": "pk = :pk",
                    "ExpressionAttributeValues": {":pk": {"S": pk}}, "Select": "COUNT"}
            if start:
                body["ExclusiveStartKey"] = start
            answer = connection.call("Query", body)
            total += answer["Count"]
            start = answer.get("LastEvaluatedKey")
            if not start:
                break
    print(f"items={total}")


def main(arguments):
    if len(arguments) < 2:
        fail(__doc__)
    command, endpoint, rest = arguments[0], arguments[1], arguments[2:]
    if command == "create" and not rest:
        create(endpoint)
    elif command == "seed" and len(rest) == 2:
        seed(endpoint, rest[0], int(rest[1]))
    elif command == "verify" and len(rest) == 2:
        verify(endpoint, rest[0], int(rest[1]))
    elif command == "stream-mark" and len(rest) == 1:
        stream_mark(endpoint, rest[0])
    elif command == "stream-count" and len(rest) == 2:
        stream_count(endpoint, rest[0], rest[1])
    elif command == "count":
        count_items(endpoint, rest)
    else:
        fail(f"unknown command or wrong arguments: \"{' '.join(arguments)}\"\n{__doc__}")


if __name__ == "__main__":
    main(sys.argv[1:])
