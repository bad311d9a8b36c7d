/*
 * herr against what C programmers write today, over the same keys (bench/keys.c made them
 * from herr's own tables):
 *   code -> message, code -> kind:   herr_to_string / herr_kind  vs a hand-written switch
 *                                    (switch.c, its own translation unit, as a library is),
 *                                    over InspireFace's codes and over every code;
 *   spelling -> code:                herr_from_vendor vs gperf (one table per vendor) vs two
 *                                    strcmp walks (over the vendor's own table, and over one
 *                                    table of every vendor's spellings); herr_from_name vs
 *                                    gperf and a strcmp walk over InspireFace's names.
 *   the floor:                       a contender that only calls strlen, through the same
 *                                    pointer: what every lookup pays before it looks.
 * Every contender is called through the same kind of function pointer, so call costs match.
 *
 * Usage: bench [rounds] [only [vendor]]   (only: one contender's name, for callgrind's
 * instruction counts, optionally over one vendor's spellings: prints how many lookups it ran)
 * Prints nanoseconds per lookup (best of 15 interleaved runs) and herr's ratio to each.
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "herr.h"

struct bench_entry {
    const char *name;
    long code;
};

#include "dispatch.h"
#include "queries.h"

const struct bench_entry *gperf_names(const char *str, size_t len);
const char *switch_message_inspireface(long code);
int switch_kind_inspireface(long code);
const char *switch_message_all(long code);
int switch_kind_all(long code);

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define N_IF COUNT(INSPIREFACE_CODES)
#define N_ALL COUNT(ALL_CODES)
#define N_SPELLINGS COUNT(SPELLINGS)

/* --- contenders: code -> something ------------------------------------------------------ */

typedef long (*by_code)(long);
static long herr_message(long c) { return (long)(size_t)herr_to_string(c); }
static long switch_message_if(long c) { return (long)(size_t)switch_message_inspireface(c); }
static long switch_message_every(long c) { return (long)(size_t)switch_message_all(c); }
static long herr_kind_of(long c) { return (long)herr_kind(c); }
static long switch_kind_if(long c) { return (long)switch_kind_inspireface(c); }
static long switch_kind_every(long c) { return (long)switch_kind_all(c); }

/* --- contenders: text -> code -------------------------------------------------------------- */

typedef long (*by_text)(int, const char *);
static long herr_vendor_lookup(int vendor, const char *text) {
    long code = -1;
    return herr_from_vendor(vendor, text, &code) ? code : -1;
}
static long gperf_vendor_lookup(int vendor, const char *text) {
    const struct bench_entry *e = gperf_lookup(vendor, text, strlen(text));
    return e ? e->code : -1;
}
static long herr_name_lookup(int vendor, const char *text) {
    long code = -1;
    (void)vendor;
    return herr_from_name(text, &code) ? code : -1;
}
static long gperf_name_lookup(int vendor, const char *text) {
    const struct bench_entry *e = gperf_names(text, strlen(text));
    (void)vendor;
    return e ? e->code : -1;
}

/* The strcmp walk: every key of the vendor, in table order, until one matches. */
static const char *walk_keys[HERR_VENDOR_COUNT][256];
static long walk_codes[HERR_VENDOR_COUNT][256];
static size_t walk_count[HERR_VENDOR_COUNT];
static long walk_lookup(int vendor, const char *text) {
    size_t j;
    for (j = 0; j < walk_count[vendor]; j++)
        if (strcmp(walk_keys[vendor][j], text) == 0) return walk_codes[vendor][j];
    return -1;
}

/* The one-table walk: the loop over a single {vendor, spelling, code} array of every vendor's
 * spellings (vendor by vendor, each in table order), testing the vendor before the text. */
static struct {
    int vendor;
    const char *text;
    long code;
} every_key[N_SPELLINGS];
static long every_lookup(int vendor, const char *text) {
    size_t j;
    for (j = 0; j < N_SPELLINGS; j++)
        if (every_key[j].vendor == vendor && strcmp(every_key[j].text, text) == 0) return every_key[j].code;
    return -1;
}

/* The floor: the call and the strlen every lookup of a C string pays, and nothing else. */
static long strlen_only(int vendor, const char *text) { return (long)strlen(text) + vendor; }

/* InspireFace's names as text queries (vendor 0). */
static int name_vendor[N_IF];
static const char *name_text[N_IF];
static int spelling_vendor[N_SPELLINGS];
static const char *spelling_text[N_SPELLINGS];
/* The same, split: vendors whose codes are names (hashed) and whose codes are numbers (parsed). */
static int named_vendor[N_SPELLINGS], numbered_vendor[N_SPELLINGS];
static const char *named_text[N_SPELLINGS], *numbered_text[N_SPELLINGS];
static size_t n_named, n_numbered;

