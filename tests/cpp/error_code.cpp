// herr.hpp against the C API, for every code herr knows (tests/cpp.rs builds this under the
// C++ compile matrix, with and without exceptions and RTTI).
#include <climits>
#include <cstdio>
#include <cstring>
#include <string>
#include <system_error>

#include "herr.hpp"

static int failures;
#define CHECK(cond)                                                                   \
    do {                                                                              \
        if (!(cond)) {                                                                \
            std::fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
            failures++;                                                               \
        }                                                                             \
    } while (0)

// The std::errc each kind is equivalent to (none: -1), as README documents.
static int expected_errc(int kind) {
    switch (kind) {
    case HERR_KIND_INVALID_ARGUMENT:
    case HERR_KIND_MISSING_ARGUMENT: return static_cast<int>(std::errc::invalid_argument);
    case HERR_KIND_TIMEOUT: return static_cast<int>(std::errc::timed_out);
    case HERR_KIND_PERMISSION_DENIED: return static_cast<int>(std::errc::permission_denied);
    case HERR_KIND_UNSUPPORTED: return static_cast<int>(std::errc::not_supported);
    case HERR_KIND_CANCELLED: return static_cast<int>(std::errc::operation_canceled);
    default: return -1;
    }
}

static const std::errc SOME_ERRC[] = {
    std::errc::invalid_argument, std::errc::timed_out,        std::errc::permission_denied,
    std::errc::not_supported,    std::errc::operation_canceled, std::errc::no_such_file_or_directory,
    std::errc::io_error,         std::errc::file_exists,       std::errc::resource_unavailable_try_again,
    std::errc::not_enough_memory, std::errc::operation_not_permitted, std::errc::connection_refused,
};

static void check_code(long code) {
    std::error_code ec = herr::make_error_code(code);
    int kind = static_cast<int>(herr_kind(code));
    CHECK(ec.value() == code);
    CHECK(std::strcmp(ec.category().name(), "herr") == 0);
    CHECK(ec.message() == herr_to_string(code));
    CHECK(herr::message(ec, herr::lang::en) == ec.message());
    CHECK(herr::message(ec, herr::lang::zh) == herr_to_string_lang(code, HERR_LANG_ZH));
    CHECK(herr::message(ec, herr::lang::zh) != ec.message());
    CHECK(static_cast<bool>(ec) == (code != HSUCCEED));
    CHECK(ec.default_error_condition() == herr::make_error_condition(static_cast<herr::kind>(kind)));
    CHECK(static_cast<int>(herr::kind_of(ec)) == kind);
    for (int k = 0; k <= HERR_KIND_CANCELLED; k++) CHECK((ec == static_cast<herr::kind>(k)) == (k == kind));
    for (std::size_t i = 0; i < sizeof SOME_ERRC / sizeof SOME_ERRC[0]; i++)
        CHECK((ec == SOME_ERRC[i]) == (static_cast<int>(SOME_ERRC[i]) == expected_errc(kind)));
}

int main() {
    long known = 0;
    // Every code herr knows: each vendor's range, up to the largest number any vendor uses.
    for (long vendor = 0; vendor <= 6; vendor++)
        for (long n = 0; n < 200000; n++) {
            long code = vendor * 1000000L + n;
            if (herr_vendor_code(code) == NULL) continue;
            check_code(code);
            known++;
        }
    CHECK(known > 500);

    // Codes herr does not know, and longs that are no int.
    check_code(424242);
    check_code(-1);
    std::error_code unknown = herr::make_error_code(424242);
    CHECK(unknown.message() == "Unknown error code");
    CHECK(herr::message(unknown, herr::lang::zh) == herr_to_string_lang(-1, HERR_LANG_ZH));
    CHECK(herr::message(std::make_error_code(std::errc::timed_out), herr::lang::zh) ==
          std::make_error_code(std::errc::timed_out).message());
    CHECK(herr::lang_from_locale("zh_CN.UTF-8") == herr::lang::zh);
    CHECK(herr::lang_from_locale(nullptr) == herr::lang::en);
    CHECK(herr::lang_from_locale("zh_TW.UTF-8") == herr::lang::en);
    CHECK(unknown == herr::kind::unknown);
    if (sizeof(long) > sizeof(int)) {
        CHECK(herr::make_error_code(LONG_MAX).value() == HERR_UNKNOWN);
        CHECK(herr::make_error_code(LONG_MIN).value() == HERR_UNKNOWN);
    }
    CHECK(herr::make_error_code(INT_MAX).value() == INT_MAX);

    // Conditions and their category.
    std::error_condition no_face = herr::kind::no_face;
    CHECK(std::strcmp(no_face.category().name(), "herr-kind") == 0);
    CHECK(no_face.message() == "NO_FACE");
    CHECK(herr::make_error_condition(herr::kind::timeout) != std::errc::timed_out);  // conditions compare exactly
    CHECK(herr::kind_of(std::make_error_code(std::errc::timed_out)) == herr::kind::unknown);
    CHECK(std::make_error_code(std::errc::timed_out) != herr::kind::timeout);

#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
    bool thrown = false;
    herr::throw_if_error(HSUCCEED, "never");
    try {
        herr::throw_if_error(HERR_SESS_REC_BLOCK_FULL, "insert");
    } catch (const std::system_error &e) {
        thrown = e.code() == herr::kind::limit_exceeded && e.code().value() == HERR_SESS_REC_BLOCK_FULL &&
                 std::string(e.what()).find("insert") != std::string::npos;
    }
    CHECK(thrown);
#endif
    std::printf("%ld codes checked, %d failures\n", known, failures);
    return failures ? 1 : 0;
}
