/*
 * herr_parse_response, herr_json_unescape and herr_for_status from C: every reply fixture
 * (replies.h, written by tests/c_api.rs with the Rust API's answers), each body in a buffer of
 * exactly its length (valgrind would see a read past it), every proper prefix refused, and
 * every argument a caller can get wrong.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "herr.h"
#include "check.h"
#include "replies.h"

/* A copy of the n bytes at p in a buffer of exactly n bytes (not NUL-terminated). */
static char *exact(const char *p, size_t n) {
    char *copy = malloc(n ? n : 1);
    if (n) memcpy(copy, p, n);
    return copy;
}

static int same_slice(const char *p, size_t n, const char *want, long want_len) {
    if (want_len < 0) return p == NULL && n == 0;
    return p != NULL && n == (size_t)want_len && memcmp(p, want, n) == 0;
}

static void check_untouched(const herr_response_t *out) {
    CHECK(out->code == -7 && out->vendor_code == NULL && out->vendor_code_len == 77);
}

static herr_response_t sentinel(void) {
    herr_response_t out;
    memset(&out, 0, sizeof out);
    out.code = -7;
    out.vendor_code_len = 77;
    return out;
}

int main(void) {
    size_t i, cut;
    herr_response_t out;
    char buf[64];

    for (i = 0; i < sizeof REPLIES / sizeof REPLIES[0]; i++) {
        char *body = exact(REPLIES[i].body, REPLIES[i].len);
        out = sentinel();
        herr_response_status_t status = herr_parse_response(REPLIES[i].vendor, body, REPLIES[i].len, REPLIES[i].http, &out);
        CHECK(status == REPLIES[i].status);
        if (status >= 0) {
            CHECK(out.code == REPLIES[i].code);
            CHECK(same_slice(out.vendor_code, out.vendor_code_len, REPLIES[i].vendor_code, REPLIES[i].vendor_code_len));
            CHECK(same_slice(out.message, out.message_len, REPLIES[i].message, REPLIES[i].message_len));
            CHECK(same_slice(out.request_id, out.request_id_len, REPLIES[i].request_id, REPLIES[i].request_id_len));
            /* The slices point into the body. */
            CHECK(out.vendor_code == NULL || (out.vendor_code >= body && out.vendor_code + out.vendor_code_len <= body + REPLIES[i].len));
            CHECK(out.message == NULL || (out.message >= body && out.message + out.message_len <= body + REPLIES[i].len));
        } else {
            check_untouched(&out);
        }
        /* Every proper prefix of the object (whitespace may follow it), in a buffer of exactly
         * its length, is refused. */
        if (status >= 0) {
            size_t end = REPLIES[i].len;
            while (end > 0 && body[end - 1] != '}') end--;
            for (cut = 0; cut < end; cut++) {
                char *prefix = exact(body, cut);
                out = sentinel();
                CHECK(herr_parse_response(REPLIES[i].vendor, prefix, cut, REPLIES[i].http, &out) < 0);
                check_untouched(&out);
                free(prefix);
            }
        }
        free(body);
    }

    /* Arguments a caller can get wrong. */
    {
        static const char body[] = "{\"error_code\":\"FRS.0501\"}";
        static const int bad_vendors[] = {-1, HERR_VENDOR_COUNT, HERR_VENDOR_COUNT + 1, INT_MAX, INT_MIN};
        out = sentinel();
        CHECK(herr_parse_response(HERR_VENDOR_HUAWEI_FRS, NULL, 5, 400, &out) == HERR_RESPONSE_INVALID_ARGUMENT);
        check_untouched(&out);
        CHECK(herr_parse_response(HERR_VENDOR_HUAWEI_FRS, NULL, 0, 400, &out) == HERR_RESPONSE_NOT_JSON);
        check_untouched(&out);
        CHECK(herr_parse_response(HERR_VENDOR_HUAWEI_FRS, body, sizeof body - 1, 400, NULL) == HERR_RESPONSE_INVALID_ARGUMENT);
        for (i = 0; i < sizeof bad_vendors / sizeof bad_vendors[0]; i++) {
            CHECK(herr_parse_response(bad_vendors[i], body, sizeof body - 1, 400, &out) == HERR_RESPONSE_INVALID_ARGUMENT);
            check_untouched(&out);
        }
        CHECK(herr_parse_response(HERR_VENDOR_INSPIREFACE, body, sizeof body - 1, 400, &out) == HERR_RESPONSE_UNSUPPORTED_VENDOR);
        CHECK(herr_parse_response(HERR_VENDOR_TENCENT_FACEID_SAAS, body, sizeof body - 1, 400, &out) == HERR_RESPONSE_UNSUPPORTED_VENDOR);
        CHECK(herr_parse_response(HERR_VENDOR_INSPIREFACE_V2, body, sizeof body - 1, 400, &out) == HERR_RESPONSE_UNSUPPORTED_VENDOR);
        check_untouched(&out);
        /* A status that is neither 0 nor 100 to 599 is refused, and *out stays untouched. */
        {
            static const int not_statuses[] = {-1, 1, 99, 600, 65535, 65536, INT_MAX, INT_MIN};
            for (i = 0; i < sizeof not_statuses / sizeof not_statuses[0]; i++) {
                CHECK(herr_parse_response(HERR_VENDOR_HUAWEI_FRS, "{}", 2, not_statuses[i], &out) == HERR_RESPONSE_INVALID_ARGUMENT);
                check_untouched(&out);
            }
        }
        CHECK(herr_parse_response(HERR_VENDOR_HUAWEI_FRS, "{}", 2, 0, &out) == HERR_RESPONSE_OK && out.code == HSUCCEED);
        CHECK(herr_parse_response(HERR_VENDOR_HUAWEI_FRS, "{}", 2, 503, &out) == HERR_RESPONSE_NO_CODE);
        /* Garbage, and a NUL inside the body. */
        CHECK(herr_parse_response(HERR_VENDOR_SOPHON, "\x00\xff\x80", 3, 200, &out) == HERR_RESPONSE_NOT_JSON);
        CHECK(herr_parse_response(HERR_VENDOR_SOPHON, "{\"a\":\"\x00\"}", 9, 200, &out) == HERR_RESPONSE_NOT_JSON);
    }

    /* herr_json_unescape: snprintf's rule. */
    {
        static const char msg[] = "ab\\u4eba";                /* "ab" + U+4EBA (3 bytes): 5 bytes */
        CHECK(herr_json_unescape(msg, sizeof msg - 1, NULL, 0) == 5);
        CHECK(herr_json_unescape(msg, sizeof msg - 1, NULL, 100) == 5);
        memset(buf, 'x', sizeof buf);
        CHECK(herr_json_unescape(msg, sizeof msg - 1, buf, 1) == 5 && buf[0] == '\0' && buf[1] == 'x');
        memset(buf, 'x', sizeof buf);
        CHECK(herr_json_unescape(msg, sizeof msg - 1, buf, 5) == 5 && strcmp(buf, "ab") == 0 && buf[3] == 'x');
        CHECK(herr_json_unescape(msg, sizeof msg - 1, buf, 6) == 5 && strcmp(buf, "ab\xe4\xba\xba") == 0);
        CHECK(herr_json_unescape(NULL, 10, buf, sizeof buf) == 0 && buf[0] == '\0');
        CHECK(herr_json_unescape("\\ud83d", 6, buf, sizeof buf) == 3 && strcmp(buf, "\xef\xbf\xbd") == 0);
        CHECK(herr_json_unescape("\\", 1, buf, sizeof buf) == 3);
        CHECK(herr_json_unescape("a\\nb", 4, buf, sizeof buf) == 3 && strcmp(buf, "a\nb") == 0);
    }

    /* herr_for_status: the meanings of APIG.0201 by status. */
    CHECK(herr_for_status(5100201, 413) == 5110001);
    CHECK(herr_for_status(5100201, 504) == 5110002);
    CHECK(herr_for_status(5100201, 200) == 5100201);
    CHECK(herr_for_status(5100201, 0) == 5100201);
    CHECK(herr_for_status(5100201, -413) == 5100201);
    CHECK(herr_for_status(5000501, 413) == 5000501);
    CHECK(herr_for_status(-5, 413) == -5);
    CHECK(herr_for_status(LONG_MAX, 413) == LONG_MAX);
    CHECK(herr_kind(5110001) == HERR_KIND_IMAGE_SIZE && !herr_is_retryable(5110001));
    CHECK(herr_kind(5110002) == HERR_KIND_TIMEOUT && herr_is_retryable(5110002));
    CHECK(strcmp(herr_vendor_code(5110001), "APIG.0201") == 0);
    return failures ? 1 : 0;
}