static void setup(void) {
    size_t i;
    for (i = 0; i < N_IF; i++) {
        name_vendor[i] = 0;
        name_text[i] = herr_vendor_code(INSPIREFACE_CODES[i]);
        walk_keys[0][walk_count[0]] = name_text[i];
        walk_codes[0][walk_count[0]++] = INSPIREFACE_CODES[i];
    }
    for (i = 0; i < N_SPELLINGS; i++) {
        int v = SPELLINGS[i].vendor;
        long code = -1;
        herr_from_vendor(v, SPELLINGS[i].text, &code);
        spelling_vendor[i] = v;
        spelling_text[i] = SPELLINGS[i].text;
        /* A number (decimal, or Huawei's FRS.NNNN / APIG.NNNN) has a digit at its end. */
        if (SPELLINGS[i].text[strlen(SPELLINGS[i].text) - 1] <= '9') {
            numbered_vendor[n_numbered] = v;
            numbered_text[n_numbered++] = SPELLINGS[i].text;
        } else {
            named_vendor[n_named] = v;
            named_text[n_named++] = SPELLINGS[i].text;
        }
        if (walk_count[v] < 256) {
            walk_keys[v][walk_count[v]] = SPELLINGS[i].text;
            walk_codes[v][walk_count[v]++] = code;
        }
        every_key[i].vendor = v;
        every_key[i].text = SPELLINGS[i].text;
        every_key[i].code = code;
    }
}

/* --- timing ---------------------------------------------------------------------------- */

static volatile long sink;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static double time_codes(by_code f, const long *codes, size_t n, long rounds) {
    long r, acc = 0;
    size_t i;
    double t0 = now();
    for (r = 0; r < rounds; r++)
        for (i = 0; i < n; i++) acc += f(codes[i]);
    sink = acc;
    return (now() - t0) / ((double)rounds * (double)n);
}

static double time_texts(by_text f, const int *vendors, const char *const *texts, size_t n, long rounds) {
    long r, acc = 0;
    size_t i;
    double t0 = now();
    for (r = 0; r < rounds; r++)
        for (i = 0; i < n; i++) acc += f(vendors[i], texts[i]);
    sink = acc;
    return (now() - t0) / ((double)rounds * (double)n);
}

#define RUNS 15

/* The first contender (herr, or the floor alone) against the others (at most 3), the runs
 * interleaved so that a busy moment of the machine costs each contender one run, not one
 * contender all its runs. Code lookups when `codes` is set, text lookups otherwise. A rival
 * that is a walk is reported as how many times faster herr is; the others as herr's time over
 * theirs. */
struct contender {
    const char *name;
    by_code code;
    by_text text;
    long rounds;
    int walk;
};

static void compare(const char *what, const struct contender *c, size_t k, const long *codes, const int *vendors,
                    const char *const *texts, size_t n) {
    double best[4] = {1e300, 1e300, 1e300, 1e300};
    size_t run, j;
    if (k > COUNT(best)) k = COUNT(best);
    for (run = 0; run < RUNS; run++)
        for (j = 0; j < k; j++) {
            double t = codes ? time_codes(c[j].code, codes, n, c[j].rounds)
                             : time_texts(c[j].text, vendors, texts, n, c[j].rounds);
            if (t < best[j]) best[j] = t;
        }
    printf("%-36s %4zu keys   %s %6.2f", what, n, c[0].name, best[0]);
    for (j = 1; j < k; j++)
        if (c[j].walk)
            printf("   %s %7.2f (herr %.1fx faster)", c[j].name, best[j], best[j] / best[0]);
        else
            printf("   %s %6.2f (herr/%s %.2fx)", c[j].name, best[j], c[j].name, best[0] / best[j]);
    printf("\n");
}

static void compare_codes(const char *what, by_code herr, by_code rival, const long *codes, size_t n, long rounds) {
    const struct contender c[2] = {{"herr", herr, NULL, rounds, 0}, {"switch", rival, NULL, rounds, 0}};
    compare(what, c, 2, codes, NULL, NULL, n);
}

/* herr_from_vendor's rivals: gperf, the walk over the vendor's own table and the one-table
 * walk; herr_from_name's (`names` set): gperf and the walk over the names (one table). */
static void compare_texts(const char *what, by_text herr, by_text gperf, const int *vendors, const char *const *texts,
                          size_t n, long rounds, int names) {
    const struct contender c[4] = {{"herr", NULL, herr, rounds, 0},
                                   {"gperf", NULL, gperf, rounds, 0},
                                   {names ? "strcmp walk" : "strcmp walk, vendor's table", NULL, walk_lookup,
                                    rounds / 10 + 1, 1},
                                   {"strcmp walk, one table", NULL, every_lookup, rounds / 20 + 1, 1}};
    compare(what, c, names ? 3 : 4, NULL, vendors, texts, n);
}

/* The floor of a text lookup: the call through the pointer and strlen, nothing looked up. */
static void floor_row(const char *what, const int *vendors, const char *const *texts, size_t n, long rounds) {
    const struct contender c[1] = {{"call + strlen only", NULL, strlen_only, rounds, 0}};
    compare(what, c, 1, NULL, vendors, texts, n);
}

