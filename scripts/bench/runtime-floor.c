/*
 * runtime-floor: a trivial Lambda Runtime API server for scripts/bench-invoke.sh, to measure the floor of a warm
 * invoke: the function's own Runtime API loop (Echo and this repository's LambdaRuntime library) with no emulator.
 *
 *   runtime-floor PORT_FILE EVENT_FILE WARMUP COUNT SECONDS [LATENCIES_OUT|-] [PIDS_FILE]
 *
 * Listens on 127.0.0.1 only (a free port, written to PORT_FILE) and serves any number of runtimes (one keep-alive
 * connection each; poll()):
 *   GET  /2018-06-01/runtime/invocation/next           answered at once with EVENT_FILE's bytes and the headers
 *        Lambda-Runtime-Aws-Request-Id (a fresh UUID-shaped ID), Lambda-Runtime-Deadline-Ms (now + 15 min),
 *        Lambda-Runtime-Invoked-Function-Arn, Lambda-Runtime-Trace-Id and Content-Type: application/json;
 *   POST /2018-06-01/runtime/invocation/ID/response    202 {"status":"OK"}; counted as an error unless ID is the one
 *        last handed to that connection and the body equals the event (Echo returns its event unchanged);
 *   POST …/ID/error, …/init/error                      202 {"status":"OK"}, counted as errors; anything else 404.
 * One iteration = a /next answered, then the next /next from the same connection fully read (the handler, the
 * POST /response and its 202, the next GET, all in the runtime). Its latency is timed with
 * clock_gettime(MONOTONIC) from just after the write() of the /next answer to the read() that completes the next
 * /next. The first WARMUP iterations (over all connections) are not measured; then it measures until COUNT
 * iterations are done (0: no count limit) or SECONDS have passed, whichever comes first, prints one line
 *   n=… seconds=… ips=… min_us=… median_us=… p90_us=… p99_us=… max_us=… mean_us=… fn_cpu_us=… fn_cs=…
 *   connections=… errors=…
 * (ips = measured iterations per second over all connections; fn_cpu_us and fn_cs = CPU time and context
 * switches per measured iteration of the runtime processes whose PIDs PIDS_FILE lists, one a line, read from
 * /proc/PID/task/TID/schedstat and status at the start and the end of the measurement; -1 without PIDS_FILE),
 * closes every connection (the runtimes then fail
 * their /next and exit) and exits. It always stops by itself: 60 s without reaching the end of the warm-up, or
 * SECONDS after it, end the run (status 1 if nothing was measured).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <dirent.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "bench-common.h"

#define MAX_CONNS 64
#define BUF_SIZE (1 << 20)
#define WARMUP_DEADLINE_NS (60ull * 1000000000ull)
#define NEXT_PATH "/2018-06-01/runtime/invocation/next"
#define INVOCATION_PREFIX "/2018-06-01/runtime/invocation/"

struct conn {
    int fd;
    char *buf;
    long have;
    char request_id[40]; /* the ID last handed out on this connection, "" if none */
    uint64_t answered_ns; /* when its /next answer was written, 0 if no iteration is open */
};

static struct conn conns[MAX_CONNS];
static int nconns;
static char event[65536];
static size_t event_len;
static uint64_t *lat;
static long lat_cap, measured, warm_done, errors;
static unsigned long long ids;

