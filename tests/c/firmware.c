/*
 * A firmware-style link of libherr.a: no C library at all (-nostdlib -static -ffreestanding).
 * This file provides the only things the archive may need from outside (memcpy, memmove,
 * memset, memcmp, bcmp, strlen); if the archive needed anything else (an allocator, threads,
 * an unwinder, printf), the link would fail. The program is linked, never run.
 */
#include <stddef.h>

#include "herr.h"

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
int bcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
void entry(void);

void *memcpy(void *dst, const void *src, size_t n) { return memmove(dst, src, n); }

void *memmove(void *dst, const void *src, size_t n) {
    unsigned char *d = (unsigned char *)dst;
    const unsigned char *s = (const unsigned char *)src;
    if (d < s) {
        while (n--) *d++ = *s++;
    } else {
        while (n--) d[n] = s[n];
    }
    return dst;
}

void *memset(void *dst, int c, size_t n) {
    unsigned char *d = (unsigned char *)dst;
    while (n--) *d++ = (unsigned char)c;
    return dst;
}

int memcmp(const void *a, const void *b, size_t n) {
    const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
    for (; n; n--, x++, y++)
        if (*x != *y) return *x - *y;
    return 0;
}

int bcmp(const void *a, const void *b, size_t n) { return memcmp(a, b, n); }

size_t strlen(const char *s) {
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

/* Every function of herr.h, so that none can be dropped. */
volatile long sink;

void entry(void) {
    long out = 0;
    const char *names[2];
    int statuses[2];
    char text[8];
    herr_response_t response;
    sink = (long)herr_to_string(sink) + (long)herr_name(sink) + (long)herr_kind(sink) + (long)herr_kind_name((int)sink);
    sink = herr_from_name((const char *)sink, &out) + (long)herr_aliases(sink, names, 2);
    sink = herr_from_vendor((int)sink, (const char *)sink, &out) + herr_from_vendor_n((int)sink, (const char *)sink, 4, &out);
    sink = herr_from_vendor_number((int)sink, sink, &out) + (long)herr_vendor_of(sink) + (long)herr_vendor_name((int)sink);
    sink = (long)herr_vendor_code(sink) + herr_vendor_enabled((int)sink) + herr_to_inspireface(sink);
    sink = herr_to_inspireface_v2(sink) + (long)herr_inspireface_release();
    sink = herr_http_status(sink) + (long)herr_http_statuses(sink, statuses, 2) + herr_is_retryable(sink);
    sink = herr_for_status(sink, (int)sink) + (long)herr_json_unescape((const char *)sink, 4, text, sizeof text);
    sink = herr_parse_response((int)sink, (const char *)sink, 4, (int)sink, &response) + response.code;
    sink = (long)herr_version() + out;
    for (;;) {
    }
}
