/* A memory-bandwidth figure: the median over RUNS of (a) a read-only pass summing 512 MiB of
 * doubles and (b) memcpy of 256 MiB (counted as bytes read + bytes written). One core.
 * usage: membw RUNS */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
static int cmp(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return (x > y) - (x < y); }
static double median(double *v, int n) { qsort(v, n, sizeof(double), cmp); return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2; }

int main(int argc, char **argv) {
    int runs = argc > 1 ? atoi(argv[1]) : 5; if (runs < 1) runs = 1; if (runs > 64) runs = 64;
    size_t readBytes = (size_t)512 << 20, copyBytes = (size_t)256 << 20, n = readBytes / sizeof(double);
    double *a = malloc(readBytes); char *src = malloc(copyBytes), *dst = malloc(copyBytes);
    for (size_t i = 0; i < n; i++) a[i] = (double)(i & 1023);
    memset(src, 1, copyBytes); memset(dst, 0, copyBytes);
    double readSeconds[64], copySeconds[64], sink = 0;
    for (int r = -1; r < runs; r++) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, start = now();
        for (size_t i = 0; i < n; i += 4) { s0 += a[i]; s1 += a[i + 1]; s2 += a[i + 2]; s3 += a[i + 3]; }
        double t1 = now();
        memcpy(dst, src, copyBytes);
        double t2 = now();
        sink += s0 + s1 + s2 + s3 + dst[r & 1023];
        if (r >= 0) { readSeconds[r] = t1 - start; copySeconds[r] = t2 - t1; }
    }
    double readGBs = readBytes / median(readSeconds, runs) / 1e9;
    double copyGBs = 2.0 * copyBytes / median(copySeconds, runs) / 1e9;
    printf("{\"tool\": \"limit\", \"task\": \"memory-bandwidth\", \"read_gb_s\": %.3f, \"copy_gb_s\": %.3f, "
           "\"runs\": %d, \"checksum\": {\"sink\": %.1f}}\n", readGBs, copyGBs, runs, sink);
    return 0;
}
