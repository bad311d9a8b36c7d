/* SPDX-License-Identifier: MIT OR Apache-2.0 */
/*
 * herror.h: drop-in for InspireFace's header of the same name.
 *
 * Code that includes "herror.h", InspireFace's own inspireface.h among it, gets from this
 * file the same HERR_* macros with the same values (releases 1.1.x to 1.2.2), plus herr's
 * functions: herr_to_string(), herr_name(), herr_kind(), ...
 *
 * The install puts this file in <prefix>/include/herr/, apart from herr.h, so that it can
 * never overwrite an installed InspireFace herror.h: add -I <prefix>/include/herr (after
 * -I <prefix>/include) to opt in. In a source tree, put it with herr.h where InspireFace's
 * herror.h was, or first on the include path.
 */
#ifndef HERR_HERROR_H
#define HERR_HERROR_H

#include "herr.h"

#endif /* HERR_HERROR_H */
