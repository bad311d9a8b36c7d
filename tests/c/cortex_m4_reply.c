/*
 * A Cortex-M4 firmware image that turns a cloud reply into herr's code, message and kind
 * (linked like cortex_m4.c). With PARSE defined, herr reads the body as it came off the socket
 * and decodes the vendor's message; without, the program has found the vendor's code itself
 * and looks it up. The difference between the two images is the parser.
 * Built by tests/firmware.rs.
 */
#include "herr.h"

volatile const char *reply;
volatile unsigned long reply_len;
volatile int reply_status;
volatile long last_code;
volatile const char *last_text;
volatile int last_kind;
char last_message[96];

int main(void) {
    long code = HERR_UNKNOWN;
#ifdef PARSE
    herr_response_t response;
    if (herr_parse_response(HERR_VENDOR_TENCENT_IAI, (const char *)reply, reply_len, reply_status, &response) >= 0) {
        code = response.code;
        herr_json_unescape(response.message, response.message_len, last_message, sizeof last_message);
    }
#else
    herr_from_vendor_n(HERR_VENDOR_TENCENT_IAI, (const char *)reply, reply_len, &code);
#endif
    last_code = code;
    last_text = herr_to_string(code);
    last_kind = (int)herr_kind(code);
    return 0;
}
