/*
 * herr.h under the compile matrix (C99, C11, C++11, C++17, with -Wall -Wextra -Wpedantic
 * -Werror): every macro is an integer constant expression usable in #if ("inspireface_checks.h",
 * generated from InspireFace's documented codes) and in case labels ("inspireface_cases.h").
 */
#include "herr.h"
#include "inspireface_checks.h"

static int classify(long code) {
    switch (code) {
#include "inspireface_cases.h"
    default:
        return -1;
    }
}

int main(void) {
    herr_kind_t kind = herr_kind(HERR_SESS_REC_BLOCK_FULL);
    herr_vendor_t vendor = herr_vendor_of(HERR_SESS_REC_BLOCK_FULL);
    if (classify(HERR_SESS_REC_BLOCK_FULL) != HERR_SESS_REC_BLOCK_FULL) return 1;
    if (classify(3) != -1) return 2;
    if (kind != HERR_KIND_LIMIT_EXCEEDED || vendor != HERR_VENDOR_INSPIREFACE) return 3;
    return 0;
}
