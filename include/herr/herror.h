/* SPDX-License-Identifier: MIT OR Apache-2.0 */
/*
 * herror.h: drop-in for InspireFace's header of the same name, releases 1.1.x to 1.2.2.
 *
 * Code that includes "herror.h", InspireFace's own inspireface.h among it, gets from this
 * file the same HERR_* macros with the same values and spelling (releases 1.1.x to 1.2.2),
 * plus herr's functions: herr_to_string(), herr_name(), herr_kind(), ...
 *
 * It lives in include/herr/, in the source tree and installed, apart from herr.h, so that it
 * can never overwrite an installed InspireFace herror.h: -I <prefix>/include/herr opts in (it
 * finds herr.h one folder up by itself). For InspireFace 1.2.3 and later, use
 * include/herr/inspireface-v2/herror.h instead.
 */
#ifndef HERR_HERROR_H
#define HERR_HERROR_H

#if defined(HERR_INSPIREFACE_V2)
#error "herror.h: this is herr's drop-in for InspireFace 1.2.2 and older, but HERR_INSPIREFACE_V2 asks for the numbering of 1.2.3 and later. Use herr's herr/inspireface-v2/herror.h, or do not define HERR_INSPIREFACE_V2."
#endif
#include "../herr.h"

#endif /* HERR_HERROR_H */
