/*
 * The C API, from C. tests/c_api.rs generates "cases.h" from the fixtures, builds this
 * file against libherr.a, runs it, and compares every line it prints with the Rust API's
 * answer for the same code. The program itself checks what only C can (NULL pointers,
 * integers out of range, buffers that are not NUL-terminated) and exits non-zero on failure.
 *
 * Output: one line per code, tab-separated:
 *   code  message  zh  name  kind  vendor  vendor_code  nearest  nearest_v2  http  retryable  aliases  statuses
 * ("-" for NULL), then "resolved <vendor> <spelling> <code>" per vendor spelling.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "herr.h"
#include "check.h"
#include "cases.h"


static const char *or_dash(const char *s) { return s ? s : "-"; }

/* Prints every answer herr has for `code`. */
static void print_code(long code) {
    const char *aliases[4] = {NULL, NULL, NULL, NULL};
    int statuses[8];
    size_t n_aliases = herr_aliases(code, aliases, 4);
    size_t n_statuses = herr_http_statuses(code, statuses, 8);
    size_t i;

    CHECK(herr_to_string(code) != NULL);
    CHECK(herr_kind_name(herr_kind(code)) != NULL);
    /* English is herr_to_string's very text; a language herr does not know is English. */
    CHECK(herr_to_string_lang(code, HERR_LANG_EN) == herr_to_string(code));
    CHECK(herr_to_string_lang(code, -1) == herr_to_string(code));
    CHECK(herr_to_string_lang(code, HERR_LANG_ZH + 1) == herr_to_string(code));
    CHECK(herr_to_string_lang(code, INT_MAX) == herr_to_string(code));
    CHECK(herr_to_string_lang(code, INT_MIN) == herr_to_string(code));
    CHECK(herr_to_string_lang(code, HERR_LANG_ZH) != NULL);
    CHECK(herr_to_string_lang(code, HERR_LANG_ZH) != herr_to_string(code));
    printf("%ld\t%s\t%s\t%s\t%s\t%d\t%s\t%ld\t%ld\t%d\t%d\t", code, herr_to_string(code),
           herr_to_string_lang(code, HERR_LANG_ZH), or_dash(herr_name(code)),
           herr_kind_name(herr_kind(code)), (int)herr_vendor_of(code), or_dash(herr_vendor_code(code)),
           herr_to_inspireface(code), herr_to_inspireface_v2(code), herr_http_status(code),
           herr_is_retryable(code) ? 1 : 0);
    CHECK(n_aliases <= 4);
    for (i = 0; i < n_aliases && i < 4; i++) printf("%s%s", i ? "," : "", aliases[i]);
    printf("\t");
    CHECK(n_statuses <= 8);
    for (i = 0; i < n_statuses && i < 8; i++) printf("%s%d", i ? "," : "", statuses[i]);
    printf("\n");
}

static void documented_rows(void) {
    size_t i;
    for (i = 0; i < sizeof DOCUMENTED / sizeof DOCUMENTED[0]; i++) {
        long out = -7;
        const char *names[2] = {NULL, NULL};
        CHECK(herr_from_name(DOCUMENTED[i].name, &out));
        CHECK(out == DOCUMENTED[i].value);
        CHECK(herr_from_name(DOCUMENTED[i].name, NULL));
        out = -7;
        CHECK(herr_from_vendor(HERR_VENDOR_INSPIREFACE, DOCUMENTED[i].name, &out) && out == DOCUMENTED[i].value);
        CHECK(herr_from_vendor_number(HERR_VENDOR_INSPIREFACE, DOCUMENTED[i].value, &out) && out == DOCUMENTED[i].value);
        CHECK(herr_aliases(DOCUMENTED[i].value, names, 2) >= 1);
        CHECK(herr_name(DOCUMENTED[i].value) == names[0]);
        CHECK(herr_to_inspireface(DOCUMENTED[i].value) == DOCUMENTED[i].value);
        CHECK(herr_vendor_of(DOCUMENTED[i].value) == HERR_VENDOR_INSPIREFACE);
        print_code(DOCUMENTED[i].value);
    }
    /* The two shared values and their names. */
    CHECK(strcmp(herr_name(1), "HERR_UNKNOWN") == 0);
    CHECK(strcmp(herr_to_string(1), "Unknown error") == 0);
    CHECK(strcmp(herr_name(1300), "HERR_SESS_LANDMARK_NUM_NOT_MATCH") == 0);
    CHECK(strstr(herr_to_string(1300), "landmark") && strstr(herr_to_string(1300), "index"));
}

