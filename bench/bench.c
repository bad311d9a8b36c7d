/*
 * herr's string lookups against gperf, the C state of the art, over the same keys.
 *
 * For every spelling of seeds 001-004 (out/queries.h), many rounds of:
 *   herr:   herr_from_vendor(vendor, text, &code)
 *   gperf:  gperf_<vendor>(text, strlen(text)) -> entry->code   (one gperf table per vendor,
 *           built from the same keys as herr's table: bench/keys.py)
 *   linear: a strcmp walk over the same keys (what code without a table does)
 * and, for reference, herr_to_string(code), a direct table lookup.
 *
 * Usage: bench [rounds] [only]   (only: herr | gperf | linear | string, for callgrind runs)
 * Prints nanoseconds per lookup (best of 15 interleaved runs) and the herr/gperf ratio, for all
 * seed codes and separately for string codes (hashed) and numbered codes (parsed).
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "herr.h"
#include "queries.h"

struct bench_entry {
    const char *name;
    long code;
};

#define GPERF_TABLE(name) const struct bench_entry *gperf_##name(const char *str, size_t len);
GPERF_TABLE(sophon)
GPERF_TABLE(tencent_iai)
GPERF_TABLE(tencent_faceid)
GPERF_TABLE(tencent_faceid_saas)
GPERF_TABLE(huawei_frs)

#define N_QUERIES (sizeof QUERIES / sizeof QUERIES[0])

static long gperf_lookup(int vendor, const char *text) {
    size_t len = strlen(text);
    const struct bench_entry *e = NULL;
    switch (vendor) {
    case HERR_VENDOR_SOPHON: e = gperf_sophon(text, len); break;
    case HERR_VENDOR_TENCENT_IAI: e = gperf_tencent_iai(text, len); break;
    case HERR_VENDOR_TENCENT_FACEID: e = gperf_tencent_faceid(text, len); break;
    case HERR_VENDOR_TENCENT_FACEID_SAAS: e = gperf_tencent_faceid_saas(text, len); break;
    case HERR_VENDOR_HUAWEI_FRS: e = gperf_huawei_frs(text, len); break;
    default: break;
    }
    return e ? e->code : -1;
}

/* The keys for the linear walk: the same spellings, from herr itself. */
static const char *linear_keys[8][200];
static long linear_codes[8][200];
static size_t linear_count[8];

static void linear_setup(void) {
    size_t i;
    for (i = 0; i < N_QUERIES; i++) {
        long code;
        int v = QUERIES[i].vendor;
        size_t j;
        if (!herr_from_vendor(v, QUERIES[i].text, &code)) continue;
        for (j = 0; j < linear_count[v]; j++)
            if (strcmp(linear_keys[v][j], QUERIES[i].text) == 0) break;
        if (j == linear_count[v] && j < 200) {
            linear_keys[v][j] = QUERIES[i].text;
            linear_codes[v][j] = code;
            linear_count[v]++;
        }
    }
}

static long linear_lookup(int vendor, const char *text) {
    size_t j;
    for (j = 0; j < linear_count[vendor]; j++)
        if (strcmp(linear_keys[vendor][j], text) == 0) return linear_codes[vendor][j];
    return -1;
}

static long herr_lookup(int vendor, const char *text) {
    long code = -1;
    return herr_from_vendor(vendor, text, &code) ? code : -1;
}

static long string_lookup(int vendor, const char *text) {
    (void)text;
    return (long)(size_t)herr_to_string(vendor * 1000000L + 1);
}

/* The queries as measured: all of them, and split into string codes (SOPHON, Tencent IAI
 * and FaceID: hashed) and numbered codes (FaceID SaaS, Huawei: parsed). */
struct set {
    const char *name;
    size_t n;
    int vendor[N_QUERIES];
    const char *text[N_QUERIES];
};
static struct set sets[3] = {{"all seed codes", 0, {0}, {0}}, {"string codes", 0, {0}, {0}}, {"numbered codes", 0, {0}, {0}}};

