/* SPDX-License-Identifier: MIT OR Apache-2.0 */
/*
 * herror.h: drop-in for InspireFace's header of the same name, releases 1.2.3 and later.
 *
 * Code that includes "herror.h", InspireFace's own inspireface.h among it, gets from this
 * file the HERR_* macros of InspireFace 1.2.3 and later, with their values and spelling
 * (HERR_SESS_BASE is 0x0064), plus herr's functions, which read those numbers as InspireFace
 * returns them: herr_to_string(HERR_SESS_TRACKER_FAILURE) is "Tracker module not initialized".
 * It is herr.h with HERR_INSPIREFACE_V2 defined.
 *
 * It lives in include/herr/inspireface-v2/, in the source tree and installed, apart from herr.h
 * and from InspireFace's own headers, so that it can never overwrite one:
 * -I <prefix>/include/herr/inspireface-v2 opts in (it finds herr.h two folders up by itself).
 */
#ifndef HERR_HERROR_V2_H
#define HERR_HERROR_V2_H

#if defined(HERR_H) && !defined(HERR_INSPIREFACE_V2)
#error "herr/inspireface-v2/herror.h: herr.h was included before it without HERR_INSPIREFACE_V2, so its HERR_* macros are those of InspireFace 1.2.2 and older. Include this header first, or define HERR_INSPIREFACE_V2 before every include of herr.h."
#endif
#ifndef HERR_INSPIREFACE_V2
#define HERR_INSPIREFACE_V2 1
#endif
#include "../../herr.h"

#endif /* HERR_HERROR_V2_H */
