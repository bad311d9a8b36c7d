/*
 * herr.h alone or beside an InspireFace herror.h, in the order the defines pick:
 *   HERR_TEST_HERROR_FIRST   InspireFace's herror.h, then herr.h
 *   HERR_TEST_HERROR_AFTER   herr.h, then InspireFace's herror.h
 *   neither                  herr.h alone
 * tests/releases.rs writes that herror.h from codes/, as InspireFace's release 1.2.2 or 1.2.3
 * spells it, and "expected.h": #if checks that every HERR_* macro of the numbering the
 * program must see has its value (from InspireFace's documentation, not from codes/), and
 * EXPECTED, each such macro as this translation unit expands it with herr's message for it.
 * The program checks that herr's functions read every macro's value as the numbering's code.
 */
#if defined(HERR_TEST_HERROR_FIRST)
#include "herror.h"
#endif
#include "herr.h"
#if defined(HERR_TEST_HERROR_AFTER)
#include "herror.h"
#endif
#include "expected.h"

#include <string.h>

#include "check.h"

int main(void) {
    size_t i;
    for (i = 0; i < sizeof EXPECTED / sizeof EXPECTED[0]; i++) {
        long value = EXPECTED[i].value;
        /* The macro is a herr code of the right meaning, in either numbering. */
        if (strcmp(herr_to_string(value), EXPECTED[i].message) != 0) {
            fprintf(stderr, "%s = %ld: herr_to_string says \"%s\", not \"%s\"\n", EXPECTED[i].name, value,
                    herr_to_string(value), EXPECTED[i].message);
            failures++;
        }
        CHECK(herr_kind(value) == EXPECTED[i].kind);
    }
    /* Case labels, as InspireFace's users write them. */
    {
        int tracker = 0;
        switch (HERR_SESS_TRACKER_FAILURE) {
        case HERR_SESS_TRACKER_FAILURE:
            tracker = herr_to_inspireface(HERR_SESS_TRACKER_FAILURE) == 1283;
            break;
        default:
            break;
        }
        CHECK(tracker);
    }
    CHECK(strcmp(herr_name(HERR_SESS_TRACKER_FAILURE), "HERR_SESS_TRACKER_FAILURE") == 0);
    printf("HERR_SESS_TRACKER_FAILURE %ld: %s\n", (long)HERR_SESS_TRACKER_FAILURE,
           herr_to_string(HERR_SESS_TRACKER_FAILURE));
    return failures ? 1 : 0;
}
