/*
 * cruddur-load: the Pattern C load of scripts/bench-cruddur.sh, with inbox latency sampling.
 *
 *   cruddur-load PORT RUN GROUPS SENDERS SECONDS MAX_MESSAGES SAMPLE_MS POLL_US GROUPS_OUT [RATE]
 *
 * RATE (messages/s in all, default 0 = as fast as the senders go) paces the senders: each sends at RATE/SENDERS
 * on a fixed schedule (a late message is sent at once and the schedule is kept, so the offered rate holds).
 *
 * SENDERS threads each own the groups g with g % SENDERS == thread and send to them in turn, one request at a
 * time over one keep-alive loopback connection (TCP_NODELAY): Cruddur Pattern C, a PutItem of a new `MSG#<group>`
 * item with `sk` = the wall clock in microseconds (bumped by 1 us when the clock has not moved, so a thread's sort
 * keys only grow) and `ConditionExpression: attribute_not_exists(pk)`, exactly what `cruddur send` writes for an
 * existing group. They stop after SECONDS or MAX_MESSAGES messages in all, whichever comes first.
 *
 * Group g of run RUN (8 hex digits) is `RUN-0000-4000-8000-<g, 12 digits>`; its two users (one group row each,
 * seeded by cruddur-bench.py) are `RUN-000a-…` and `RUN-000b-…` with the same suffix. Every user is in one group
 * only, so two groups never compete for a user's row key.
 *
 * Latency: every SAMPLE_MS one sender hands the message it has just written to the sampler thread, which polls
 * Query(IndexName message-group-sk-index, message_group_uuid = group) on its own connection every POLL_US until
 * both group rows have an sk >= the message's: the time from the PutItem's answer (and from its request) to that
 * answer is one sample. One sample is in flight at a time; the sampler adds at most one Query per POLL_US.
 *
 * Prints one `LOAD k=v ...` line (latencies in microseconds) and writes GROUPS_OUT: one line per group
 * `GROUP_INDEX COUNT LAST_SK LAST_NUMBER`, where LAST_SK is the greatest sk written (its text is
 * "bench message LAST_NUMBER of group GROUP_INDEX"). Only loopback is used.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "bench-common.h"

#define BUF_SIZE (1 << 20)
#define SK_LEN 32 /* 2026-11-26T01:47:56.123456+00:00 */
#define MAX_PUT_LATENCIES 4000000
#define MAX_SAMPLES 100000

static int port, groups, senders, max_messages, sample_ms, poll_us;
static double seconds, rate;
static const char *run_id;

typedef struct {
    int count;
    int last_number;
    char last_sk[SK_LEN + 1];
} group_state;

static group_state *group_states; /* each group is written by its owner thread only */

static atomic_int total_sent;
static atomic_int total_errors;
static atomic_int stop;
static atomic_int sample_wanted;
static atomic_int sample_ready;
static int sample_group;
static char sample_sk[SK_LEN + 1];
static uint64_t sample_sent_ns, sample_acked_ns;
static pthread_mutex_t error_lock = PTHREAD_MUTEX_INITIALIZER;
static char first_error[400];

static uint64_t *put_latencies; /* ns, all senders */
static atomic_int put_latency_count;

typedef struct {
    int fd;
    char *buf;
} connection;

static connection open_connection(void) {
    connection c = {socket(AF_INET, SOCK_STREAM, 0), malloc(BUF_SIZE)};
    if (c.fd < 0 || !c.buf) die("socket");
    int one = 1;
    setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(c.fd, (struct sockaddr *)&addr, sizeof addr) < 0) die("connect");
    return c;
}