static int write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN) {
                struct pollfd pfd = {.fd = fd, .events = POLLOUT};
                poll(&pfd, 1, 1000);
                continue;
            }
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Sums the CPU time (ns) and context switches of every thread of the PIDs listed in pids_file. */
static void peer_usage(const char *pids_file, double *cpu_ns, double *switches) {
    *cpu_ns = 0;
    *switches = 0;
    FILE *pf = fopen(pids_file, "r");
    if (!pf) return;
    long pid;
    while (fscanf(pf, "%ld", &pid) == 1) {
        char path[128];
        snprintf(path, sizeof path, "/proc/%ld/task", pid);
        DIR *d = opendir(path);
        if (!d) continue;
        struct dirent *e;
        while ((e = readdir(d))) {
            if (e->d_name[0] == '.') continue;
            char file[300], line[256];
            snprintf(file, sizeof file, "/proc/%ld/task/%s/schedstat", pid, e->d_name);
            FILE *f = fopen(file, "r");
            if (f) {
                unsigned long long ns;
                if (fscanf(f, "%llu", &ns) == 1) *cpu_ns += (double)ns;
                fclose(f);
            }
            snprintf(file, sizeof file, "/proc/%ld/task/%s/status", pid, e->d_name);
            f = fopen(file, "r");
            if (f) {
                while (fgets(line, sizeof line, f)) {
                    long v;
                    if (sscanf(line, "voluntary_ctxt_switches: %ld", &v) == 1 ||
                        sscanf(line, "nonvoluntary_ctxt_switches: %ld", &v) == 1)
                        *switches += (double)v;
                }
                fclose(f);
            }
        }
        closedir(d);
    }
    fclose(pf);
}

static const char *pids_file;
static double cpu_start_ns, cs_start;

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static double pct(const uint64_t *v, long n, double p) {
    long rank = (long)(p / 100.0 * (double)n + 0.999999);
    if (rank < 1) rank = 1;
    if (rank > n) rank = n;
    return (double)v[rank - 1] / 1000.0;
}

static void close_conn(int i) {
    close(conns[i].fd);
    free(conns[i].buf);
    conns[i] = conns[--nconns];
}

static int answer_next(struct conn *c) {
    static char resp[70000];
    struct timespec wall;
    clock_gettime(CLOCK_REALTIME, &wall);
    long long deadline_ms = (long long)wall.tv_sec * 1000 + wall.tv_nsec / 1000000 + 900000;
    ids++;
    snprintf(c->request_id, sizeof c->request_id, "6bc28136-1d05-4ab4-9d1f-%012llx", ids);
    int n = snprintf(resp, sizeof resp,
                     "HTTP/1.1 200 OK\r\n"
                     "Content-Type: application/json\r\n"
                     "Lambda-Runtime-Aws-Request-Id: %s\r\n"
                     "Lambda-Runtime-Deadline-Ms: %lld\r\n"
                     "Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:123456789012:function:Echo\r\n"
                     "Lambda-Runtime-Trace-Id: Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;"
                     "Sampled=0\r\n"
                     "Content-Length: %zu\r\n\r\n",
                     c->request_id, deadline_ms, event_len);
    memcpy(resp + n, event, event_len);
    if (write_all(c->fd, resp, (size_t)n + event_len) < 0) return -1;
    c->answered_ns = now_ns();
    return 0;
}

static int answer_status(struct conn *c, const char *status, const char *body) {
    char resp[256];
    int n = snprintf(resp, sizeof resp, "HTTP/1.1 %s\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
                     status, strlen(body), body);
    return write_all(c->fd, resp, (size_t)n);
}

