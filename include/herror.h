/*
 * herror.h: drop-in for InspireFace's header of the same name.
 *
 * Put this file and herr.h where InspireFace's herror.h was (or first on the include
 * path). Code that includes "herror.h", InspireFace's own inspireface.h among it, then
 * gets the same HERR_* macros with the same values (releases 1.1.x to 1.2.2), plus herr's
 * functions: herr_to_string(), herr_name(), herr_kind(), ...
 */
#ifndef HERR_HERROR_H
#define HERR_HERROR_H

#include "herr.h"

#endif /* HERR_HERROR_H */
