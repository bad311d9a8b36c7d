/*
 * Every exported function from 8 threads at once: each thread makes CALLS mixed calls (every
 * function in turn, over codes, names, spellings and reply bodies) and compares each answer
 * with a reference computed first, on one thread. herr keeps no state, so the answers must be
 * equal; tests/threads.rs runs this natively and under ThreadSanitizer.
 *
 * Usage: threads [calls per thread]   (default 1000000)
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "herr.h"

#define THREADS 8
#define FUNCTIONS 25
#define MAX_INPUTS 4096

/* One input, and every answer herr gives about it. */
typedef struct {
    long code;                  /* a code, known or not */
    int small;                  /* a kind, vendor or status integer */
    char body[160];             /* a reply body made from the code's spelling */
    size_t body_len;
    /* The answers. */
    const char *version, *message, *name, *kind_name, *vendor_name, *vendor_code;
    const char *aliases[4];
    size_t alias_count, status_count;
    int statuses[4], http_status;
    herr_kind_t kind;
    herr_vendor_t vendor;
    long nearest, nearest_v2, for_status, by_name, by_vendor, by_vendor_n, by_number;
    int name_found, vendor_found, vendor_n_found, number_found, enabled, retryable;
    herr_response_status_t response;
    herr_response_t out;
    size_t unescaped_len;
    char unescaped[32];
    const char *lang_message, *release;
    herr_lang_t lang;
} input_t;

/* Locale names for herr_lang_from_locale, picked by an input's `small`. */
static const char *const LOCALES[] = {"zh_CN.UTF-8", "en_US.UTF-8", "zh_TW", "zh-Hans", "C", "", NULL, "zh_CN.GBK"};

static input_t inputs[MAX_INPUTS];
static size_t count;

/* Function f of herr about input in into answer (only the fields f writes). */
static void call(int f, const input_t *in, input_t *a) {
    switch (f) {
    case 0: a->version = herr_version(); break;
    case 1: a->message = herr_to_string(in->code); break;
    case 2: a->name = herr_name(in->code); break;
    case 3: a->by_name = -7; a->name_found = herr_from_name(in->name ? in->name : "HERR_NOT_A_NAME", &a->by_name); break;
    case 4: memset(a->aliases, 0, sizeof a->aliases); a->alias_count = herr_aliases(in->code, a->aliases, 4); break;
    case 5: a->kind = herr_kind(in->code); break;
    case 6: a->kind_name = herr_kind_name(in->small); break;
    case 7:
        a->by_vendor = -7;
        a->vendor_found = herr_from_vendor((int)in->vendor, in->vendor_code ? in->vendor_code : "x", &a->by_vendor);
        break;
    case 8:
        a->by_vendor_n = -7;
        a->vendor_n_found = herr_from_vendor_n(in->small, in->body, in->body_len % 24, &a->by_vendor_n);
        break;
    case 9: a->by_number = -7; a->number_found = herr_from_vendor_number(in->small % (HERR_VENDOR_COUNT + 1), in->code, &a->by_number); break;
    case 10: a->vendor = herr_vendor_of(in->code); break;
    case 11: a->vendor_name = herr_vendor_name(in->small); break;
    case 12: a->vendor_code = herr_vendor_code(in->code); break;
    case 13: a->enabled = herr_vendor_enabled(in->small); break;
    case 14: a->nearest = herr_to_inspireface(in->code); break;
    case 15: a->http_status = herr_http_status(in->code); break;
    case 16: memset(a->statuses, 0, sizeof a->statuses); a->status_count = herr_http_statuses(in->code, a->statuses, 4); break;
    case 17: a->retryable = herr_is_retryable(in->code); break;
    case 18: a->for_status = herr_for_status(in->code, in->small); break;
    case 19:
        memset(&a->out, 0, sizeof a->out);
        a->response = herr_parse_response((int)in->vendor, in->body, in->body_len, 200, &a->out);
        break;
    case 21: a->lang_message = herr_to_string_lang(in->code, in->small % 3); break;
    case 22: a->lang = herr_lang_from_locale(LOCALES[(unsigned)in->small % 8u]); break;
    case 23: a->nearest_v2 = herr_to_inspireface_v2(in->code); break;
    case 24: a->release = herr_inspireface_release(); break;
    case 20:
        memset(a->unescaped, 0, sizeof a->unescaped);
        a->unescaped_len = herr_json_unescape(in->body, in->body_len, a->unescaped, sizeof a->unescaped);
        break;
    }
}