static void vendor_rows(void) {
    size_t i;
    for (i = 0; i < sizeof VENDOR_CASES / sizeof VENDOR_CASES[0]; i++) {
        long out = -7;
        const char *spelling = VENDOR_CASES[i].spelling;
        int ok = herr_from_vendor(VENDOR_CASES[i].vendor, spelling, &out);
        CHECK(ok);
        printf("resolved\t%d\t%s\t%ld\n", VENDOR_CASES[i].vendor, spelling, ok ? out : -1L);
        if (!ok) continue;
        if (VENDOR_CASES[i].expected >= 0) CHECK(out == VENDOR_CASES[i].expected);
        if (out != HSUCCEED) {
            /* Round trip: vendor and spelling, and the length-taking variant with a longer buffer. */
            size_t len = strlen(spelling);
            char *buffer = (char *)malloc(len + 8);
            long again = -7;
            CHECK(buffer != NULL);
            if (!buffer) continue;
            CHECK((int)herr_vendor_of(out) == VENDOR_CASES[i].vendor);
            /* The code's own spelling names it too. (It is another text for the vendor's other
             * spellings: Huawei's APIGW.NNNN is APIG.NNNN, an older header's name or a hex number
             * of ArcSoft's is its macro name, AWS's namespace# is dropped.) */
            CHECK(herr_vendor_code(out) != NULL);
            again = -7;
            CHECK(herr_from_vendor(VENDOR_CASES[i].vendor, herr_vendor_code(out), &again) && again == out);
            again = -7;
            if (VENDOR_CASES[i].vendor != HERR_VENDOR_INSPIREFACE_V2) {
                CHECK(herr_name(out) == NULL);
                /* A vendor's code reads in 1.2.3+'s numbering through its nearest code. */
                CHECK(herr_to_inspireface_v2(out) == herr_to_inspireface_v2(herr_to_inspireface(out)));
            }
            memcpy(buffer, spelling, len);
            memcpy(buffer + len, "\",\"x\":1", 8);
            CHECK(herr_from_vendor_n(VENDOR_CASES[i].vendor, buffer, len, &again) && again == out);
            again = -7;
            CHECK(!herr_from_vendor_n(VENDOR_CASES[i].vendor, buffer, len + 1, &again) && again == -7);
            again = -7;
            (void)herr_from_vendor_n(VENDOR_CASES[i].vendor, buffer, len - 1, &again);
            CHECK(again != out); /* a shorter text may name another code, never this one */
            free(buffer);
            print_code(out);
        }
    }
}

/* Buffers exactly `len` bytes long, not NUL-terminated: under valgrind any read past them fails. */
static void exact_buffers(void) {
    static const char *const texts[] = {"FRS.0501", "NO_FACE_ERROR", "2016", "1", "", "A", "APIGW.0201"};
    static const int vendors[] = {HERR_VENDOR_HUAWEI_FRS, HERR_VENDOR_SOPHON, HERR_VENDOR_TENCENT_FACEID_SAAS,
                                  HERR_VENDOR_TENCENT_FACEID_SAAS, HERR_VENDOR_SOPHON, HERR_VENDOR_TENCENT_IAI,
                                  HERR_VENDOR_HUAWEI_FRS};
    static const int found[] = {1, 1, 1, 1, 0, 0, 1};
    size_t i;
    for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        size_t len = strlen(texts[i]);
        char *exact = (char *)malloc(len ? len : 1);
        long out = -7;
        int v;
        CHECK(exact != NULL);
        if (!exact) continue;
        memcpy(exact, texts[i], len);
        for (v = -1; v <= HERR_VENDOR_COUNT; v++) (void)herr_from_vendor_n(v, exact, len, &out);
        CHECK(herr_from_vendor_n(vendors[i], exact, len, &out) == found[i]);
        free(exact);
    }
}

