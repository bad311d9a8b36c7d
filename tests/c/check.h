/* CHECK(cond): reports a failed condition with its place and counts it; the test program
 * returns non-zero when `failures` is not 0 at the end. */
#ifndef HERR_TEST_CHECK_H
#define HERR_TEST_CHECK_H

#include <stdio.h>

static int failures;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        if (!(cond)) {                                                               \
            fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
            failures++;                                                              \
        }                                                                            \
    } while (0)

#endif
