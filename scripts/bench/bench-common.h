/* Helpers the benchmark's C programs share (included by invoke-client.c, runtime-floor.c, cruddur-load.c). */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* A monotonic timestamp in nanoseconds. */
static inline uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* Prints what failed with errno's text and exits with status 2 (the scripts' "something broke"). */
static inline void die(const char *what) {
    perror(what);
    exit(2);
}

#endif