static void null_and_out_of_range(void) {
    static const long extremes[] = {LONG_MAX, LONG_MIN, -LONG_MAX, -1, 24, 999999, 1000000, 1000042,
                                    2999999, 5100000, 6000000, 6000102, HERR_VENDOR_COUNT * 1000000L,
                                    INT_MAX, INT_MIN, -INT_MAX};
    static const int bad_vendors[] = {-2, -1, HERR_VENDOR_COUNT, HERR_VENDOR_COUNT + 1, 1000, INT_MAX, INT_MIN};
    const char *names[2] = {"untouched", "untouched"};
    int statuses[2] = {-7, -7};
    long out = -7;
    size_t i, j;

    for (i = 0; i < sizeof extremes / sizeof extremes[0]; i++) {
        long c = extremes[i];
        CHECK(strcmp(herr_to_string(c), "Unknown error code") == 0);
        CHECK(herr_name(c) == NULL);
        CHECK(herr_vendor_code(c) == NULL);
        CHECK(herr_kind(c) == HERR_KIND_UNKNOWN);
        CHECK(herr_to_inspireface(c) == HERR_UNKNOWN);
        CHECK(herr_to_inspireface_v2(c) == HERR_UNKNOWN);
        CHECK(herr_http_status(c) == 0);
        CHECK(!herr_is_retryable(c));
        CHECK(herr_aliases(c, names, 2) == 0 && strcmp(names[0], "untouched") == 0);
        CHECK(herr_http_statuses(c, statuses, 2) == 0 && statuses[0] == -7);
        CHECK(!herr_from_vendor_number(HERR_VENDOR_INSPIREFACE, c, &out) && out == -7);
        if (c < 0 || c > 9999) { /* small numbers are codes of the numbered vendors */
            CHECK(!herr_from_vendor_number(HERR_VENDOR_TENCENT_FACEID_SAAS, c, &out) && out == -7);
            CHECK(!herr_from_vendor_number(HERR_VENDOR_INSPIREFACE_V2, c, &out) && out == -7);
        }
        print_code(c);
    }
    CHECK(herr_vendor_of(LONG_MAX) == HERR_VENDOR_UNKNOWN);
    CHECK(herr_vendor_of(LONG_MIN) == HERR_VENDOR_UNKNOWN);
    CHECK(herr_vendor_of(-1) == HERR_VENDOR_UNKNOWN);
    CHECK(herr_vendor_of(1000042) == HERR_VENDOR_SOPHON); /* by range, known or not */
    CHECK(herr_vendor_of(24) == HERR_VENDOR_INSPIREFACE_V2);  /* InspireFace 1.2.3+'s range, unused */
    CHECK(herr_vendor_of(1279) == HERR_VENDOR_INSPIREFACE_V2);
    CHECK(herr_vendor_of(25) == HERR_VENDOR_INSPIREFACE && herr_vendor_of(99) == HERR_VENDOR_INSPIREFACE);
    CHECK(herr_vendor_of(2) == HERR_VENDOR_INSPIREFACE && herr_vendor_of(1280) == HERR_VENDOR_INSPIREFACE);

    /* NULL for every pointer argument. */
    CHECK(!herr_from_name(NULL, &out) && out == -7);
    CHECK(!herr_from_name(NULL, NULL));
    CHECK(herr_aliases(1, NULL, 2) == 2);
    CHECK(herr_aliases(1300, NULL, 0) == 2);
    CHECK(herr_http_statuses(5100201, NULL, 8) == 7);
    for (j = 0; j < HERR_VENDOR_COUNT; j++) {
        CHECK(!herr_from_vendor((int)j, NULL, &out) && out == -7);
        CHECK(!herr_from_vendor_n((int)j, NULL, 4, &out) && out == -7);
        CHECK(!herr_from_vendor_n((int)j, NULL, 0, &out) && out == -7);
        CHECK(!herr_from_vendor((int)j, "", &out) && out == -7);
        CHECK(!herr_from_vendor((int)j, "\xff\xfe garbage \x80", &out) && out == -7);
        CHECK(herr_vendor_enabled((int)j));
    }
    CHECK(herr_from_vendor(HERR_VENDOR_SOPHON, "NO_FACE_ERROR", NULL));
    CHECK(herr_from_vendor_n(HERR_VENDOR_SOPHON, "NO_FACE_ERROR", 13, NULL));
    CHECK(herr_from_vendor_number(HERR_VENDOR_TENCENT_FACEID_SAAS, 2016, NULL));
    CHECK(!herr_from_vendor_n(HERR_VENDOR_SOPHON, "NO_FACE_ERROR", (size_t)-1, &out) && out == -7);

    /* Enum values that come from C are integers, checked. */
    for (i = 0; i < sizeof bad_vendors / sizeof bad_vendors[0]; i++) {
        int v = bad_vendors[i];
        CHECK(!herr_from_vendor(v, "NO_FACE_ERROR", &out) && out == -7);
        CHECK(!herr_from_vendor_n(v, "2016", 4, &out) && out == -7);
        CHECK(!herr_from_vendor_number(v, 2016, &out) && out == -7);
        CHECK(strcmp(herr_vendor_name(v), "unknown") == 0);
        CHECK(!herr_vendor_enabled(v));
    }
    CHECK(strcmp(herr_kind_name(-1), "UNKNOWN") == 0);
    CHECK(strcmp(herr_kind_name(INT_MAX), "UNKNOWN") == 0);
    CHECK(strcmp(herr_kind_name(INT_MIN), "UNKNOWN") == 0);
    CHECK(strcmp(herr_kind_name(HERR_KIND_CANCELLED + 1), "UNKNOWN") == 0);
    CHECK(strcmp(herr_kind_name(HERR_KIND_NO_FACE), "NO_FACE") == 0);
    CHECK(strcmp(herr_vendor_name(HERR_VENDOR_HUAWEI_FRS), "huawei-frs") == 0);
    CHECK(herr_version() != NULL && herr_version()[0] != '\0');
    {
        /* The header's version macros are the library's version. */
        char version[32];
        snprintf(version, sizeof version, "%d.%d.%d", HERR_VERSION_MAJOR, HERR_VERSION_MINOR, HERR_VERSION_PATCH);
        CHECK(strcmp(version, HERR_VERSION_STRING) == 0);
        CHECK(strcmp(herr_version(), HERR_VERSION_STRING) == 0);
    }

    /* Locale names: simplified Chinese in UTF-8 only (Windows names: its Chinese code pages too);
       NULL and the rest are English. */
    {
        static const char *const zh[] = {"zh", "zh_CN", "zh_CN.UTF-8", "zh_CN.utf8", "zh_SG", "zh-Hans", "zh-Hans-CN", "ZH_cn",
                                         "Chinese (Simplified)_China.936", "Chinese_China.936", "zh-CN.utf8",
                                         "Chinese (Simplified)_People's Republic of China.utf8"};
        static const char *const en[] = {"", "C", "POSIX", "en_US.UTF-8", "zh_TW", "zh_TW.UTF-8", "zh_HK", "zh-Hant",
                                         "zh_CN.GB18030", "zh_CN.GBK", "zh_", "zhx", "\xff\xfe", "zh_CN_SG",
                                         "Chinese (Traditional)_Taiwan.950", "English_United States.1252"};
        CHECK(herr_lang_from_locale(NULL) == HERR_LANG_EN);
        for (i = 0; i < sizeof zh / sizeof zh[0]; i++) CHECK(herr_lang_from_locale(zh[i]) == HERR_LANG_ZH);
        for (i = 0; i < sizeof en / sizeof en[0]; i++) CHECK(herr_lang_from_locale(en[i]) == HERR_LANG_EN);
        CHECK(strcmp(herr_to_string_lang(LONG_MAX, HERR_LANG_ZH), "\xe6\x9c\xaa\xe7\x9f\xa5\xe7\x9a\x84\xe9\x94\x99\xe8\xaf\xaf\xe7\xa0\x81") == 0);
        CHECK(herr_to_string_lang(HERR_SESS_REC_BLOCK_FULL, HERR_LANG_ZH) ==
              herr_to_string_lang(HERR_SESS_REC_BLOCK_FULL, HERR_LANG_ZH));
    }

    /* Static strings: the same pointer every time. */
    CHECK(herr_to_string(HERR_SESS_REC_BLOCK_FULL) == herr_to_string(HERR_SESS_REC_BLOCK_FULL));
}

