/*
 * Reading cloud and edge face services' HTTP replies with herr, without a JSON library.
 *
 * herr_parse_response takes the body as it came off the socket (pointer and length, no NUL
 * needed), the HTTP status, and the vendor, and answers with a herr code, the vendor's own code,
 * its message and the request id, as slices of the body: no allocation, no copy.
 */
#include <stdio.h>
#include <string.h>

#include "herr.h"

struct reply {
    int vendor;
    int http_status;
    const char *body;
};

static const struct reply REPLIES[] = {
    {HERR_VENDOR_TENCENT_IAI, 200,
     "{\"Response\":{\"Error\":{\"Code\":\"InvalidParameterValue.NoFaceInPhoto\","
     "\"Message\":\"\\u56fe\\u7247\\u4e2d\\u6ca1\\u6709\\u4eba\\u8138\"},\"RequestId\":\"4a7d-11\"}}"},
    {HERR_VENDOR_TENCENT_FACEID, 200,
     "{\"Response\":{\"Result\":\"FailedOperation.CompareLowSimilarity\",\"Description\":\"too different\","
     "\"Sim\":41.2,\"RequestId\":\"9f3e\"}}"},
    {HERR_VENDOR_HUAWEI_FRS, 413, "{\"error_code\":\"APIG.0201\",\"error_msg\":\"Request entity too large\"}"},
    {HERR_VENDOR_HUAWEI_FRS, 429, "{\"error_code\":\"APIG.0308\",\"error_msg\":\"The throttling threshold has been reached\"}"},
    {HERR_VENDOR_SOPHON, 200, "{\"error\":{\"code\":\"LOW_QUALITY_ERROR\",\"message\":\"headpose,clarity\"}}"},
    {HERR_VENDOR_TENCENT_IAI, 200, "{\"Response\":{\"FaceInfos\":[{\"X\":12,\"Y\":40}],\"RequestId\":\"77\"}}"},
    {HERR_VENDOR_HUAWEI_FRS, 502, "<html><body><h1>502 Bad Gateway</h1></body></html>"},
};

static const char *next_step(long code) {
    switch (herr_kind(code)) {
    case HERR_KIND_OK: return "carry on";
    case HERR_KIND_NO_FACE: return "ask the user to face the camera";
    case HERR_KIND_FACE_QUALITY: return "capture again, in better light";
    case HERR_KIND_MATCH_FAILED: return "not the same person: refuse";
    case HERR_KIND_RATE_LIMITED: return "back off, then retry";
    case HERR_KIND_IMAGE_SIZE: return "resize the image";
    default: return herr_is_retryable(code) ? "retry" : "log it";
    }
}

int main(void) {
    size_t i;
    for (i = 0; i < sizeof REPLIES / sizeof REPLIES[0]; i++) {
        herr_response_t out;
        char message[128];
        const struct reply *r = &REPLIES[i];
        herr_response_status_t status = herr_parse_response(r->vendor, r->body, strlen(r->body), r->http_status, &out);
        printf("%s, HTTP %d:\n", herr_vendor_name(r->vendor), r->http_status);
        if (status < 0) {
            /* Not a reply of this vendor: a proxy's page, a truncated read, ... */
            printf("  not understood (status %d): treat as a transport error\n\n", (int)status);
            continue;
        }
        herr_json_unescape(out.message, out.message_len, message, sizeof message);
        printf("  herr code %ld (%s%.*s%s)%s: %s\n", out.code, out.vendor_code ? "\"" : "", (int)out.vendor_code_len,
               out.vendor_code ? out.vendor_code : "", out.vendor_code ? "\"" : "success",
               status == HERR_RESPONSE_UNKNOWN_CODE ? " [a code this herr does not know]" : "", herr_to_string(out.code));
        if (out.message) printf("  vendor's message: %s\n", message);
        if (out.request_id) printf("  request id: %.*s\n", (int)out.request_id_len, out.request_id);
        printf("  kind %s -> %s\n\n", herr_kind_name(herr_kind(out.code)), next_step(out.code));
    }
    return 0;
}