static void add(struct set *s, int vendor, const char *text) {
    s->vendor[s->n] = vendor;
    s->text[s->n] = text;
    s->n++;
}

static void sets_setup(void) {
    size_t i;
    for (i = 0; i < N_QUERIES; i++) {
        int v = QUERIES[i].vendor;
        add(&sets[0], v, QUERIES[i].text);
        add(&sets[v == HERR_VENDOR_TENCENT_FACEID_SAAS || v == HERR_VENDOR_HUAWEI_FRS ? 2 : 1], v, QUERIES[i].text);
    }
}

static volatile long sink;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* One run of `rounds` passes over every query of `set`, in ns per lookup. */
static double once(long (*lookup)(int, const char *), const struct set *set, long rounds) {
    long r, acc = 0;
    size_t i;
    double t0 = now(), t;
    for (r = 0; r < rounds; r++)
        for (i = 0; i < set->n; i++) acc += lookup(set->vendor[i], set->text[i]);
    t = (now() - t0) / ((double)rounds * (double)set->n);
    sink = acc;
    return t;
}

#define RUNS 15

/* The best of RUNS runs of each lookup, the runs interleaved so that every lookup sees the
 * same machine (a busy moment costs each of them one run, not one of them all its runs). */
static void measure(long (*const lookups[])(int, const char *), const struct set *set, const long rounds[],
                    double best[], size_t n) {
    size_t run, k;
    for (k = 0; k < n; k++) best[k] = 1e300;
    for (run = 0; run < RUNS; run++)
        for (k = 0; k < n; k++) {
            double t = once(lookups[k], set, rounds[k]);
            if (t < best[k]) best[k] = t;
        }
}

int main(int argc, char **argv) {
    long rounds = argc > 1 ? atol(argv[1]) : 10000;
    const char *only = argc > 2 ? argv[2] : NULL;
    size_t i;

    /* Both find every query, and agree on the code. */
    for (i = 0; i < N_QUERIES; i++) {
        long a = herr_lookup(QUERIES[i].vendor, QUERIES[i].text), b = gperf_lookup(QUERIES[i].vendor, QUERIES[i].text);
        if (a != b || a < 0) {
            fprintf(stderr, "disagree on %s: herr %ld, gperf %ld\n", QUERIES[i].text, a, b);
            return 1;
        }
    }
    linear_setup();
    if (only) {
        long (*f)(int, const char *) = strcmp(only, "herr") == 0    ? herr_lookup
                                       : strcmp(only, "gperf") == 0  ? gperf_lookup
                                       : strcmp(only, "linear") == 0 ? linear_lookup
                                                                     : string_lookup;
        long r, acc = 0;
        for (r = 0; r < rounds; r++)
            for (i = 0; i < N_QUERIES; i++) acc += f(QUERIES[i].vendor, QUERIES[i].text);
        sink = acc;
        printf("%s: %ld lookups\n", only, rounds * (long)N_QUERIES);
        return 0;
    }
    sets_setup();
    printf("%zu seed spellings, %ld rounds, best of %d interleaved runs, ns per lookup\n\n", (size_t)N_QUERIES, rounds,
           RUNS);
    printf("%-16s %8s %8s %8s %12s %8s\n", "queries", "herr", "gperf", "strcmp", "herr/gperf", "to_str");
    for (i = 0; i < 3; i++) {
        long (*const lookups[4])(int, const char *) = {herr_lookup, gperf_lookup, linear_lookup, string_lookup};
        const long each[4] = {rounds, rounds, rounds / 10 + 1, rounds};
        double best[4];
        /* Scale the rounds so that each set gets about the same time. */
        long scaled[4];
        size_t k;
        for (k = 0; k < 4; k++) scaled[k] = (long)((double)each[k] * (double)N_QUERIES / (double)sets[i].n) + 1;
        measure(lookups, &sets[i], scaled, best, 4);
        printf("%-16s %8.1f %8.1f %8.1f %11.2fx %8.1f\n", sets[i].name, best[0], best[1], best[2], best[0] / best[1],
               best[3]);
    }
    return 0;
}
