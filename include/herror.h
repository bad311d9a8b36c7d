/* SPDX-License-Identifier: MIT OR Apache-2.0 */
/*
 * herror.h: drop-in for InspireFace's header of the same name, releases 1.1.x to 1.2.2.
 *
 * Code that includes "herror.h", InspireFace's own inspireface.h among it, gets from this
 * file the same HERR_* macros with the same values and spelling (releases 1.1.x to 1.2.2),
 * plus herr's functions: herr_to_string(), herr_name(), herr_kind(), ... For InspireFace
 * 1.2.3 and later, which renumbered its codes, use inspireface-v2/herror.h instead.
 *
 * The install puts this file in <prefix>/include/herr/, apart from herr.h, so that it can
 * never overwrite an installed InspireFace herror.h: add -I <prefix>/include/herr (after
 * -I <prefix>/include) to opt in. In a source tree, put it with herr.h where InspireFace's
 * herror.h was, or first on the include path.
 */
#ifndef HERR_HERROR_H
#define HERR_HERROR_H

#if defined(HERR_INSPIREFACE_V2)
#error "herror.h: this is herr's drop-in for InspireFace 1.2.2 and older, but HERR_INSPIREFACE_V2 asks for the numbering of 1.2.3 and later. Use herr's inspireface-v2/herror.h, or do not define HERR_INSPIREFACE_V2."
#endif
#include "herr.h"

#endif /* HERR_HERROR_H */
