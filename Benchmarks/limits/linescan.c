/* The physical limit for reading a CSV: read(2) the file from the page cache in 1 MiB
 * chunks and count '\n' with memchr. Prints one JSON line like the harness.
 * usage: linescan FILE RUNS */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
static double cpu(void) { struct timespec t; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
static int cmp(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return (x > y) - (x < y); }

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: linescan FILE RUNS\n"); return 2; }
    int runs = atoi(argv[2]); if (runs < 1) runs = 1;
    enum { CHUNK = 1 << 20 };
    char *buffer = malloc(CHUNK);
    double seconds[64], cpuSeconds[64]; long lines = 0, bytes = 0;
    if (runs > 64) runs = 64;
    for (int r = -1; r < runs; r++) {            /* r = -1 is the warm-up */
        int fd = open(argv[1], O_RDONLY);
        if (fd < 0) { perror(argv[1]); return 2; }
        double start = now(), cpuStart = cpu(); lines = 0; bytes = 0;
        ssize_t n;
        while ((n = read(fd, buffer, CHUNK)) > 0) {
            bytes += n;
            const char *p = buffer, *end = buffer + n;
            while ((p = memchr(p, '\n', end - p)) != NULL) { lines++; p++; }
        }
        double elapsed = now() - start, cpuElapsed = cpu() - cpuStart;
        close(fd);
        if (r >= 0) { seconds[r] = elapsed; cpuSeconds[r] = cpuElapsed; }
    }
    qsort(seconds, runs, sizeof(double), cmp);
    qsort(cpuSeconds, runs, sizeof(double), cmp);
    double median = runs % 2 ? seconds[runs / 2] : (seconds[runs / 2 - 1] + seconds[runs / 2]) / 2;
    double cpuMedian = runs % 2 ? cpuSeconds[runs / 2] : (cpuSeconds[runs / 2 - 1] + cpuSeconds[runs / 2]) / 2;
    printf("{\"tool\": \"limit\", \"task\": \"line-scan\", \"median\": %.9f, \"cpu_median\": %.9f, \"runs\": %d, "
           "\"bytes\": %ld, \"rows\": %ld, \"checksum\": {\"lines\": %ld}}\n", median, cpuMedian, runs, bytes, lines, lines);
    return 0;
}
