/*
 * A build with some vendor tables left out (cargo features off): the library still answers
 * for InspireFace's codes, and for the missing vendors every lookup reports failure.
 * ENABLED_VENDOR is the one vendor whose feature is on (-1: none).
 */
#include <stdio.h>
#include <string.h>

#include "herr.h"
#include "check.h"

#ifndef ENABLED_VENDOR
#define ENABLED_VENDOR (-1)
#endif


static const struct {
    int vendor;
    const char *text;
    long code;
} PROBES[] = {
    {HERR_VENDOR_SOPHON, "NO_FACE_ERROR", 1000034},
    {HERR_VENDOR_TENCENT_IAI, "InvalidParameterValue.NoFaceInPhoto", 2000062},
    {HERR_VENDOR_TENCENT_FACEID, "FailedOperation.CompareLowSimilarity", 3000006},
    {HERR_VENDOR_TENCENT_FACEID_SAAS, "2016", 4002016},
    {HERR_VENDOR_HUAWEI_FRS, "FRS.0501", 5000501},
    {HERR_VENDOR_INSPIREFACE_V2, "HERR_EXTENSION_ERROR", 6000351},
};

int main(void) {
    size_t i;
    long out;
    CHECK(herr_vendor_enabled(HERR_VENDOR_INSPIREFACE));
    for (i = 0; i < sizeof PROBES / sizeof PROBES[0]; i++) {
        int on = PROBES[i].vendor == ENABLED_VENDOR;
        long code = PROBES[i].code;
        out = -7;
        CHECK(herr_vendor_enabled(PROBES[i].vendor) == on);
        CHECK(herr_from_vendor(PROBES[i].vendor, PROBES[i].text, &out) == on);
        CHECK(out == (on ? code : -7));
        CHECK(herr_vendor_of(code) == PROBES[i].vendor); /* ranges do not depend on tables */
        CHECK((strcmp(herr_to_string(code), "Unknown error code") != 0) == on);
        CHECK((herr_vendor_code(code) != NULL) == on);
        CHECK((herr_kind(code) != HERR_KIND_UNKNOWN) == on);
    }
    out = -7;
    CHECK(herr_from_vendor_number(HERR_VENDOR_TENCENT_FACEID_SAAS, 2016, &out) == (ENABLED_VENDOR == HERR_VENDOR_TENCENT_FACEID_SAAS));
    CHECK(herr_from_vendor_number(HERR_VENDOR_INSPIREFACE_V2, 102, NULL) == (ENABLED_VENDOR == HERR_VENDOR_INSPIREFACE_V2));
    /* InspireFace's codes are always there. */
    CHECK(herr_from_vendor(HERR_VENDOR_INSPIREFACE, "HERR_SESS_REC_BLOCK_FULL", &out) && out == 1304);
    CHECK(strcmp(herr_to_string(HERR_SESS_REC_BLOCK_FULL), "Feature vector block full") == 0);
    CHECK(herr_kind(HERR_ARCHIVE_NOT_LOAD) == HERR_KIND_NOT_READY);
    CHECK(strcmp(herr_name(1300), "HERR_SESS_LANDMARK_NUM_NOT_MATCH") == 0);
    return failures ? 1 : 0;
}
