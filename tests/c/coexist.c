/*
 * herr.h beside InspireFace's own herror.h in one translation unit, in either order,
 * without a warning. HERR_TEST_HERROR_FIRST picks the order; the include path picks the
 * herror.h (tests/c/fixtures/inspireface-1.2.2, or -1.2.3, which herr.h must reject).
 */
#if defined(HERR_TEST_HERROR_FIRST)
#include "herror.h"
#include "herr.h"
#else
#include "herr.h"
#include "herror.h"
#endif
#include "seed_checks.h"

#include <string.h>

int main(void) {
    switch (herr_kind(HERR_SESS_REC_BLOCK_FULL)) {
    case HERR_KIND_LIMIT_EXCEEDED:
        break;
    default:
        return 1;
    }
    return strcmp(herr_to_string(HERR_SESS_REC_BLOCK_FULL), "Feature vector block full") != 0;
}
