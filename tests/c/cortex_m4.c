/*
 * A Cortex-M4 firmware image that uses herr (linked with arm-none-eabi-gcc, newlib's nosys
 * stubs and --gc-sections): what a device does with a code, its message and its kind.
 * Built by tests/packaging.rs against the CMake cross install, and by the size script.
 */
#include "herr.h"

volatile long last_code;
volatile const char *last_message;
volatile int last_kind;

int main(void) {
    last_message = herr_to_string(last_code);
    last_kind = (int)herr_kind(last_code);
    return 0;
}
