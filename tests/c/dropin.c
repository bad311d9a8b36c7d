/*
 * include/herror.h in place of InspireFace's: the fixture "inspireface.h" includes
 * "herror.h" by that name, as InspireFace's does, and gets herr's.
 */
#include "inspireface.h"
#include "seed_checks.h"

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
    printf("%s: %s (%s)\n", herr_name(ret), herr_to_string(ret), herr_kind_name(herr_kind(ret)));
    return strcmp(herr_name(ret), "HERR_ARCHIVE_LOAD_FAILURE") != 0;
}
