/* A consumer of the installed herr: the header, the library and its version agree, and the
 * HERR_* macros are of the InspireFace numbering herr was configured for (HERR_INSPIREFACE_V2
 * comes with the targets and herr.pc when herr was configured with -DHERR_INSPIREFACE_V2=ON). */
#include <stdio.h>
#include <string.h>

#include "herr.h"

int main(void) {
    long code = 0;
    int failures = 0;
    if (strcmp(herr_version(), HERR_VERSION_STRING) != 0) failures++;
#if defined(HERR_INSPIREFACE_V2)
    const char *numbering = "InspireFace 1.2.3+";
    if (HERR_SESS_TRACKER_FAILURE != 102 || herr_kind(HERR_FT_HUB_DISABLE) != HERR_KIND_NOT_READY) failures++;
#else
    const char *numbering = "InspireFace 1.2.2";
    if (HERR_SESS_TRACKER_FAILURE != 1283 || herr_kind(HERR_FT_HUB_NOT_OPENED) != HERR_KIND_NOT_READY) failures++;
    if (strcmp(herr_to_string(HERR_SESS_REC_BLOCK_FULL), "Feature vector block full") != 0) failures++;
#endif
    if (strcmp(herr_to_string(HERR_SESS_TRACKER_FAILURE), "Tracker module not initialized") != 0) failures++;
    if (herr_vendor_enabled(HERR_VENDOR_HUAWEI_FRS)) {
        if (!herr_from_vendor(HERR_VENDOR_HUAWEI_FRS, "FRS.0501", &code) || herr_kind(code) != HERR_KIND_NO_FACE)
            failures++;
    }
    printf("herr %s (header %d.%d.%d, %s): %s\n", herr_version(), HERR_VERSION_MAJOR, HERR_VERSION_MINOR,
           HERR_VERSION_PATCH, numbering, failures ? "FAILED" : "ok");
    return failures;
}