/* One DynamoDB JSON 1.0 request; returns the HTTP status and points *body at the answer's body (in c->buf). */
static int call(connection *c, const char *target, const char *json, size_t json_len, char **body, size_t *body_len) {
    char head[512];
    int head_len = snprintf(head, sizeof head,
                            "POST / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/x-amz-json-1.0\r\n"
                            "X-Amz-Target: DynamoDB_20120810.%s\r\nContent-Length: %zu\r\n\r\n",
                            port, target, json_len);
    struct iovec parts[2] = {{head, (size_t)head_len}, {(void *)json, json_len}};
    struct msghdr message = {.msg_iov = parts, .msg_iovlen = 2};
    size_t total = (size_t)head_len + json_len;
    ssize_t written = sendmsg(c->fd, &message, MSG_NOSIGNAL);
    if (written < 0 || (size_t)written != total) die("sendmsg");
    size_t have = 0;
    char *end = NULL;
    while (!end) {
        ssize_t n = read(c->fd, c->buf + have, BUF_SIZE - 1 - have);
        if (n <= 0) die("read");
        have += (size_t)n;
        c->buf[have] = 0;
        end = strstr(c->buf, "\r\n\r\n");
    }
    int status = atoi(c->buf + 9);
    char *length_at = strcasestr(c->buf, "\r\ncontent-length:");
    if (!length_at || length_at > end) {
        fprintf(stderr, "cruddur-load: an answer without Content-Length\n");
        exit(2);
    }
    size_t length = strtoul(length_at + 17, NULL, 10);
    size_t header_len = (size_t)(end + 4 - c->buf);
    if (header_len + length >= BUF_SIZE) {
        fprintf(stderr, "cruddur-load: an answer of %zu bytes is too big\n", length);
        exit(2);
    }
    while (have < header_len + length) {
        ssize_t n = read(c->fd, c->buf + have, BUF_SIZE - 1 - have);
        if (n <= 0) die("read");
        have += (size_t)n;
    }
    if (have != header_len + length) {
        fprintf(stderr, "cruddur-load: more bytes than one answer\n");
        exit(2);
    }
    c->buf[have] = 0;
    *body = c->buf + header_len;
    *body_len = length;
    return status;
}

static void uuid(char *out, char kind, int g) { sprintf(out, "%s-000%c-4000-8000-%012d", run_id, kind, g); }

static void format_sk(char *out, int64_t micros) {
    time_t secs = (time_t)(micros / 1000000);
    struct tm tm;
    gmtime_r(&secs, &tm);
    size_t n = strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &tm);
    sprintf(out + n, ".%06d+00:00", (int)(micros % 1000000));
}

static void note_error(const char *what, int status, const char *body) {
    atomic_fetch_add(&total_errors, 1);
    pthread_mutex_lock(&error_lock);
    if (!first_error[0]) snprintf(first_error, sizeof first_error, "%s: HTTP %d %.300s", what, status, body);
    pthread_mutex_unlock(&error_lock);
}

static void *sender(void *arg) {
    int self = (int)(intptr_t)arg;
    connection c = open_connection();
    char json[1024], group_id[40], user_id[40], message_id[40], sk[SK_LEN + 1];
    int64_t last_micros = 0;
    int next = self;
    uint64_t deadline = now_ns() + (uint64_t)(seconds * 1e9);
    uint64_t interval = rate > 0 ? (uint64_t)(1e9 * senders / rate) : 0;
    uint64_t scheduled = now_ns() + interval * (uint64_t)self / (uint64_t)senders;
    while (!atomic_load(&stop)) {
        if (interval) {
            uint64_t now = now_ns();
            if (scheduled > now) {
                struct timespec pause = {(time_t)((scheduled - now) / 1000000000ull), (long)((scheduled - now) % 1000000000ull)};
                nanosleep(&pause, NULL);
            }
            scheduled += interval;
        }
        if (now_ns() >= deadline || atomic_fetch_add(&total_sent, 1) >= max_messages) break;
        int g = next;
        next += senders;
        if (next >= groups) next = self;
        if (g >= groups) break; /* more senders than groups */
        group_state *state = &group_states[g];
        struct timespec wall;
        clock_gettime(CLOCK_REALTIME, &wall);
        int64_t micros = (int64_t)wall.tv_sec * 1000000 + wall.tv_nsec / 1000;
        if (micros <= last_micros) micros = last_micros + 1;
        last_micros = micros;
        format_sk(sk, micros);
        uuid(group_id, '0', g);
        uuid(user_id, 'a', g);
        int number = state->count + 1;
        sprintf(message_id, "%s-00%02d-4000-8000-%012d", run_id, self % 100, (int)(micros % 1000000000000));
        size_t len = (size_t)snprintf(
            json, sizeof json,
            "{\"TableName\":\"cruddur-messages\",\"Item\":{\"pk\":{\"S\":\"MSG#%s\"},\"sk\":{\"S\":\"%s\"},"
            "\"message_uuid\":{\"S\":\"%s\"},\"message\":{\"S\":\"bench message %d of group %d\"},"
            "\"user_uuid\":{\"S\":\"%s\"},\"user_display_name\":{\"S\":\"Bench A %d\"},"
            "\"user_handle\":{\"S\":\"bench-a-%d\"}},\"ConditionExpression\":\"attribute_not_exists(pk)\"}",
            group_id, sk, message_id, number, g, user_id, g, g);
        char *body;
        size_t body_len;
        uint64_t t0 = now_ns();
        int status = call(&c, "PutItem", json, len, &body, &body_len);
        uint64_t t1 = now_ns();
        if (status != 200) {
            atomic_fetch_sub(&total_sent, 1);
            note_error("PutItem", status, body);
            continue;
        }
        int slot = atomic_fetch_add(&put_latency_count, 1);
        if (slot < MAX_PUT_LATENCIES) put_latencies[slot] = t1 - t0;
        state->count = number;
        state->last_number = number;
        memcpy(state->last_sk, sk, SK_LEN + 1);
        int yes = 1;
        if (atomic_load(&sample_wanted) && atomic_compare_exchange_strong(&sample_wanted, &yes, 0)) {
            sample_group = g;
            memcpy(sample_sk, sk, SK_LEN + 1);
            sample_sent_ns = t0;
            sample_acked_ns = t1;
            atomic_store(&sample_ready, 1);
        }
    }
    close(c.fd);
    return NULL;
}

