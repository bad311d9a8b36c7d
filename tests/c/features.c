/*
 * A build with some vendor tables left out (cargo features off): the library still answers
 * for InspireFace's codes, and for the missing vendors every lookup reports failure.
 * ENABLED_VENDOR is the one vendor whose feature is on (-1: none); probes.h (written by
 * tests/variants.rs from the registry) holds one code of each vendor. HAS_ZH is 1 when the
 * `zh` feature is on: then HERR_LANG_ZH gives Chinese, else English.
 */
#include <stdio.h>
#include <string.h>

#include "herr.h"
#include "check.h"
#include "probes.h"

#ifndef ENABLED_VENDOR
#define ENABLED_VENDOR (-1)
#endif
#ifndef HAS_ZH
#define HAS_ZH 0
#endif

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
        CHECK((herr_to_string_lang(code, HERR_LANG_ZH) == herr_to_string(code)) == !HAS_ZH);
        CHECK((herr_vendor_code(code) != NULL) == on);
        CHECK((herr_kind(code) != HERR_KIND_UNKNOWN) == on);
        if (PROBES[i].number >= 0) {
            out = -7;
            CHECK(herr_from_vendor_number(PROBES[i].vendor, PROBES[i].number, &out) == on);
            CHECK(out == (on ? code : -7));
        }
    }
    /* InspireFace's codes are always there. */
    CHECK(herr_from_vendor(HERR_VENDOR_INSPIREFACE, "HERR_SESS_REC_BLOCK_FULL", &out) && out == 1304);
    CHECK(strcmp(herr_to_string(HERR_SESS_REC_BLOCK_FULL), "Feature vector block full") == 0);
    CHECK(herr_kind(HERR_ARCHIVE_NOT_LOAD) == HERR_KIND_NOT_READY);
    CHECK(strcmp(herr_name(1300), "HERR_SESS_LANDMARK_NUM_NOT_MATCH") == 0);
    /* A number of InspireFace 1.2.3+ as InspireFace returns it: read as such only with that
     * numbering's table (feature inspireface-v2); 1.2.3+'s by range either way. */
    {
        int v2 = ENABLED_VENDOR == HERR_VENDOR_INSPIREFACE_V2;
        CHECK(herr_vendor_of(102) == HERR_VENDOR_INSPIREFACE_V2);
        CHECK((strcmp(herr_to_string(102), "Tracker module not initialized") == 0) == v2);
        CHECK((herr_kind(102) == HERR_KIND_NOT_READY) == v2);
        CHECK((herr_name(102) != NULL) == v2);
        /* The codes only 1.2.3 and later have, and their names, need that table too. */
        CHECK((herr_name(6000351) != NULL) == v2);
        CHECK(herr_from_name("HERR_EXTENSION_ERROR", NULL) == v2);
        /* The release a build knows: 1.2.2 without it (its own numbering is frozen). */
        CHECK((strcmp(herr_inspireface_release(), "1.2.2") == 0) == !v2);
        /* Every build knows its own codes' numbers in 1.2.3+'s numbering. */
        CHECK(herr_to_inspireface_v2(HERR_SESS_TRACKER_FAILURE) == 102);
        CHECK(herr_to_inspireface_v2(HERR_SESS_REC_BLOCK_FULL) == 202);
        CHECK(herr_to_inspireface_v2(102) == (v2 ? 102 : HERR_UNKNOWN));
    }
    /* Chinese only with the zh feature; English otherwise, and always for HERR_LANG_EN. */
    CHECK((herr_to_string_lang(HERR_SESS_REC_BLOCK_FULL, HERR_LANG_ZH) == herr_to_string(HERR_SESS_REC_BLOCK_FULL)) == !HAS_ZH);
    CHECK((herr_to_string_lang(-1, HERR_LANG_ZH) == herr_to_string(-1)) == !HAS_ZH);
    CHECK(herr_to_string_lang(HERR_SESS_REC_BLOCK_FULL, HERR_LANG_EN) == herr_to_string(HERR_SESS_REC_BLOCK_FULL));
    CHECK(herr_lang_from_locale("zh_CN.UTF-8") == HERR_LANG_ZH); /* the locale rule needs no table */
    return failures ? 1 : 0;
}
