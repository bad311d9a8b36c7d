/*
 * A Cortex-M4 firmware image that uses herr (linked with arm-none-eabi-gcc, newlib's nosys
 * stubs and --gc-sections): what a device does with a code, its message and its kind (with
 * WITH_FROM_VENDOR defined, also a vendor's code read from text).
 * Built by tests/packaging.rs against the CMake cross install, and by the size script.
 */
#include "herr.h"

volatile long last_code;
volatile const char *last_message;
volatile int last_kind;
#ifdef WITH_FROM_VENDOR
/* And a vendor's code as text, as a device reads it from a reply or a log. */
volatile int last_vendor;
const char *volatile last_text = "";
#endif

int main(void) {
#ifdef WITH_FROM_VENDOR
    long code;
    if (herr_from_vendor(last_vendor, last_text, &code)) last_code = code;
#endif
    last_message = herr_to_string(last_code);
    last_kind = (int)herr_kind(last_code);
    return 0;
}