/* Handles every complete request in c->buf. Returns -1 to close the connection, 1 when the run is over. */
static int handle(struct conn *c, uint64_t *measure_start, long count) {
    for (;;) {
        char *end = memmem(c->buf, (size_t)c->have, "\r\n\r\n", 4);
        if (!end) return 0;
        long head_len = (end - c->buf) + 4;
        long clen = 0;
        for (char *line = memmem(c->buf, (size_t)head_len, "\r\n", 2); line && line < end;
             line = memmem(line + 2, (size_t)(end - line), "\r\n", 2)) {
            if (strncasecmp(line + 2, "content-length:", 15) == 0) clen = atol(line + 17);
            if (strncasecmp(line + 2, "transfer-encoding:", 18) == 0) {
                fprintf(stderr, "runtime-floor: chunked bodies are not supported\n");
                return -1;
            }
        }
        if (head_len + clen > BUF_SIZE) return -1;
        if (c->have < head_len + clen) return 0;
        char *body = c->buf + head_len;
        int rc = 0;
        if (strncmp(c->buf, "GET " NEXT_PATH " ", strlen("GET " NEXT_PATH " ")) == 0) {
            uint64_t t = now_ns();
            if (c->answered_ns) { /* an iteration ends here */
                if (warm_done < 0) {
                    if (measured < lat_cap) lat[measured] = t - c->answered_ns;
                    measured++;
                    if (count > 0 && measured >= count) return 1;
                } else if (--warm_done == 0) {
                    warm_done = -1;
                    *measure_start = t;
                    if (pids_file) peer_usage(pids_file, &cpu_start_ns, &cs_start);
                }
            }
            rc = answer_next(c);
        } else if (strncmp(c->buf, "POST " INVOCATION_PREFIX, strlen("POST " INVOCATION_PREFIX)) == 0) {
            char *id = c->buf + strlen("POST " INVOCATION_PREFIX);
            char *slash = strchr(id, '/');
            if (slash && strncmp(slash, "/response ", 10) == 0) {
                if ((size_t)(slash - id) != strlen(c->request_id) || strncmp(id, c->request_id, (size_t)(slash - id)) != 0 ||
                    (size_t)clen != event_len || memcmp(body, event, event_len) != 0) {
                    if (errors < 3) fprintf(stderr, "runtime-floor: unexpected /response: %.*s\n", (int)(head_len + clen), c->buf);
                    errors++;
                }
            } else {
                if (errors < 3) fprintf(stderr, "runtime-floor: unexpected request: %.*s\n", (int)(head_len + clen), c->buf);
                errors++;
            }
            c->request_id[0] = 0;
            rc = answer_status(c, "202 Accepted", "{\"status\":\"OK\"}");
        } else if (strncmp(c->buf, "POST /2018-06-01/runtime/init/error ", 36) == 0) {
            fprintf(stderr, "runtime-floor: init error: %.*s\n", (int)clen, body);
            errors++;
            rc = answer_status(c, "202 Accepted", "{\"status\":\"OK\"}");
        } else {
            if (errors < 3) fprintf(stderr, "runtime-floor: unknown request: %.*s\n", (int)head_len, c->buf);
            errors++;
            rc = answer_status(c, "404 Not Found", "{\"errorType\":\"NotFound\"}");
        }
        if (rc < 0) return -1;
        memmove(c->buf, c->buf + head_len + clen, (size_t)(c->have - head_len - clen));
        c->have -= head_len + clen;
    }
}

