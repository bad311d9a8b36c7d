/*
 * herr_parse_response against the JSON parsers C and C++ programs use, each reading the same
 * three fields (code, message, request id) of the same reply and looking the code up with
 * herr_from_vendor_n, and each checked to give herr's answers first:
 *   - yyjson 0.10 (its C source from the yyjson-sys crate, built with the same compiler and
 *     flags): validates every byte, UTF-8 included, as herr does: the one herr is judged against;
 *   - simdjson 3 On Demand (Debian's libsimdjson-dev): checks only what it reads, so its ratio is
 *     shown, not judged;
 *   - cJSON 1.7 (the parser ESP-IDF ships), what many C programs use today.
 * The replies: Tencent IAI and FaceID errors with a Chinese and an ASCII message, compact (as
 * sent) and pretty (as documented); a Huawei FRS and a SOPHON error; a 4 KB success reply with
 * 10 faces; 1 MB of faces (2,560); a 1 MB and a 16 MB base64 image.
 *
 * Usage: reply [rounds]                      (run from bench/, as `make -C bench run` does)
 *        reply --only herr|yyjson N [R]      reply R of REPLIES (0, the Chinese IAI error, when not
 *                                            given) N times with one contender (for callgrind)
 *        reply --ab OLD.so NEW.so            two builds of herr (shared libraries) in one process,
 *                                            paired: `make -C bench ab OLD=...` (see ab() below)
 * Prints, per reply and contender, the median ns per reply over 11 interleaved runs and their
 * range, and herr's ratio to yyjson (<= 1.00: herr is as fast or faster) and cJSON's to herr.
 */
#define _POSIX_C_SOURCE 199309L
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>
#include <yyjson.h>

#include "herr.h"
#include "reply_rivals.h"

#define RUNS 11
#define PADDING 64 /* readable bytes after every body: simdjson's SIMDJSON_PADDING */

static const struct shape TENCENT_IAI = {
    HERR_VENDOR_TENCENT_IAI, 200, {"Response", "Error", NULL}, "Code", "Message", "RequestId", 1};
static const struct shape TENCENT_FACEID = {
    HERR_VENDOR_TENCENT_FACEID, 200, {"Response", "Error", NULL}, "Code", "Message", "RequestId", 1};
static const struct shape HUAWEI = {HERR_VENDOR_HUAWEI_FRS, 400, {NULL}, "error_code", "error_msg", NULL, 0};
static const struct shape SOPHON = {HERR_VENDOR_SOPHON, 400, {"error", NULL}, "code", "message", NULL, 0};

static const struct shape *current;
static volatile size_t sink;

/* The code a contender's fields give: the vendor's error, or success when there is none. */
static long code_of(const struct fields *f) {
    long code = -1;
    if (!f->code) return HSUCCEED;
    if (!herr_from_vendor_n(current->vendor, f->code, f->code_len, &code)) return -1;
    sink += f->message_len + f->request_id_len;
    return code;
}

static long with_herr(const char *body, size_t len) {
    herr_response_t out;
    if (herr_parse_response(current->vendor, body, len, current->status, &out) < 0) return -1;
    sink += out.message_len + out.request_id_len;
    return out.code;
}

/* yyjson at its best: one allocator kept for the whole run (yyjson_alc_dyn_new), so that a
 * large reply does not map fresh pages every time, as malloc would above its mmap threshold. */
static const yyjson_alc *yyjson_allocator;

static long with_yyjson(const char *body, size_t len) {
    /* yyjson_read_opts takes a char *: it writes to it only with YYJSON_READ_INSITU, not given. */
    yyjson_doc *doc = yyjson_read_opts((char *)(size_t)body, len, 0, yyjson_allocator, NULL);
    yyjson_val *v, *path[4];
    struct fields f;
    long code;
    int depth = 0;
    memset(&f, 0, sizeof f);
    if (!doc) return -1;
    v = path[0] = yyjson_doc_get_root(doc);
    for (; current->container[depth] && v; depth++) v = path[depth + 1] = yyjson_obj_get(v, current->container[depth]);
    if (v) {
        yyjson_val *c = yyjson_obj_get(v, current->code_key), *m = yyjson_obj_get(v, current->message_key);
        if (yyjson_is_str(c)) {
            f.code = yyjson_get_str(c);
            f.code_len = yyjson_get_len(c);
        }
        if (yyjson_is_str(m)) f.message_len = yyjson_get_len(m);
    }
    if (current->request_id_key && current->request_id_depth <= depth && path[current->request_id_depth]) {
        yyjson_val *id = yyjson_obj_get(path[current->request_id_depth], current->request_id_key);
        if (yyjson_is_str(id)) f.request_id_len = yyjson_get_len(id);
    }
    code = code_of(&f); /* before the document (and the code's bytes) is freed */
    yyjson_doc_free(doc);
    return code;
}