/* InspireFace 1.2.3 and later renumbered its codes. Every function answers for each of its
 * numbers, as InspireFace returns it, what it answers for the code herr_from_vendor_number
 * gives that number; herr_vendor_of and herr_vendor_code say which numbering it is. */
static void renumbered(void) {
    static const int statuses[] = {0, 200, 400, 413, 500, 504, -1, 65536, INT_MAX, INT_MIN};
    size_t i, k;
    for (i = 0; i < sizeof V2_NUMBERS / sizeof V2_NUMBERS[0]; i++) {
        long n = V2_NUMBERS[i].number, c = -7, out = -7;
        const char *a[4] = {NULL, NULL, NULL, NULL}, *b[4] = {NULL, NULL, NULL, NULL};
        int sa[8] = {0}, sb[8] = {0};
        CHECK(herr_from_vendor_number(HERR_VENDOR_INSPIREFACE_V2, n, &c));
        CHECK(strcmp(herr_to_string(n), "Unknown error code") != 0);
        if (n > 2 && herr_aliases(c, NULL, 0) > 1) {
            /* A code that releases up to 1.2.2 name twice (1300) has one name and one meaning
             * in 1.2.3 and later (105): its text is the first part of the code's. */
            size_t len = strlen(herr_to_string(n));
            CHECK(herr_aliases(n, a, 4) == 1 && strcmp(a[0], V2_NUMBERS[i].name) == 0);
            CHECK(len < strlen(herr_to_string(c)) && strncmp(herr_to_string(n), herr_to_string(c), len) == 0);
            CHECK(herr_to_string_lang(n, HERR_LANG_ZH) != herr_to_string_lang(c, HERR_LANG_ZH));
        } else {
            CHECK(herr_to_string(n) == herr_to_string(c));
            CHECK(herr_to_string_lang(n, HERR_LANG_ZH) == herr_to_string_lang(c, HERR_LANG_ZH));
            CHECK(herr_to_string_lang(n, HERR_LANG_EN) == herr_to_string_lang(c, HERR_LANG_EN));
            CHECK(herr_name(n) == herr_name(c));
            CHECK(herr_aliases(n, a, 4) == herr_aliases(c, b, 4));
            for (k = 0; k < 4; k++) CHECK(a[k] == b[k]);
        }
        CHECK(herr_kind(n) == herr_kind(c));
        CHECK(herr_to_inspireface(n) == herr_to_inspireface(c));
        CHECK(herr_http_status(n) == herr_http_status(c));
        CHECK(herr_http_statuses(n, sa, 8) == herr_http_statuses(c, sb, 8));
        for (k = 0; k < 8; k++) CHECK(sa[k] == sb[k]);
        CHECK(herr_is_retryable(n) == herr_is_retryable(c));
        for (k = 0; k < sizeof statuses / sizeof statuses[0]; k++)
            CHECK(herr_for_status(n, statuses[k]) == herr_for_status(c, statuses[k]));
        /* Both numberings: the number as it comes and its herr code give the number back. */
        CHECK(herr_to_inspireface_v2(n) == n);
        CHECK(herr_to_inspireface_v2(c) == n);
        if (n > 2) {
            CHECK(herr_vendor_code(n) != NULL && strcmp(herr_vendor_code(n), V2_NUMBERS[i].name) == 0);
            /* Its name in its numbering, whichever release brought it (351: HERR_EXTENSION_ERROR). */
            CHECK(herr_name(n) != NULL && strcmp(herr_name(n), V2_NUMBERS[i].name) == 0);
            /* 0, 1 and 2 mean the same in both numberings; every other number is 1.2.3+'s own. */
            CHECK(herr_vendor_of(n) == HERR_VENDOR_INSPIREFACE_V2);
            CHECK(!herr_from_vendor_number(HERR_VENDOR_INSPIREFACE, n, &out) && out == -7);
            CHECK(herr_from_vendor(HERR_VENDOR_INSPIREFACE_V2, V2_NUMBERS[i].name, &out) && out == c);
            out = -7;
            /* Every name of every release is an InspireFace name herr_from_name knows. */
            CHECK(herr_from_name(V2_NUMBERS[i].name, &out) && out == c);
            if (herr_vendor_of(c) == HERR_VENDOR_INSPIREFACE_V2) {
                /* A code only 1.2.3 and later have: its herr code has the same name. */
                CHECK(herr_name(c) != NULL && strcmp(herr_name(c), V2_NUMBERS[i].name) == 0);
                CHECK(herr_aliases(c, NULL, 0) == 1);
                CHECK(c == 6000000L + n);
            }
        } else {
            CHECK(herr_vendor_of(n) == HERR_VENDOR_INSPIREFACE && c == n);
        }
    }
    /* A name of both numberings still names herr's own code. */
    {
        long code = -7;
        CHECK(herr_from_name("HERR_SESS_TRACKER_FAILURE", &code) && code == 1283);
        CHECK(!herr_from_vendor(HERR_VENDOR_INSPIREFACE, "102", &code) && code == 1283);
        /* Numbers are not names. */
        CHECK(!herr_from_name("102", &code) && !herr_from_name("6000351", &code) && code == 1283);
        CHECK(!herr_from_name("HERR_UNSUPPORTED ", &code) && !herr_from_name("herr_unsupported", &code));
    }
    /* Every code of releases up to 1.2.2 has a number in 1.2.3 and later: its own (1283: 102),
     * or its nearest code's there where 1.2.3 removed it (1304: 202). */
    for (i = 0; i < sizeof DOCUMENTED / sizeof DOCUMENTED[0]; i++) {
        long v2 = herr_to_inspireface_v2(DOCUMENTED[i].value), c = -7;
        int listed = 0;
        for (k = 0; k < sizeof V2_NUMBERS / sizeof V2_NUMBERS[0]; k++) listed |= V2_NUMBERS[k].number == v2;
        CHECK(listed);
        CHECK(herr_from_vendor_number(HERR_VENDOR_INSPIREFACE_V2, v2, &c));
    }
    CHECK(herr_to_inspireface_v2(HERR_SESS_REC_BLOCK_FULL) == 202);
    CHECK(herr_to_inspireface_v2(HSUCCEED) == 0);
    /* The release the tables match, and a number of a module that no release herr knows uses. */
    CHECK(strcmp(herr_inspireface_release(), EXPECTED_INSPIREFACE_RELEASE) == 0);
    CHECK(herr_inspireface_release() == herr_inspireface_release());
    CHECK(herr_vendor_of(249) == HERR_VENDOR_INSPIREFACE_V2 && herr_kind(249) == HERR_KIND_UNKNOWN);
    CHECK(strcmp(herr_to_string(249), "Unknown error code") == 0 && herr_name(249) == NULL);
}

/* Every kind name, as curl's test prints every code. */
static void kinds(void) {
    int k;
    for (k = -1; k <= HERR_KIND_CANCELLED + 1; k++) printf("kind\t%d\t%s\n", k, herr_kind_name(k));
    for (k = -1; k <= HERR_VENDOR_COUNT; k++) printf("vendor\t%d\t%s\n", k, herr_vendor_name(k));
}

/* Every number of InspireFace's range that its codes use, and the ones around them. */
static void inspireface_range(void) {
    long c;
    for (c = -2; c <= 2400; c++) print_code(c);
}

int main(void) {
    documented_rows();
    vendor_rows();
    exact_buffers();
    null_and_out_of_range();
    kinds();
    renumbered();
    inspireface_range();
    if (failures) fprintf(stderr, "%d checks failed\n", failures);
    return failures ? 1 : 0;
}
