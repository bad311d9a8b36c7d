/*
 * Handling InspireFace's return codes with herr, in a program for InspireFace 1.2.3 or later
 * (what InspireFace's releases, its Python package and its Android SDK ship today).
 *
 * InspireFace returns a bare `long` (HResult). herr.h defines every HERR_* macro with
 * InspireFace's exact value, so existing `switch (ret) { case HERR_...: }` code keeps working,
 * and adds what InspireFace lacks: a message, the name, and a kind that says what to do next.
 *
 * InspireFace 1.2.3 renumbered its codes. HERR_INSPIREFACE_V2, defined before herr.h, gives
 * the HERR_* macros of 1.2.3 and later (a program that includes InspireFace's own herror.h
 * first gets them from it). herr's functions read the numbers of every release as InspireFace
 * returns them. For InspireFace 1.2.2 or older, leave HERR_INSPIREFACE_V2 out.
 */
#define HERR_INSPIREFACE_V2 1

#include <stdio.h>

#include "herr.h"

typedef long HResult; /* as InspireFace's intypedef.h defines it */

/* Stand-ins for InspireFace calls, failing the ways InspireFace 1.2.3 fails. */
static HResult launch(const char *pack) { return pack ? HERR_ARCHIVE_LOAD_FAILURE : HERR_INVALID_PARAM; }
static HResult track(int ready) { return ready ? HSUCCEED : HERR_SESS_TRACKER_FAILURE; }
static HResult search(void) { return HERR_FT_HUB_DISABLE; }
static HResult compare(void) { return HERR_SESS_REC_CONTRAST_FEAT_ERR; }
static HResult load_extension(void) { return HERR_EXTENSION_MLMODEL_LOAD_FAILED; } /* new in 1.2.3 */
static HResult future(void) { return 4242; } /* a code this herr does not know */

static void report(const char *call, HResult ret) {
    if (ret == HSUCCEED) {
        printf("%-14s ok\n", call);
        return;
    }
    /* herr_vendor_code spells the code in its own numbering: the 1.2.3 name here (herr_name
     * gives the names of releases up to 1.2.2 only). NULL for a code herr does not know;
     * herr_to_string never is. */
    const char *name = herr_vendor_code(ret);
    printf("%-14s %ld %s: %s [kind %s]\n", call, ret, name ? name : "?", herr_to_string(ret),
           herr_kind_name(herr_kind(ret)));

    /* Decide by kind: one switch covers every code, known or not. */
    switch (herr_kind(ret)) {
    case HERR_KIND_NOT_READY:
        printf("%-14s -> initialise or enable that module first, then call again\n", "");
        break;
    case HERR_KIND_FEATURE_INVALID:
        printf("%-14s -> the features come from different models: extract them again\n", "");
        break;
    case HERR_KIND_INVALID_ARGUMENT:
    case HERR_KIND_MISSING_ARGUMENT:
        printf("%-14s -> a bug in the call: fix the arguments\n", "");
        break;
    case HERR_KIND_STORAGE:
        printf("%-14s -> check the file or database path\n", "");
        break;
    default:
        printf("%-14s -> log it and give up\n", "");
        break;
    }
}

int main(void) {
    long code;

    report("launch", launch("models/Pikachu"));
    report("track", track(1));
    report("track", track(0));
    report("search", search());
    report("compare", compare());
    report("load_extension", load_extension());
    report("future", future());

    /* Existing InspireFace code keeps its case labels: 1.2.3's values. */
    switch (track(0)) {
    case HSUCCEED:
        break;
    case HERR_SESS_TRACKER_FAILURE:
        printf("\ncase HERR_SESS_TRACKER_FAILURE matches: %d (InspireFace 1.2.3+)\n", HERR_SESS_TRACKER_FAILURE);
        break;
    default:
        break;
    }

    /* Which numbering a code is, and herr's own code for it (1.2.2's number). */
    if (herr_vendor_of(HERR_SESS_TRACKER_FAILURE) == HERR_VENDOR_INSPIREFACE_V2 &&
        herr_from_vendor_number(HERR_VENDOR_INSPIREFACE_V2, HERR_SESS_TRACKER_FAILURE, &code))
        printf("%d is InspireFace 1.2.3+'s; herr's code for it is %ld, its number up to 1.2.2\n",
               HERR_SESS_TRACKER_FAILURE, code);
    return 0;
}
