/*
 * invoke-client: a minimal keep-alive HTTP/1.1 client (and a trivial server) for scripts/bench-invoke.sh.
 *
 *   invoke-client client PORT PATH BODY_FILE COUNT WARMUP [LATENCIES_OUT]
 *       Sends WARMUP + COUNT sequential `POST PATH` requests to 127.0.0.1:PORT over ONE persistent
 *       TCP connection (TCP_NODELAY), timing each of the COUNT measured ones with clock_gettime(MONOTONIC)
 *       from just before write() to the last byte of the response body. Checks every answer is 200 with a
 *       Content-Length body equal to BODY (the Echo function returns its event unchanged).
 *       Prints one line: `n=… min_us=… median_us=… p90_us=… p99_us=… max_us=… mean_us=… errors=…`.
 *   invoke-client serve PORT_FILE
 *       Listens on 127.0.0.1 (a free port, written to PORT_FILE), accepts one connection at a time and
 *       answers each request with a fixed 200 `{}`-style echo of its body. Used to measure the client's own
 *       floor (syscalls + loopback round trip + parsing) with the same code path.
 *
 * Only loopback is ever used. The overhead per request is two syscalls for the request (one write) and
 * usually one read for the answer, plus a header scan: a few microseconds.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
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

static char rbuf[BUF_SIZE];

static int write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Reads one HTTP message (head + Content-Length body) from fd into rbuf.
 * Returns the total length; *head_len and *body_len describe it; *status gets the status code (client)
 * or 0 (server). Returns -1 on EOF/error. Pipelining is not used, so no leftover bytes are kept. */
static long read_message(int fd, long *head_len, long *body_len, int *status) {
    long have = 0;
    char *end = NULL;
    for (;;) {
        ssize_t r = read(fd, rbuf + have, BUF_SIZE - 1 - (size_t)have);
        if (r <= 0) {
            if (r < 0 && errno == EINTR) continue;
            return -1;
        }
        have += r;
        rbuf[have] = 0;
        end = memmem(rbuf, (size_t)have, "\r\n\r\n", 4);
        if (end) break;
        if (have >= BUF_SIZE - 1) return -1;
    }
    *head_len = (end - rbuf) + 4;
    *status = 0;
    if (strncmp(rbuf, "HTTP/1.", 7) == 0) *status = atoi(rbuf + 9);
    long clen = -1;
    for (char *line = strstr(rbuf, "\r\n"); line && line < end; line = strstr(line + 2, "\r\n")) {
        if (strncasecmp(line + 2, "content-length:", 15) == 0) clen = atol(line + 17);
        if (strncasecmp(line + 2, "transfer-encoding:", 18) == 0) {
            fprintf(stderr, "invoke-client: chunked bodies are not supported\n");
            exit(2);
        }
    }
    if (clen < 0) clen = 0;
    if (*head_len + clen > BUF_SIZE - 1) return -1;
    while (have < *head_len + clen) {
        ssize_t r = read(fd, rbuf + have, (size_t)(*head_len + clen - have));
        if (r <= 0) {
            if (r < 0 && errno == EINTR) continue;
            return -1;
        }
        have += r;
    }
    *body_len = clen;
    return have;
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of sorted values. */
static double pct(const uint64_t *v, int n, double p) {
    int rank = (int)(p / 100.0 * n + 0.999999);
    if (rank < 1) rank = 1;
    if (rank > n) rank = n;
    return v[rank - 1] / 1000.0;
}

static int connect_loopback(int port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) die("socket");
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) < 0) die("connect");
    return fd;
}

static int run_client(int port, const char *path, const char *body_file, int count, int warmup, const char *out) {
    FILE *f = fopen(body_file, "rb");
    if (!f) die(body_file);
    static char body[65536];
    size_t blen = fread(body, 1, sizeof body, f);
    fclose(f);

    static char req[70000];
    int hlen = snprintf(req, sizeof req,
                        "POST %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/json\r\n"
                        "Content-Length: %zu\r\n\r\n",
                        path, port, blen);
    memcpy(req + hlen, body, blen);
    size_t rlen = (size_t)hlen + blen;

    uint64_t *lat = calloc((size_t)count, sizeof *lat);
    int fd = connect_loopback(port);
    int errors = 0;
    for (int i = 0; i < warmup + count; i++) {
        uint64_t t0 = now_ns();
        if (write_all(fd, req, rlen) < 0) die("write");
        long head_len, body_len;
        int status;
        if (read_message(fd, &head_len, &body_len, &status) < 0) {
            fprintf(stderr, "invoke-client: connection closed at request %d\n", i);
            exit(2);
        }
        uint64_t t1 = now_ns();
        if (status != 200 || (size_t)body_len != blen || memcmp(rbuf + head_len, body, blen) != 0) {
            if (errors < 3)
                fprintf(stderr, "invoke-client: unexpected answer to request %d: %.*s\n", i, (int)(head_len + body_len),
                        rbuf);
            errors++;
        }
        if (i >= warmup) lat[i - warmup] = t1 - t0;
    }
    close(fd);

    if (out) {
        FILE *o = fopen(out, "w");
        if (!o) die(out);
        for (int i = 0; i < count; i++) fprintf(o, "%.1f\n", lat[i] / 1000.0);
        fclose(o);
    }
    double sum = 0;
    for (int i = 0; i < count; i++) sum += (double)lat[i];
    qsort(lat, (size_t)count, sizeof *lat, cmp_u64);
    printf("n=%d min_us=%.1f median_us=%.1f p90_us=%.1f p99_us=%.1f max_us=%.1f mean_us=%.1f errors=%d\n", count,
           lat[0] / 1000.0, pct(lat, count, 50), pct(lat, count, 90), pct(lat, count, 99), lat[count - 1] / 1000.0,
           sum / count / 1000.0, errors);
    return errors ? 1 : 0;
}

static _Noreturn void run_server(const char *port_file) {
    int port;
    int ls = listen_loopback(16, &port);
    int one = 1;
    FILE *pf = fopen(port_file, "w");
    if (!pf) die(port_file);
    fprintf(pf, "%d\n", port);
    fclose(pf);
    static char resp[70000];
    for (;;) {
        int fd = accept(ls, NULL, NULL);
        if (fd < 0) continue;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        long head_len, body_len;
        int status;
        while (read_message(fd, &head_len, &body_len, &status) >= 0) {
            int n = snprintf(resp, sizeof resp,
                             "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %ld\r\n\r\n",
                             body_len);
            memcpy(resp + n, rbuf + head_len, (size_t)body_len);
            if (write_all(fd, resp, (size_t)n + (size_t)body_len) < 0) break;
        }
        close(fd);
    }
}

int main(int argc, char **argv) {
    if (argc >= 7 && strcmp(argv[1], "client") == 0)
        return run_client(atoi(argv[2]), argv[3], argv[4], atoi(argv[5]), atoi(argv[6]), argc > 7 ? argv[7] : NULL);
    if (argc == 3 && strcmp(argv[1], "serve") == 0) run_server(argv[2]);
    fprintf(stderr,
            "usage: invoke-client client PORT PATH BODY_FILE COUNT WARMUP [LATENCIES_OUT]\n"
            "       invoke-client serve PORT_FILE\n");
    return 2;
}
