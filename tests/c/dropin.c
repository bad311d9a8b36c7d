/*
 * herr's drop-in herror.h in place of InspireFace's: the fixture "inspireface.h" includes
 * "herror.h" by that name, as InspireFace's does, and gets herr's, of the release the include
 * path picks (include/herr/ for 1.1.x to 1.2.2, include/herr/inspireface-v2/ for 1.2.3 and later)
 * alone: the drop-in finds herr.h by itself.
 * "expected.h" (tests/releases.rs) checks that release's macros.
 */
#include "inspireface.h"
#include "expected.h"

#include <stdio.h>
#include <string.h>

int main(void) {
    HResult ret = HFLaunchInspireFace("missing.pack");
    switch (ret) {
    case HSUCCEED:
        return 1;
    case HERR_ARCHIVE_LOAD_FAILURE:
        break;
    default:
        return 2;
    }
    printf("%s %ld: %s (%s)\n", herr_name(ret), (long)ret, herr_to_string(ret), herr_kind_name(herr_kind(ret)));
    return strcmp(herr_name(ret), "HERR_ARCHIVE_LOAD_FAILURE") != 0;
}
