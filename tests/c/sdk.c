/*
 * One release of InspireFace, as its SDK ships, seen from C. tests/inspireface_sdk.rs asks the
 * release's own library (libInspireFace.so of its Python SDK wheel) what it returns, and writes
 * "sdk_cases.h":
 *   - #if checks that herr.h defines every HERR_* macro of the release's herror.h (and herror.py)
 *     with its value: built with HERR_INSPIREFACE_V2 for releases 1.2.3 and later;
 *   - SDK_NUMBERING, the HERR_VENDOR_* of the release's numbering;
 *   - NAMES, every (name, value) of the release's header and herror.py;
 *   - RETURNED, every number the library returned or knows a message for (what it was doing).
 * The program checks that herr knows each of them in that numbering: a message, a kind, the
 * release's name for the number, and the name back to the number's code.
 */
#include <string.h>

#include "herr.h"
#include "check.h"
#include "sdk_cases.h"

/* Whether `name` is among the names herr gives `value`. */
static int named(long value, const char *name) {
    const char *names[4] = {NULL, NULL, NULL, NULL};
    size_t n = herr_aliases(value, names, 4), i;
    for (i = 0; i < n && i < 4; i++)
        if (strcmp(names[i], name) == 0) return 1;
    return 0;
}

int main(void) {
    size_t i;
    for (i = 0; i < sizeof NAMES / sizeof NAMES[0]; i++) {
        long value = NAMES[i].value, code = -7, back = -7;
        if (!herr_from_vendor_number(SDK_NUMBERING, value, &code)) {
            fprintf(stderr, "%s = %ld: not a number herr knows in this numbering\n", NAMES[i].name, value);
            failures++;
            continue;
        }
        CHECK(strcmp(herr_to_string(value), "Unknown error code") != 0);
        CHECK(herr_kind(value) == herr_kind(code));
        if (!named(value, NAMES[i].name)) {
            fprintf(stderr, "%s = %ld: herr names it %s\n", NAMES[i].name, value,
                    herr_name(value) ? herr_name(value) : "NULL");
            failures++;
        }
        CHECK(herr_from_name(NAMES[i].name, &back) && back == code);
    }
    for (i = 0; i < sizeof RETURNED / sizeof RETURNED[0]; i++) {
        long value = RETURNED[i].value, code = -7;
        if (!herr_from_vendor_number(SDK_NUMBERING, value, &code) ||
            strcmp(herr_to_string(value), "Unknown error code") == 0 || herr_name(value) == NULL) {
            fprintf(stderr, "%s: %ld, which herr does not know\n", RETURNED[i].what, value);
            failures++;
            continue;
        }
        printf("%ld\t%s\t%s\t%s\n", value, herr_name(value), herr_kind_name(herr_kind(value)), RETURNED[i].what);
    }
    return failures ? 1 : 0;
}
