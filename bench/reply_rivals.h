/* What reply.c's contenders share: a vendor's reply shape and the fields read from it. */
#ifndef HERR_BENCH_REPLY_RIVALS_H
#define HERR_BENCH_REPLY_RIVALS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Where a vendor's reply keeps its code, message and request id. */
struct shape {
    int vendor;                  /* HERR_VENDOR_* */
    long status;                 /* the HTTP status the reply comes with */
    const char *container[3];    /* keys from the root to the object holding code and message, NULL-ended */
    const char *code_key;
    const char *message_key;
    const char *request_id_key;  /* NULL: none */
    int request_id_depth;        /* which object of the container path holds it (0: the root) */
};

/* What a contender read: the code's bytes (NULL when the reply has none), the lengths of the rest. */
struct fields {
    const char *code;
    size_t code_len;
    size_t message_len;
    size_t request_id_len;
};

/* simdjson On Demand (reply_simdjson.cpp): 1 when the body was read, 0 when it is not JSON. */
int parse_simdjson(const struct shape *s, const char *body, size_t len, struct fields *f);

#ifdef __cplusplus
}
#endif

#endif
