/*
 * One error from each service, turned into a herr code and handled by one switch.
 *
 * Each vendor reports errors its own way; herr_from_vendor takes the vendor's own
 * spelling and gives a `long` in the same space as InspireFace's codes, without losing
 * which error it was. Every herr function then answers for it.
 */
#include <stdio.h>
#include <string.h>

#include "herr.h"

/* What the caller's code has in hand after parsing each service's reply. */
static const struct {
    int vendor;
    const char *code; /* NULL: a numeric code, in `number` */
    long number;
    const char *where;
} ERRORS[] = {
    {HERR_VENDOR_SOPHON, "NO_FACE_ERROR", 0, "SOPHON box: {\"error\":{\"code\":\"NO_FACE_ERROR\"}}"},
    {HERR_VENDOR_TENCENT_IAI, "InvalidParameterValue.NoFaceInPhoto", 0, "Tencent IAI: Response.Error.Code"},
    {HERR_VENDOR_TENCENT_FACEID, "FailedOperation.CompareLowSimilarity", 0, "Tencent FaceID: Response.Error.Code"},
    {HERR_VENDOR_TENCENT_FACEID_SAAS, NULL, 1207, "Tencent FaceID SaaS: LiveErrorCode"},
    {HERR_VENDOR_HUAWEI_FRS, "APIG.0308", 0, "Huawei gateway, HTTP 429: error_code"},
    {HERR_VENDOR_HUAWEI_FRS, "FRS.0202", 0, "Huawei FRS, HTTP 400: error_code"},
    {HERR_VENDOR_INSPIREFACE_V2, NULL, 102, "InspireFace 1.2.3+: HResult"},
};

static const char *next_step(long code) {
    switch (herr_kind(code)) {
    case HERR_KIND_OK: return "nothing to do";
    case HERR_KIND_NO_FACE: return "ask the user to face the camera";
    case HERR_KIND_MULTIPLE_FACES: return "ask for one face only";
    case HERR_KIND_FACE_QUALITY: return "ask for a better capture";
    case HERR_KIND_LIVENESS_FAILED: return "run the liveness capture again";
    case HERR_KIND_MATCH_FAILED: return "not the same person";
    case HERR_KIND_RATE_LIMITED: return "back off, then retry";
    case HERR_KIND_UNAUTHENTICATED: return "get new credentials";
    case HERR_KIND_ACCOUNT: return "fix the account (billing, activation)";
    case HERR_KIND_NOT_READY: return "initialise, then retry";
    default: return herr_is_retryable(code) ? "retry later" : "log it and give up";
    }
}

int main(void) {
    size_t i;
    for (i = 0; i < sizeof ERRORS / sizeof ERRORS[0]; i++) {
        long code = 0;
        int ok = ERRORS[i].code ? herr_from_vendor(ERRORS[i].vendor, ERRORS[i].code, &code)
                                : herr_from_vendor_number(ERRORS[i].vendor, ERRORS[i].number, &code);
        if (!ok) {
            printf("%s: not a code herr knows\n", ERRORS[i].where);
            continue;
        }
        printf("%s\n", ERRORS[i].where);
        printf("  herr code %ld (%s %s): %s\n", code, herr_vendor_name(herr_vendor_of(code)), herr_vendor_code(code),
               herr_to_string(code));
        printf("  kind %s, nearest InspireFace code %s, HTTP %d, retry %s\n", herr_kind_name(herr_kind(code)),
               herr_name(herr_to_inspireface(code)), herr_http_status(code), herr_is_retryable(code) ? "yes" : "no");
        printf("  -> %s\n", next_step(code));
    }
    return 0;
}
