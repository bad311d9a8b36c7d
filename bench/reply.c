/*
 * herr_parse_response against what C programmers write today: cJSON (the parser ESP-IDF
 * ships) to find the code, then herr_from_vendor. Over the same bodies (tests/fixtures/replies):
 * a Tencent IAI error reply and a 4 KB success reply, each as the API sends it (compact) and
 * pretty-printed as the documentation shows it; and a success reply carrying a
 * 16 MB base64 image (bytes per ns is GB/s). Counts heap allocations too: cJSON's
 * through its hooks; herr makes none (the library links no allocator).
 *
 * Usage: reply [rounds]   (run from bench/, as `make -C bench run` does)
 * Prints ns per reply (best of 15 interleaved runs), the ratio, and allocations per reply.
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "herr.h"

static long allocations;

static void *counting_malloc(size_t n) {
    allocations++;
    return malloc(n);
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *body;
    long n;
    if (!f) {
        perror(path);
        exit(1);
    }
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    body = malloc((size_t)n + 1);
    if (fread(body, 1, (size_t)n, f) != (size_t)n) exit(1);
    body[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return body;
}

/* What a C program does with cJSON: parse, walk to Response.Error.Code, look it up. */
static long with_cjson(const char *body, size_t len) {
    long code = -1;
    cJSON *root = cJSON_ParseWithLength(body, len);
    cJSON *response = cJSON_GetObjectItemCaseSensitive(root, "Response");
    cJSON *error = cJSON_GetObjectItemCaseSensitive(response, "Error");
    if (!cJSON_IsObject(response)) {
        code = -1;
    } else if (!error) {
        code = HSUCCEED;
    } else {
        cJSON *c = cJSON_GetObjectItemCaseSensitive(error, "Code");
        if (!cJSON_IsString(c) || !herr_from_vendor(HERR_VENDOR_TENCENT_IAI, c->valuestring, &code)) code = -1;
    }
    cJSON_Delete(root);
    return code;
}

static long with_herr(const char *body, size_t len) {
    herr_response_t out;
    return herr_parse_response(HERR_VENDOR_TENCENT_IAI, body, len, 200, &out) >= 0 ? out.code : -1;
}

static volatile long sink;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static double once(long (*f)(const char *, size_t), const char *body, size_t len, long rounds) {
    long r, acc = 0;
    double t0 = now();
    for (r = 0; r < rounds; r++) acc += f(body, len);
    sink = acc;
    return (now() - t0) / (double)rounds;
}

/* The body as a server sends it: the whitespace between tokens removed (the fixtures are
 * pretty-printed, as the vendors' documentation shows them). */
static size_t compact(char *body, size_t len) {
    size_t from, to = 0;
    int in_string = 0;
    for (from = 0; from < len; from++) {
        char c = body[from];
        if (in_string) {
            if (c == '\\' && from + 1 < len) {
                body[to++] = c;
                c = body[++from];
            } else if (c == '"') {
                in_string = 0;
            }
        } else if (c == '"') {
            in_string = 1;
        } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            continue;
        }
        body[to++] = c;
    }
    return to;
}

static void compare_body(const char *what, const char *body, size_t len, long rounds);

static void compare(const char *what, const char *path, int compacted, long rounds) {
    size_t len;
    char *body = read_file(path, &len);
    if (compacted) len = compact(body, len);
    compare_body(what, body, len, rounds);
    free(body);
}

/* A success reply carrying a 16 MB base64 image, as FaceID sends them (Tencent API 3.0 shape). */
static void big_reply(void) {
    const char *head = "{\"Response\":{\"Image\":\"", *tail = "\",\"RequestId\":\"ed93f3cb\"}}";
    const char *b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t image = (size_t)16 << 20, at = strlen(head), len = at + image + strlen(tail), i;
    char *body = malloc(len);
    if (!body) exit(1);
    memcpy(body, head, at);
    for (i = 0; i < image; i++) body[at + i] = b64[(i * 7) % 64];
    memcpy(body + at + image, tail, strlen(tail));
    compare_body("success reply with a 16 MB image", body, len, 3);
    free(body);
}

static void compare_body(const char *what, const char *body, size_t len, long rounds) {
    double best_herr = 1e300, best_cjson = 1e300;
    long before, per_cjson, per_herr;
    int run;
    if (with_herr(body, len) != with_cjson(body, len) || with_herr(body, len) < 0) {
        fprintf(stderr, "%s: herr and cJSON disagree\n", what);
        exit(1);
    }
    for (run = 0; run < 15; run++) {
        double t = once(with_herr, body, len, rounds);
        if (t < best_herr) best_herr = t;
        t = once(with_cjson, body, len, rounds);
        if (t < best_cjson) best_cjson = t;
    }
    before = allocations;
    with_cjson(body, len);
    per_cjson = allocations - before;
    before = allocations;
    with_herr(body, len);
    per_herr = allocations - before;
    printf("%-38s %8zu bytes   herr %8.1f ns   cJSON + herr_from_vendor %8.1f ns   %.1fx faster   "
           "allocations: herr %ld, cJSON %ld   herr %.2f GB/s\n",
           what, len, best_herr, best_cjson, best_cjson / best_herr, per_herr, per_cjson,
           (double)len / best_herr);
}

int main(int argc, char **argv) {
    long rounds = argc > 1 ? atol(argv[1]) : 20000;
    cJSON_Hooks hooks = {counting_malloc, free};
    cJSON_InitHooks(&hooks);
    printf("ns per reply body, best of 15 interleaved runs\n\n");
    compare("Tencent IAI error reply, as sent", "../tests/fixtures/replies/tencent_iai_error.json", 1, rounds);
    compare("Tencent IAI error reply, pretty", "../tests/fixtures/replies/tencent_iai_error.json", 0, rounds);
    compare("Tencent IAI success reply, as sent", "../tests/fixtures/replies/tencent_iai_success_4k.json", 1,
            rounds / 4 + 1);
    compare("Tencent IAI 4 KB success reply, pretty", "../tests/fixtures/replies/tencent_iai_success_4k.json", 0,
            rounds / 4 + 1);
    big_reply();
    return 0;
}
