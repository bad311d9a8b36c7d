/*
 * Handling InspireFace's return codes with herr.
 *
 * InspireFace returns a bare `long` (HResult). herr.h gives every HERR_* macro with
 * InspireFace's exact value, so existing `switch (ret) { case HERR_...: }` code keeps
 * working, and adds what InspireFace lacks: a message, the macro name, and a kind that
 * says what to do next.
 */
#include <stdio.h>

#include "herr.h"

typedef long HResult; /* as InspireFace's intypedef.h defines it */

/* Stand-ins for InspireFace calls, failing the ways InspireFace fails. */
static HResult launch(const char *pack) { return pack ? HERR_ARCHIVE_LOAD_FAILURE : HERR_INVALID_PARAM; }
static HResult register_face(int full) { return full ? HERR_SESS_REC_BLOCK_FULL : HSUCCEED; }
static HResult search(void) { return HERR_FT_HUB_NOT_OPENED; }
static HResult landmark(void) { return HERR_SESS_LANDMARK_NUM_NOT_MATCH; }
static HResult future(void) { return 4242; } /* a code this herr does not know */

static void report(const char *call, HResult ret) {
    if (ret == HSUCCEED) {
        printf("%-14s ok\n", call);
        return;
    }
    /* herr_name is NULL for codes herr does not know; herr_to_string never is. */
    const char *name = herr_name(ret);
    printf("%-14s %ld %s: %s [kind %s]\n", call, ret, name ? name : "?", herr_to_string(ret),
           herr_kind_name(herr_kind(ret)));

    /* Decide by kind: one switch covers every code, known or not. */
    switch (herr_kind(ret)) {
    case HERR_KIND_NOT_READY:
        printf("%-14s -> initialise or enable that module first, then call again\n", "");
        break;
    case HERR_KIND_LIMIT_EXCEEDED:
        printf("%-14s -> the feature block is full: remove faces or enlarge it\n", "");
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
    const char *names[2];
    size_t n, i;

    report("launch", launch("models/Pikachu"));
    report("register_face", register_face(0));
    report("register_face", register_face(1));
    report("search", search());
    report("landmark", landmark());
    report("future", future());

    /* Existing InspireFace code keeps its case labels. */
    switch (register_face(1)) {
    case HSUCCEED:
        break;
    case HERR_SESS_REC_BLOCK_FULL:
        printf("\ncase HERR_SESS_REC_BLOCK_FULL still matches: %d\n", HERR_SESS_REC_BLOCK_FULL);
        break;
    default:
        break;
    }

    /* 1300 has two InspireFace names. */
    n = herr_aliases(1300, names, 2);
    printf("code 1300 has %zu names:", n);
    for (i = 0; i < n && i < 2; i++) printf(" %s", names[i]);
    printf("\n");
    return 0;
}