/* Whether answer a of function f equals the reference r. */
static int same(int f, const input_t *r, const input_t *a) {
    switch (f) {
    case 0: return a->version == r->version;
    case 1: return a->message == r->message;
    case 2: return a->name == r->name;
    case 3: return a->name_found == r->name_found && a->by_name == r->by_name;
    case 4: return a->alias_count == r->alias_count && memcmp(a->aliases, r->aliases, sizeof a->aliases) == 0;
    case 5: return a->kind == r->kind;
    case 6: return a->kind_name == r->kind_name;
    case 7: return a->vendor_found == r->vendor_found && a->by_vendor == r->by_vendor;
    case 8: return a->vendor_n_found == r->vendor_n_found && a->by_vendor_n == r->by_vendor_n;
    case 9: return a->number_found == r->number_found && a->by_number == r->by_number;
    case 10: return a->vendor == r->vendor;
    case 11: return a->vendor_name == r->vendor_name;
    case 12: return a->vendor_code == r->vendor_code;
    case 13: return a->enabled == r->enabled;
    case 14: return a->nearest == r->nearest;
    case 15: return a->http_status == r->http_status;
    case 16: return a->status_count == r->status_count && memcmp(a->statuses, r->statuses, sizeof a->statuses) == 0;
    case 17: return a->retryable == r->retryable;
    case 18: return a->for_status == r->for_status;
    case 19: return a->response == r->response && memcmp(&a->out, &r->out, sizeof a->out) == 0;
    case 21: return a->lang_message == r->lang_message;
    case 22: return a->lang == r->lang;
    case 23: return a->nearest_v2 == r->nearest_v2;
    case 24: return a->release == r->release;
    case 20: return a->unescaped_len == r->unescaped_len && memcmp(a->unescaped, r->unescaped, sizeof a->unescaped) == 0;
    }
    return 0;
}

static void add(long code, int small) {
    input_t *in = &inputs[count++];
    const char *spelling;
    memset(in, 0, sizeof *in);
    in->code = code;
    in->small = small;
    in->vendor = herr_vendor_of(code);
    in->name = herr_name(code);
    spelling = herr_vendor_code(code);
    in->vendor_code = spelling;
    /* A reply of the code's vendor shape when it has one (Tencent's is the richest). */
    snprintf(in->body, sizeof in->body,
             "{\"Response\":{\"Error\":{\"Code\":\"%s\",\"Message\":\"caf\\u00e9 %ld\"},\"RequestId\":\"r-%d\"}}",
             spelling ? spelling : "Unknown", code, small);
    in->body_len = strlen(in->body);
}

static long calls = 1000000;

static void *worker(void *arg) {
    size_t t = (size_t)arg, i;
    long n, wrong = 0;
    input_t answer;
    for (n = 0; n < calls; n++) {
        int f = (int)((n + (long)t) % FUNCTIONS);
        i = ((size_t)n * 7919u + t * 104729u) % count;
        memset(&answer, 0, sizeof answer);
        call(f, &inputs[i], &answer);
        if (!same(f, &inputs[i], &answer)) wrong++;
    }
    return (void *)(size_t)wrong;
}

int main(int argc, char **argv) {
    static const long odd[] = {-1, -2, HERR_VENDOR_COUNT * 1000000L, 2147483647L, -2147483647L - 1, 99999999};
    pthread_t threads[THREADS];
    long vendor, n, wrong = 0;
    size_t i, t;
    int f;
    if (argc > 1) calls = atol(argv[1]);
    /* Every code with a name or spelling, in every vendor's range, and odd values. */
    for (vendor = 0; vendor < HERR_VENDOR_COUNT; vendor++)
        for (n = 0; n < 1000000L && count < MAX_INPUTS - 16; n++)
            if (herr_name(vendor * 1000000 + n) || herr_vendor_code(vendor * 1000000 + n))
                add(vendor * 1000000 + n, (int)(n % 600) - 4);
    if (count >= MAX_INPUTS - 16) {
        fprintf(stderr, "more codes than MAX_INPUTS: raise it\n");
        return 2;
    }
    for (i = 0; i < sizeof odd / sizeof odd[0]; i++) add(odd[i], (int)i * 100 + 13);
    /* The reference: every function about every input, on this thread alone. */
    for (i = 0; i < count; i++)
        for (f = 0; f < FUNCTIONS; f++) call(f, &inputs[i], &inputs[i]);
    for (t = 0; t < THREADS; t++)
        if (pthread_create(&threads[t], NULL, worker, (void *)t) != 0) return 2;
    for (t = 0; t < THREADS; t++) {
        void *r;
        pthread_join(threads[t], &r);
        wrong += (long)(size_t)r;
    }
    printf("%d threads x %ld calls over %zu inputs and %d functions: %ld wrong\n", THREADS, calls, count, FUNCTIONS,
           wrong);
    return wrong == 0 ? 0 : 1;
}