/* Checks that every contender gives herr's answers, before anything is timed. */
static int agree(void) {
    size_t i;
    for (i = 0; i < N_ALL; i++) {
        long c = ALL_CODES[i];
        if (strcmp(herr_to_string(c), switch_message_all(c)) != 0 || (int)herr_kind(c) != switch_kind_all(c)) {
            fprintf(stderr, "switch disagrees on %ld\n", c);
            return 0;
        }
    }
    for (i = 0; i < N_SPELLINGS; i++) {
        long a = herr_vendor_lookup(spelling_vendor[i], spelling_text[i]);
        if (a < 0 || a != gperf_vendor_lookup(spelling_vendor[i], spelling_text[i]) ||
            a != walk_lookup(spelling_vendor[i], spelling_text[i]) || a != every_lookup(spelling_vendor[i], spelling_text[i])) {
            fprintf(stderr, "lookups disagree on %s\n", spelling_text[i]);
            return 0;
        }
    }
    for (i = 0; i < N_IF; i++)
        if (herr_name_lookup(0, name_text[i]) != gperf_name_lookup(0, name_text[i])) {
            fprintf(stderr, "name lookups disagree on %s\n", name_text[i]);
            return 0;
        }
    return 1;
}

int main(int argc, char **argv) {
    long rounds = argc > 1 ? atol(argv[1]) : 20000;
    const char *only = argc > 2 ? argv[2] : NULL;
    int vendor_only = argc > 3 ? atoi(argv[3]) : -1; /* with `only`: one vendor's spellings */
    setup();
    if (!agree()) return 1;
    if (only) {
        /* One contender alone, for callgrind: the same loop, no clock. The first four look up
         * the vendor spellings (or one vendor's: `vendor`), the last three InspireFace's names. */
        static const struct {
            const char *name;
            by_text f;
            int names;
        } texts[] = {{"herr_from_vendor", herr_vendor_lookup, 0}, {"gperf", gperf_vendor_lookup, 0},
                     {"strcmp", walk_lookup, 0},                   {"strcmp-one-table", every_lookup, 0},
                     {"herr_from_name", herr_name_lookup, 1},      {"gperf-names", gperf_name_lookup, 1},
                     {"strcmp-names", walk_lookup, 1}};
        size_t i, q;
        long r, acc = 0;
        for (i = 0; i < COUNT(texts); i++)
            if (strcmp(only, texts[i].name) == 0) {
                const int *vendors = texts[i].names ? name_vendor : spelling_vendor;
                const char *const *keys = texts[i].names ? name_text : spelling_text;
                size_t count = texts[i].names ? N_IF : N_SPELLINGS;
                long n = 0;
                for (r = 0; r < rounds; r++)
                    for (q = 0; q < count; q++)
                        if (vendor_only < 0 || vendors[q] == vendor_only) {
                            acc += texts[i].f(vendors[q], keys[q]);
                            n++;
                        }
                sink = acc;
                printf("%s: %ld lookups\n", only, n);
                return 0;
            }
        fprintf(stderr, "only: herr_from_vendor, gperf, strcmp, strcmp-one-table, herr_from_name, gperf-names or "
                        "strcmp-names\n");
        return 2;
    }
    printf("ns per lookup, best of %d interleaved runs\n\n", RUNS);
    compare_codes("herr_to_string, InspireFace codes", herr_message, switch_message_if, INSPIREFACE_CODES, N_IF, rounds);
    compare_codes("herr_kind, InspireFace codes", herr_kind_of, switch_kind_if, INSPIREFACE_CODES, N_IF, rounds);
    compare_codes("herr_to_string, every code", herr_message, switch_message_every, ALL_CODES, N_ALL, rounds / 8 + 1);
    compare_codes("herr_kind, every code", herr_kind_of, switch_kind_every, ALL_CODES, N_ALL, rounds / 8 + 1);
    compare_texts("herr_from_vendor, vendor spellings", herr_vendor_lookup, gperf_vendor_lookup, spelling_vendor,
                  spelling_text, N_SPELLINGS, rounds / 8 + 1, 0);
    compare_texts("  of which named codes (hashed)", herr_vendor_lookup, gperf_vendor_lookup, named_vendor, named_text,
                  n_named, rounds / 8 + 1, 0);
    compare_texts("  of which numbered codes (parsed)", herr_vendor_lookup, gperf_vendor_lookup, numbered_vendor,
                  numbered_text, n_numbered, rounds / 8 + 1, 0);
    compare_texts("herr_from_name, InspireFace names", herr_name_lookup, gperf_name_lookup, name_vendor, name_text, N_IF,
                  rounds, 1);
    floor_row("the floor, vendor spellings", spelling_vendor, spelling_text, N_SPELLINGS, rounds / 8 + 1);
    floor_row("the floor, InspireFace names", name_vendor, name_text, N_IF, rounds);
    return 0;
}
