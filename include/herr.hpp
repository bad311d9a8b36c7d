/* SPDX-License-Identifier: MIT OR Apache-2.0 */
/*
 * herr.hpp: herr's codes as C++ std::error_code, header-only, C++11 and later.
 *
 *   std::error_code ec = herr::make_error_code(ret);      // any herr code (a long)
 *   ec.message();                                         // herr_to_string(ret)
 *   herr::message(ec, herr::lang::zh);                    // its Simplified Chinese text
 *   if (ec == herr::kind::no_face) ...                    // every code of that kind
 *   if (ec == std::errc::timed_out) ...                   // where the meaning is the same
 *   herr::throw_if_error(ret, "HFExecuteFaceTrack");      // std::system_error (with exceptions)
 *
 * Every herr code fits in an int, std::error_code's value type. HSUCCEED (0) is an error_code
 * that converts to false. Works with -fno-exceptions and -fno-rtti (throw_if_error is then
 * left out). Link the herr library as for herr.h.
 */
/* @generated from codegen/herr.hpp.in and herr's kinds. Do not edit: change the template, then run `HERR_BLESS=1 cargo test`. */
#ifndef HERR_HPP
#define HERR_HPP

#include <climits>
#include <string>
#include <system_error>

#include "herr.h"

namespace herr {

/**
 * What the caller should do next about a code: HERR_KIND_* of herr.h (see there for each
 * one's meaning), spelled in lower case: herr::kind::no_face is HERR_KIND_NO_FACE. Registered
 * with std::is_error_condition_enum, so `ec == herr::kind::no_face` holds for every herr code
 * of that kind.
 */
enum class kind : int {
    ok = HERR_KIND_OK,
    unknown = HERR_KIND_UNKNOWN,
    invalid_argument = HERR_KIND_INVALID_ARGUMENT,
    missing_argument = HERR_KIND_MISSING_ARGUMENT,
    unsupported = HERR_KIND_UNSUPPORTED,
    not_found = HERR_KIND_NOT_FOUND,
    already_exists = HERR_KIND_ALREADY_EXISTS,
    conflict = HERR_KIND_CONFLICT,
    not_ready = HERR_KIND_NOT_READY,
    limit_exceeded = HERR_KIND_LIMIT_EXCEEDED,
    rate_limited = HERR_KIND_RATE_LIMITED,
    unauthenticated = HERR_KIND_UNAUTHENTICATED,
    permission_denied = HERR_KIND_PERMISSION_DENIED,
    account = HERR_KIND_ACCOUNT,
    timeout = HERR_KIND_TIMEOUT,
    unavailable = HERR_KIND_UNAVAILABLE,
    internal = HERR_KIND_INTERNAL,
    network = HERR_KIND_NETWORK,
    storage = HERR_KIND_STORAGE,
    hardware = HERR_KIND_HARDWARE,
    image_invalid = HERR_KIND_IMAGE_INVALID,
    image_size = HERR_KIND_IMAGE_SIZE,
    image_fetch = HERR_KIND_IMAGE_FETCH,
    video_invalid = HERR_KIND_VIDEO_INVALID,
    no_face = HERR_KIND_NO_FACE,
    multiple_faces = HERR_KIND_MULTIPLE_FACES,
    face_quality = HERR_KIND_FACE_QUALITY,
    liveness_failed = HERR_KIND_LIVENESS_FAILED,
    match_failed = HERR_KIND_MATCH_FAILED,
    feature_invalid = HERR_KIND_FEATURE_INVALID,
    cancelled = HERR_KIND_CANCELLED,
};

namespace detail {

/* The std::errc with the same meaning as a kind, where there is one. */
inline bool same_errc(int k, std::errc &out) noexcept {
    switch (k) {
    case HERR_KIND_INVALID_ARGUMENT:
    case HERR_KIND_MISSING_ARGUMENT:
        out = std::errc::invalid_argument;
        return true;
    case HERR_KIND_TIMEOUT:
        out = std::errc::timed_out;
        return true;
    case HERR_KIND_PERMISSION_DENIED:
        out = std::errc::permission_denied;
        return true;
    case HERR_KIND_UNSUPPORTED:
        out = std::errc::not_supported;
        return true;
    case HERR_KIND_CANCELLED:
        out = std::errc::operation_canceled;
        return true;
    default:
        return false;
    }
}

/* The kinds, as error conditions: "herr-kind"; a condition's message is the kind's name. */
class kind_category_impl final : public std::error_category {
public:
    const char *name() const noexcept override { return "herr-kind"; }
    std::string message(int k) const override { return herr_kind_name(k); }
    bool equivalent(int k, const std::error_condition &cond) const noexcept override {
        std::errc e = std::errc();
        if (cond.category() == std::generic_category()) return same_errc(k, e) && static_cast<int>(e) == cond.value();
        return cond.category() == *this && cond.value() == k;
    }
};

inline const std::error_category &kind_category() noexcept {
    static const kind_category_impl instance;
    return instance;
}

/* herr's codes: "herr"; a code's message is herr_to_string(code), its default condition its kind. */
class category_impl final : public std::error_category {
public:
    const char *name() const noexcept override { return "herr"; }
    std::string message(int code) const override { return herr_to_string(code); }
    std::error_condition default_error_condition(int code) const noexcept override {
        return std::error_condition(static_cast<int>(herr_kind(code)), kind_category());
    }
    bool equivalent(int code, const std::error_condition &cond) const noexcept override {
        return kind_category().equivalent(static_cast<int>(herr_kind(code)), cond);
    }
};

}  // namespace detail

/** The category of herr's codes, named "herr". */
inline const std::error_category &category() noexcept {
    static const detail::category_impl instance;
    return instance;
}

/** The category of herr's kinds as error conditions, named "herr-kind". */
inline const std::error_category &kind_category() noexcept { return detail::kind_category(); }

/**
 * A herr code (InspireFace's HResult, or any code of herr's space) as a std::error_code of
 * category(). A long outside int's range is no herr code: it becomes HERR_UNKNOWN.
 */
inline std::error_code make_error_code(long code) noexcept {
    const bool fits = code >= static_cast<long>(INT_MIN) && code <= static_cast<long>(INT_MAX);
    return std::error_code(fits ? static_cast<int>(code) : static_cast<int>(HERR_UNKNOWN), category());
}

/** A kind as a std::error_condition, for `ec == herr::kind::no_face`. */
inline std::error_condition make_error_condition(kind k) noexcept {
    return std::error_condition(static_cast<int>(k), kind_category());
}

/** The kind of a herr error_code; kind::unknown for an error_code of another category. */
inline kind kind_of(const std::error_code &ec) noexcept {
    return ec.category() == category() ? static_cast<kind>(herr_kind(ec.value())) : kind::unknown;
}

/** A language of herr's messages: HERR_LANG_* of herr.h, spelled in lower case. */
enum class lang : int { en = HERR_LANG_EN, zh = HERR_LANG_ZH };

/**
 * The message of `ec` in language `l`: for a herr error_code, herr_to_string_lang (UTF-8; for
 * lang::en exactly ec.message()); for an error_code of another category, its own message().
 * A library built without the `zh` feature gives English for lang::zh too.
 */
inline std::string message(const std::error_code &ec, lang l) {
    return ec.category() == category() ? herr_to_string_lang(ec.value(), static_cast<int>(l)) : ec.message();
}

/** The language a locale name asks for (herr_lang_from_locale): lang::zh or lang::en. */
inline lang lang_from_locale(const char *locale) noexcept {
    return herr_lang_from_locale(locale) == HERR_LANG_ZH ? lang::zh : lang::en;
}

#if defined(__cpp_exceptions) || defined(__EXCEPTIONS) || defined(_CPPUNWIND)
/**
 * Throws std::system_error(make_error_code(result), what) unless result is HSUCCEED: for
 * InspireFace calls, `herr::throw_if_error(HFLaunchInspireFace(path), "launch");`. Only
 * where exceptions are enabled.
 */
inline void throw_if_error(long result, const char *what = "") {
    if (result != HSUCCEED) throw std::system_error(make_error_code(result), what);
}
#endif

}  // namespace herr

namespace std {
template <>
struct is_error_condition_enum<herr::kind> : true_type {};
}  // namespace std

#endif /* HERR_HPP */