int main(int argc, char **argv) {
    if (argc < 6 || argc > 8) {
        fprintf(stderr, "usage: runtime-floor PORT_FILE EVENT_FILE WARMUP COUNT SECONDS [LATENCIES_OUT|-] [PIDS_FILE]\n");
        return 2;
    }
    FILE *f = fopen(argv[2], "rb");
    if (!f) die(argv[2]);
    event_len = fread(event, 1, sizeof event, f);
    fclose(f);
    long warmup = atol(argv[3]), count = atol(argv[4]);
    double seconds = atof(argv[5]);
    const char *out = argc > 6 && strcmp(argv[6], "-") != 0 ? argv[6] : NULL;
    pids_file = argc > 7 ? argv[7] : NULL;
    lat_cap = count > 0 ? count : 4000000;
    lat = calloc((size_t)lat_cap, sizeof *lat);
    if (!lat) die("calloc");
    warm_done = warmup > 0 ? warmup : -1;

    int port;
    int ls = listen_loopback(64, &port);
    int one = 1;
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[1]);
    FILE *pf = fopen(tmp, "w");
    if (!pf) die(tmp);
    fprintf(pf, "%d\n", port);
    fclose(pf);
    if (rename(tmp, argv[1]) < 0) die("rename");

    uint64_t started = now_ns(), measure_start = warm_done < 0 ? started : 0;
    int max_conns_seen = 0, done = 0;
    while (!done) {
        uint64_t t = now_ns();
        if (measure_start == 0 && t - started > WARMUP_DEADLINE_NS) {
            fprintf(stderr, "runtime-floor: the warm-up did not finish within 60 s (%d connections)\n", nconns);
            break;
        }
        if (measure_start && (double)(t - measure_start) / 1e9 >= seconds) break;
        struct pollfd pfds[MAX_CONNS + 1];
        pfds[0] = (struct pollfd){.fd = ls, .events = POLLIN};
        for (int i = 0; i < nconns; i++) pfds[i + 1] = (struct pollfd){.fd = conns[i].fd, .events = POLLIN};
        int r = poll(pfds, (nfds_t)nconns + 1, 100);
        if (r < 0) {
            if (errno == EINTR) continue;
            die("poll");
        }
        if (r == 0) continue;
        for (int i = nconns - 1; i >= 0 && !done; i--) {
            if (!(pfds[i + 1].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            struct conn *c = &conns[i];
            ssize_t n = read(c->fd, c->buf + c->have, (size_t)(BUF_SIZE - c->have));
            if (n <= 0) {
                if (n < 0 && errno == EINTR) continue;
                close_conn(i);
                continue;
            }
            c->have += n;
            int h = handle(c, &measure_start, count);
            if (h < 0) close_conn(i);
            if (h > 0) done = 1;
        }
        if (!done && (pfds[0].revents & POLLIN)) {
            int fd = accept4(ls, NULL, NULL, SOCK_CLOEXEC);
            if (fd >= 0) {
                if (nconns == MAX_CONNS) {
                    close(fd);
                } else {
                    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    conns[nconns] = (struct conn){.fd = fd, .buf = malloc(BUF_SIZE)};
                    if (!conns[nconns].buf) die("malloc");
                    nconns++;
                    if (nconns > max_conns_seen) max_conns_seen = nconns;
                }
            }
        }
    }
    uint64_t finished = now_ns();
    double cpu_end_ns = 0, cs_end = 0;
    if (pids_file && measure_start) peer_usage(pids_file, &cpu_end_ns, &cs_end);
    close(ls);
    while (nconns > 0) close_conn(nconns - 1);

    long n = measured < lat_cap ? measured : lat_cap;
    if (n == 0) {
        printf("n=0 seconds=0 ips=0 min_us=0 median_us=0 p90_us=0 p99_us=0 max_us=0 mean_us=0 fn_cpu_us=-1 fn_cs=-1 "
               "connections=%d errors=%ld\n",
               max_conns_seen, errors);
        return 1;
    }
    if (out) {
        FILE *o = fopen(out, "w");
        if (!o) die(out);
        for (long i = 0; i < n; i++) fprintf(o, "%.1f\n", (double)lat[i] / 1000.0);
        fclose(o);
    }
    double sum = 0;
    for (long i = 0; i < n; i++) sum += (double)lat[i];
    qsort(lat, (size_t)n, sizeof *lat, cmp_u64);
    double secs = (double)(finished - measure_start) / 1e9;
    double fn_cpu_us = -1, fn_cs = -1;
    if (pids_file) {
        fn_cpu_us = (cpu_end_ns - cpu_start_ns) / 1000.0 / (double)measured;
        fn_cs = (cs_end - cs_start) / (double)measured;
    }
    printf("n=%ld seconds=%.2f ips=%.0f min_us=%.1f median_us=%.1f p90_us=%.1f p99_us=%.1f max_us=%.1f mean_us=%.1f "
           "fn_cpu_us=%.1f fn_cs=%.2f connections=%d errors=%ld\n",
           measured, secs, (double)measured / secs, (double)lat[0] / 1000.0, pct(lat, n, 50), pct(lat, n, 90),
           pct(lat, n, 99), (double)lat[n - 1] / 1000.0, sum / (double)n / 1000.0, fn_cpu_us, fn_cs, max_conns_seen,
           errors);
    return errors ? 1 : 0;
}