static long with_simdjson(const char *body, size_t len) {
    struct fields f;
    return parse_simdjson(current, body, len, &f) ? code_of(&f) : -1;
}

static long with_cjson(const char *body, size_t len) {
    cJSON *root = cJSON_ParseWithLength(body, len), *v = root, *parent[4];
    struct fields f;
    long code;
    int depth = 0;
    memset(&f, 0, sizeof f);
    if (!root) return -1;
    parent[0] = root;
    for (; current->container[depth] && v; depth++) v = parent[depth + 1] = cJSON_GetObjectItemCaseSensitive(v, current->container[depth]);
    if (v) {
        cJSON *c = cJSON_GetObjectItemCaseSensitive(v, current->code_key), *m = cJSON_GetObjectItemCaseSensitive(v, current->message_key);
        if (cJSON_IsString(c)) {
            f.code = c->valuestring;
            f.code_len = strlen(c->valuestring);
        }
        if (cJSON_IsString(m)) f.message_len = strlen(m->valuestring);
    }
    if (current->request_id_key && current->request_id_depth <= depth && parent[current->request_id_depth]) {
        cJSON *id = cJSON_GetObjectItemCaseSensitive(parent[current->request_id_depth], current->request_id_key);
        if (cJSON_IsString(id)) f.request_id_len = strlen(id->valuestring);
    }
    code = code_of(&f);
    cJSON_Delete(root);
    return code;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static double once(long (*f)(const char *, size_t), const char *body, size_t len, long rounds) {
    long r, acc = 0;
    double t0 = now();
    for (r = 0; r < rounds; r++) acc += f(body, len);
    sink += (size_t)acc;
    return (now() - t0) / (double)rounds;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* A body in its own buffer, with PADDING readable bytes after it. */
static char *padded(const char *text, size_t len) {
    char *body = calloc(len + PADDING, 1);
    if (!body) exit(1);
    memcpy(body, text, len);
    return body;
}

/* The body as a server sends it: the whitespace between tokens removed. */
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
    memset(body + to, 0, len - to);
    return to;
}

static const struct {
    const char *name;
    long (*parse)(const char *, size_t);
} CONTENDERS[] = {{"herr", with_herr}, {"yyjson", with_yyjson}, {"simdjson", with_simdjson}, {"cJSON", with_cjson}};
#define CONTENDER_COUNT (sizeof CONTENDERS / sizeof CONTENDERS[0])

static void compare(const char *what, const struct shape *shape, const char *body, size_t len, long rounds) {
    double times[CONTENDER_COUNT][RUNS], median[CONTENDER_COUNT];
    size_t c;
    int run;
    current = shape;
    for (c = 0; c < CONTENDER_COUNT; c++) {
        long got = CONTENDERS[c].parse(body, len), want = with_herr(body, len);
        if (want < 0 || got != want) {
            fprintf(stderr, "%s: %s reads code %ld, herr %ld\n", what, CONTENDERS[c].name, got, want);
            exit(1);
        }
    }
    for (run = 0; run < RUNS; run++)
        for (c = 0; c < CONTENDER_COUNT; c++) times[c][run] = once(CONTENDERS[c].parse, body, len, rounds);
    printf("%-47s %9zu B", what, len);
    for (c = 0; c < CONTENDER_COUNT; c++) {
        qsort(times[c], RUNS, sizeof times[c][0], by_value);
        median[c] = times[c][RUNS / 2];
        printf(" | %s %.0f (%.0f-%.0f)", CONTENDERS[c].name, median[c], times[c][0], times[c][RUNS - 1]);
    }
    printf(" | herr/yyjson %.2fx, herr/simdjson %.2fx, cJSON/herr %.1fx\n", median[0] / median[1],
           median[0] / median[2], median[3] / median[0]);
}

/* Tencent's error reply, pretty as its documentation shows it (compact() makes it as sent). */
static char *tencent_error(const char *code, const char *message) {
    static char text[1024];
    snprintf(text, sizeof text,
             "{\n    \"Response\": {\n        \"Error\": {\n            \"Code\": \"%s\",\n"
             "            \"Message\": \"%s\"\n        },\n"
             "        \"RequestId\": \"ed93f3cb-f35e-473f-b9f3-0d451b8b79c6\"\n    }\n}\n",
             code, message);
    return text;
}

/* One face of Tencent IAI's DetectFace reply (tests/fixtures/replies/tencent_iai_success_4k.json). */
static const char FACE[] =
    "{\"X\":100,\"Y\":80,\"Width\":210,\"Height\":260,\"FaceAttributesInfo\":{\"Gender\":0,\"Age\":20,"
    "\"Expression\":10,\"Hat\":false,\"Glass\":true,\"Pitch\":-3,\"Yaw\":5,\"Roll\":1.25,\"Beauty\":70},"
    "\"FaceQualityInfo\":{\"Score\":90,\"Sharpness\":80,\"Brightness\":60,\"Completeness\":{\"Eyebrow\":99,"
    "\"Eye\":100,\"Nose\":100,\"Cheek\":97,\"Mouth\":100,\"Chin\":96}},\"FaceId\":\"face-0000-7d2c4b1e\"}";

static char *faces(size_t count, size_t *len_out) {
    const char *head = "{\"Response\":{\"ImageWidth\":1920,\"ImageHeight\":1080,\"FaceModelVersion\":\"3.0\",\"FaceInfos\":[";
    const char *tail = "],\"RequestId\":\"ed93f3cb-f35e-473f-b9f3-0d451b8b79c6\"}}";
    size_t face = strlen(FACE), len = strlen(head) + count * (face + 1) + strlen(tail), at, i;
    char *body = calloc(len + PADDING, 1);
    if (!body) exit(1);
    at = strlen(head);
    memcpy(body, head, at);
    for (i = 0; i < count; i++) {
        if (i) body[at++] = ',';
        memcpy(body + at, FACE, face);
        at += face;
    }
    memcpy(body + at, tail, strlen(tail));
    *len_out = at + strlen(tail);
    return body;
}

/* A success reply carrying a base64 image, as FaceID sends them (Tencent API 3.0 shape). */
static char *image(size_t bytes, size_t *len_out) {
    const char *head = "{\"Response\":{\"Image\":\"", *tail = "\",\"RequestId\":\"ed93f3cb\"}}";
    const char *b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t at = strlen(head), len = at + bytes + strlen(tail), i;
    char *body = calloc(len + PADDING, 1);
    if (!body) exit(1);
    memcpy(body, head, at);
    for (i = 0; i < bytes; i++) body[at + i] = b64[(i * 7) % 64];
    memcpy(body + at + bytes, tail, strlen(tail));
    *len_out = len;
    return body;
}

/* Tencent's default message for InvalidParameterValue.NoFaceInPhoto is Chinese (24 bytes). */
#define NO_FACE "InvalidParameterValue.NoFaceInPhoto"
#define NO_FACE_ZH "\xe5\x9b\xbe\xe7\x89\x87\xe4\xb8\xad\xe6\xb2\xa1\xe6\x9c\x89\xe4\xba\xba\xe8\x84\xb8\xe3\x80\x82"
#define NO_FACE_EN "There is no face in it. "
#define LIVENESS "FailedOperation.SilentDetectFail"
#define LIVENESS_ZH "\xe9\x9d\x99\xe9\xbb\x98\xe6\xb4\xbb\xe4\xbd\x93\xe6\xa3\x80\xe6\xb5\x8b\xe5\xa4\xb1\xe8\xb4\xa5\xe3\x80\x82"

/* The reply set. An error's text is pretty (as documented); `pretty` 0 sends it compact, as
 * servers do. Faces and images are built by faces() and image(); `divide` scales the rounds. */
enum body_kind { TEXT, FACES, IMAGE };
static const struct reply {
    const char *what;
    const struct shape *shape;
    enum body_kind kind;
    const char *code, *message; /* TEXT: a Tencent error from these, or `message` alone when `code` is NULL */
    int pretty;
    size_t count; /* FACES: faces; IMAGE: bytes */
    long divide;
} REPLIES[] = {
    {"Tencent IAI error, Chinese message, as sent", &TENCENT_IAI, TEXT, NO_FACE, NO_FACE_ZH, 0, 0, 1},
    {"Tencent IAI error, ASCII message, as sent", &TENCENT_IAI, TEXT, NO_FACE, NO_FACE_EN, 0, 0, 1},
    {"Tencent IAI error, Chinese message, pretty", &TENCENT_IAI, TEXT, NO_FACE, NO_FACE_ZH, 1, 0, 1},
    {"Tencent IAI error, ASCII message, pretty", &TENCENT_IAI, TEXT, NO_FACE, NO_FACE_EN, 1, 0, 1},
    {"Tencent FaceID error, Chinese message, as sent", &TENCENT_FACEID, TEXT, LIVENESS, LIVENESS_ZH, 0, 0, 1},
    {"Tencent FaceID error, ASCII message, as sent", &TENCENT_FACEID, TEXT, LIVENESS,
     "Silent liveness detection failed.", 0, 0, 1},
    {"Huawei FRS error (status 400)", &HUAWEI, TEXT, NULL,
     "{\"error_code\":\"FRS.0501\",\"error_msg\":\"Detect no face, check out your picture.\"}", 0, 0, 1},
    {"SOPHON error (status 400)", &SOPHON, TEXT, NULL,
     "{\"error\":{\"code\":\"NO_FACE_ERROR\",\"message\":\"no face detected\"}}", 0, 0, 1},
    {"Tencent IAI success, 10 faces", &TENCENT_IAI, FACES, NULL, NULL, 0, 10, 20},
    {"Tencent IAI success, 2,560 faces (1 MB)", &TENCENT_IAI, FACES, NULL, NULL, 0, 2560, 5000},
    {"Tencent FaceID success, 1 MB base64 image", &TENCENT_FACEID, IMAGE, NULL, NULL, 0, (size_t)1 << 20, 2000},
    {"Tencent FaceID success, 16 MB base64 image", &TENCENT_FACEID, IMAGE, NULL, NULL, 0, (size_t)16 << 20, 0},
};
#define REPLY_COUNT (sizeof REPLIES / sizeof REPLIES[0])

/* Reply r's body, in its own buffer with PADDING readable bytes after it (free() it). */
static char *body_of(const struct reply *r, size_t *len) {
    const char *text;
    char *body;
    if (r->kind == FACES) return faces(r->count, len);
    if (r->kind == IMAGE) return image(r->count, len);
    text = r->code ? tencent_error(r->code, r->message) : r->message;
    *len = strlen(text);
    body = padded(text, *len);
    if (!r->pretty) *len = compact(body, *len);
    return body;
}

/* Two builds of herr, A and B, over every reply: a round times a batch of A's calls and a batch
 * of B's back to back (in turns which first), and keeps B's time over A's. A VM's timings drift
 * by 10% or more between runs; a ratio taken within a few milliseconds does not. Prints, per
 * reply, the median ratio of 301 rounds in each of 11 runs: the median of those, and all 11.
 * (A build's code layout moves its timings too: a ratio under 3% is no finding.) */
typedef herr_response_status_t (*parse_fn)(int, const char *, size_t, int, herr_response_t *);

static parse_fn load(const char *path) {
    void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    void *sym = lib ? dlsym(lib, "herr_parse_response") : NULL;
    parse_fn f;
    if (!sym) {
        fprintf(stderr, "%s: %s\n", path, dlerror());
        exit(1);
    }
    memcpy(&f, &sym, sizeof f); /* ISO C has no cast from an object pointer to a function pointer */
    return f;
}

static double batch(parse_fn f, const struct reply *r, const char *body, size_t len, long n) {
    herr_response_t out;
    long i;
    double start = now();
    for (i = 0; i < n; i++) sink += (size_t)f(r->shape->vendor, body, len, (int)r->shape->status, &out);
    return now() - start;
}

static int ab(const char *old_path, const char *new_path) {
    enum { ROUNDS = 301, RUNS_AB = 11 };
    static double ratio[ROUNDS], medians[RUNS_AB];
    parse_fn a = load(old_path), b = load(new_path);
    size_t r, len;
    int run, round, k;
    printf("B/A: time of %s over %s (median of %d runs; each run's median of %d paired rounds)\n\n", new_path,
           old_path, RUNS_AB, ROUNDS);
    for (r = 0; r < REPLY_COUNT; r++) {
        char *body = body_of(&REPLIES[r], &len);
        /* About 0.2 ms per batch. */
        long n = (long)(2000000 / (len + 200)) + 1;
        herr_response_t out_a, out_b;
        if (a(REPLIES[r].shape->vendor, body, len, (int)REPLIES[r].shape->status, &out_a) !=
                b(REPLIES[r].shape->vendor, body, len, (int)REPLIES[r].shape->status, &out_b) ||
            out_a.code != out_b.code) {
            fprintf(stderr, "%s: the two builds disagree\n", REPLIES[r].what);
            return 1;
        }
        if (len > (size_t)1 << 22) {
            free(body);
            continue; /* 16 MB: a batch of one is all memory bandwidth */
        }
        for (run = 0; run < RUNS_AB; run++) {
            for (round = 0; round < ROUNDS; round++) {
                double ta, tb;
                if (round & 1) {
                    tb = batch(b, &REPLIES[r], body, len, n);
                    ta = batch(a, &REPLIES[r], body, len, n);
                } else {
                    ta = batch(a, &REPLIES[r], body, len, n);
                    tb = batch(b, &REPLIES[r], body, len, n);
                }
                ratio[round] = tb / ta;
            }
            qsort(ratio, ROUNDS, sizeof ratio[0], by_value);
            medians[run] = ratio[ROUNDS / 2];
        }
        qsort(medians, RUNS_AB, sizeof medians[0], by_value);
        printf("%-47s B/A %.3f (", REPLIES[r].what, medians[RUNS_AB / 2]);
        for (k = 0; k < RUNS_AB; k++) printf("%s%.3f", k ? " " : "", medians[k]);
        printf(")\n");
        free(body);
    }
    return 0;
}

static int usage(void) {
    fprintf(stderr, "usage: reply [rounds] | reply --only herr|yyjson N [REPLY] | reply --ab OLD.so NEW.so\n");
    return 2;
}

int main(int argc, char **argv) {
    long rounds = argc > 1 ? atol(argv[1]) : 20000;
    size_t r, len;
    char *body;
    yyjson_allocator = yyjson_alc_dyn_new();
    if (argc == 4 && strcmp(argv[1], "--ab") == 0) return ab(argv[2], argv[3]);
    if (argc >= 4 && strcmp(argv[1], "--only") == 0) {
        /* callgrind: one contender, N times, on one reply (the Chinese IAI error by default). */
        long n = atol(argv[3]), i;
        long (*parse)(const char *, size_t) = strcmp(argv[2], "yyjson") == 0 ? with_yyjson : with_herr;
        r = argc > 4 ? (size_t)atol(argv[4]) : 0;
        if (argc > 5 || r >= REPLY_COUNT || (parse == with_herr && strcmp(argv[2], "herr") != 0)) return usage();
        body = body_of(&REPLIES[r], &len);
        current = REPLIES[r].shape;
        for (i = 0; i < n; i++) sink += (size_t)parse(body, len);
        printf("%s: %ld replies of %zu bytes: %s\n", argv[2], n, len, REPLIES[r].what);
        free(body);
        return 0;
    }
    if (argc > 2) return usage();
    if (rounds < 10) rounds = 10;
    /* Warm up (the CPU's clock, the caches) for a second before measuring. */
    body = body_of(&REPLIES[0], &len);
    current = REPLIES[0].shape;
    {
        double start = now();
        size_t c;
        while (now() - start < 1e9)
            for (c = 0; c < CONTENDER_COUNT; c++) sink += (size_t)CONTENDERS[c].parse(body, len);
    }
    free(body);
    printf("ns per reply: median of %d interleaved runs (fastest-slowest)\n\n", RUNS);
    for (r = 0; r < REPLY_COUNT; r++) {
        body = body_of(&REPLIES[r], &len);
        compare(REPLIES[r].what, REPLIES[r].shape, body, len, REPLIES[r].divide ? rounds / REPLIES[r].divide + 1 : 1);
        free(body);
    }
    return 0;
}