static uint64_t inbox_from_ack[MAX_SAMPLES], inbox_from_send[MAX_SAMPLES];
static int sample_count, sample_timeouts, poll_queries;
static atomic_int senders_done;

/* Whether both group rows in a Query answer have an sk >= want (and there are exactly two). */
static int both_rows_reached(const char *body, const char *want) {
    int rows = 0, reached = 0;
    for (const char *p = strstr(body, "\"sk\""); p; p = strstr(p + 4, "\"sk\"")) {
        const char *value = strstr(p, "\"S\"");
        if (!value) break;
        value = strchr(value + 3, '"');
        if (!value) break;
        rows++;
        if (strncmp(value + 1, want, SK_LEN) >= 0) reached++;
    }
    return rows == 2 && reached == 2;
}

static void *sampler(void *arg) {
    (void)arg;
    connection c = open_connection();
    char json[512], group_id[40];
    uint64_t next = now_ns() + (uint64_t)sample_ms * 1000000ull;
    while (!atomic_load(&senders_done) && sample_count < MAX_SAMPLES) {
        uint64_t now = now_ns();
        if (now < next) {
            usleep((useconds_t)((next - now) / 1000));
            continue;
        }
        atomic_store(&sample_ready, 0);
        atomic_store(&sample_wanted, 1);
        while (!atomic_load(&sample_ready) && !atomic_load(&senders_done)) usleep(50);
        if (!atomic_load(&sample_ready)) break;
        uuid(group_id, '0', sample_group);
        size_t len = (size_t)snprintf(
            json, sizeof json,
            "{\"TableName\":\"cruddur-messages\",\"IndexName\":\"message-group-sk-index\","
            "\"KeyConditionExpression\":\"message_group_uuid = :g\","
            "\"ExpressionAttributeValues\":{\":g\":{\"S\":\"%s\"}}}",
            group_id);
        uint64_t give_up = sample_acked_ns + 10000000000ull;
        for (;;) {
            char *body;
            size_t body_len;
            int status = call(&c, "Query", json, len, &body, &body_len);
            uint64_t seen = now_ns();
            poll_queries++;
            if (status != 200) {
                note_error("Query", status, body);
            } else if (both_rows_reached(body, sample_sk)) {
                inbox_from_ack[sample_count] = seen - sample_acked_ns;
                inbox_from_send[sample_count] = seen - sample_sent_ns;
                sample_count++;
                break;
            }
            if (seen > give_up) {
                sample_timeouts++;
                break;
            }
            usleep((useconds_t)poll_us);
        }
        next += (uint64_t)sample_ms * 1000000ull;
        if (next < now_ns()) next = now_ns();
    }
    close(c.fd);
    return NULL;
}

