/* sd_measure.c - runs a command several times and prints its wall time (best, median) and
 * peak memory (largest max RSS of the runs), for Stormdrill's benchmarks.
 * Usage: sd_measure RUNS LABEL -- COMMAND [ARGS...]
 * Output: one line, "LABEL: best 1.234 s, median 1.300 s, peak 300.1 MiB (RUNS runs)". */
#define _DEFAULT_SOURCE /* wait4() */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 5 || strcmp(argv[3], "--") != 0) {
        fprintf(stderr, "usage: sd_measure RUNS LABEL -- COMMAND [ARGS...]\n");
        return 2;
    }
    int runs = atoi(argv[1]);
    if (runs < 1 || runs > 1000) {
        fprintf(stderr, "sd_measure: RUNS must be 1..1000\n");
        return 2;
    }
    double *times = calloc((size_t)runs, sizeof *times);
    if (times == NULL)
        return 1;
    long peak_kb = 0;
    for (int i = 0; i < runs; i++) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        pid_t pid = fork();
        if (pid < 0) {
            perror("sd_measure: fork");
            return 1;
        }
        if (pid == 0) {
            FILE *devnull = freopen("/dev/null", "w", stdout); /* figures only */
            (void)devnull;
            execvp(argv[4], argv + 4);
            perror("sd_measure: exec");
            _exit(127);
        }
        int status;
        struct rusage ru;
        if (wait4(pid, &status, 0, &ru) < 0) {
            perror("sd_measure: wait4");
            return 1;
        }
        clock_gettime(CLOCK_MONOTONIC, &t1);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            fprintf(stderr, "sd_measure: %s: the command failed (status %d)\n", argv[2],
                    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
            return 1;
        }
        times[i] = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        if (ru.ru_maxrss > peak_kb)
            peak_kb = ru.ru_maxrss;
    }
    qsort(times, (size_t)runs, sizeof *times, cmp_double);
    double median = runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
    if (times[0] < 0.1)
        printf("%s: best %.1f ms, median %.1f ms, peak %.1f MiB (%d runs)\n", argv[2],
               times[0] * 1e3, median * 1e3, (double)peak_kb / 1024.0, runs);
    else
        printf("%s: best %.3f s, median %.3f s, peak %.1f MiB (%d runs)\n", argv[2], times[0],
               median, (double)peak_kb / 1024.0, runs);
    free(times);
    return 0;
}