static int compare(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static uint64_t percentile(uint64_t *values, int n, double p) {
    if (n == 0) return 0;
    int index = (int)(p / 100.0 * n);
    if (index >= n) index = n - 1;
    return values[index];
}

int main(int argc, char **argv) {
    if (argc != 10 && argc != 11) {
        fprintf(stderr, "usage: %s PORT RUN GROUPS SENDERS SECONDS MAX_MESSAGES SAMPLE_MS POLL_US GROUPS_OUT [RATE]\n",
                argv[0]);
        return 2;
    }
    port = atoi(argv[1]);
    run_id = argv[2];
    groups = atoi(argv[3]);
    senders = atoi(argv[4]);
    seconds = atof(argv[5]);
    max_messages = atoi(argv[6]);
    sample_ms = atoi(argv[7]);
    poll_us = atoi(argv[8]);
    rate = argc == 11 ? atof(argv[10]) : 0;
    if (strlen(run_id) != 8 || groups < 1 || senders < 1 || senders > groups) {
        fprintf(stderr, "cruddur-load: RUN must be 8 hex digits and 1 <= SENDERS <= GROUPS\n");
        return 2;
    }
    group_states = calloc((size_t)groups, sizeof *group_states);
    put_latencies = malloc(sizeof(uint64_t) * MAX_PUT_LATENCIES);
    if (!group_states || !put_latencies) die("malloc");

    pthread_t threads[256], sampler_thread;
    if (senders > 256) senders = 256;
    uint64_t start = now_ns();
    pthread_create(&sampler_thread, NULL, sampler, NULL);
    for (int i = 0; i < senders; i++) pthread_create(&threads[i], NULL, sender, (void *)(intptr_t)i);
    for (int i = 0; i < senders; i++) pthread_join(threads[i], NULL);
    double elapsed = (double)(now_ns() - start) / 1e9;
    atomic_store(&senders_done, 1);
    pthread_join(sampler_thread, NULL);

    int sent = 0;
    FILE *out = fopen(argv[9], "w");
    if (!out) die(argv[9]);
    for (int g = 0; g < groups; g++) {
        sent += group_states[g].count;
        fprintf(out, "%d %d %s %d\n", g, group_states[g].count, group_states[g].count ? group_states[g].last_sk : "-",
                group_states[g].last_number);
    }
    fclose(out);

    int puts = atomic_load(&put_latency_count);
    if (puts > MAX_PUT_LATENCIES) puts = MAX_PUT_LATENCIES;
    qsort(put_latencies, (size_t)puts, sizeof(uint64_t), compare);
    qsort(inbox_from_ack, (size_t)sample_count, sizeof(uint64_t), compare);
    qsort(inbox_from_send, (size_t)sample_count, sizeof(uint64_t), compare);
    printf("LOAD sent=%d errors=%d seconds=%.2f rate=%.0f put_p50_us=%llu put_p99_us=%llu samples=%d "
           "sample_timeouts=%d poll_queries=%d inbox_p50_us=%llu inbox_p90_us=%llu inbox_p99_us=%llu "
           "inbox_max_us=%llu inbox_from_send_p50_us=%llu inbox_from_send_p99_us=%llu\n",
           sent, atomic_load(&total_errors), elapsed, sent / elapsed,
           (unsigned long long)(percentile(put_latencies, puts, 50) / 1000),
           (unsigned long long)(percentile(put_latencies, puts, 99) / 1000), sample_count, sample_timeouts,
           poll_queries, (unsigned long long)(percentile(inbox_from_ack, sample_count, 50) / 1000),
           (unsigned long long)(percentile(inbox_from_ack, sample_count, 90) / 1000),
           (unsigned long long)(percentile(inbox_from_ack, sample_count, 99) / 1000),
           (unsigned long long)(sample_count ? inbox_from_ack[sample_count - 1] / 1000 : 0),
           (unsigned long long)(percentile(inbox_from_send, sample_count, 50) / 1000),
           (unsigned long long)(percentile(inbox_from_send, sample_count, 99) / 1000));
    if (first_error[0]) printf("LOAD_FIRST_ERROR %s\n", first_error);
    return 0;
}
