// Handling InspireFace's return codes in C++ with std::error_code and exceptions.
//
// InspireFace is C++ but returns bare `long` codes. herr.hpp turns any herr code into a
// std::error_code of category "herr", whose message is herr_to_string() and which compares
// equal to the herr::kind of the code (and to std::errc where the meaning is the same). So a
// call can throw std::system_error, and the handler decides by kind.
#include <cstdio>
#include <string>
#include <system_error>

#include "herr.hpp"

typedef long HResult;  // as InspireFace's intypedef.h defines it

// Stand-ins for InspireFace calls, failing the ways InspireFace fails.
static HResult HFLaunchInspireFace(const char *pack) { return pack ? HERR_ARCHIVE_LOAD_FAILURE : HSUCCEED; }
static HResult HFFeatureHubInsertFeature(int full) { return full ? HERR_SESS_REC_BLOCK_FULL : HSUCCEED; }
static HResult HFExecuteFaceTrack(int faces) { return faces ? HSUCCEED : HERR_SESS_FACE_DATA_ERROR; }

// An application step that fails with an exception, as C++ code usually does.
static void enroll(int full) {
    herr::throw_if_error(HFLaunchInspireFace(nullptr), "HFLaunchInspireFace");
    herr::throw_if_error(HFExecuteFaceTrack(1), "HFExecuteFaceTrack");
    herr::throw_if_error(HFFeatureHubInsertFeature(full), "HFFeatureHubInsertFeature");
}

static int handle(const std::system_error &e) {
    const std::error_code &ec = e.code();
    std::printf("%s (herr %d, %s)\n", e.what(), ec.value(),
                herr_kind_name(static_cast<int>(herr::kind_of(ec))));
    if (ec == herr::kind::limit_exceeded) {
        std::printf("  -> the feature block is full: remove faces or enlarge it\n");
        return 1;
    }
    if (ec == herr::kind::not_ready || ec == herr::kind::storage) {
        std::printf("  -> check the model pack and call HFLaunchInspireFace again\n");
        return 2;
    }
    if (ec == std::errc::invalid_argument) {  // every INVALID_ARGUMENT or MISSING_ARGUMENT code
        std::printf("  -> a bug in the call: fix the arguments\n");
        return 3;
    }
    std::printf("  -> log it and give up\n");
    return 4;
}

int main() {
    int outcome = 0;
    try {
        enroll(1);
        std::printf("enrolled\n");
    } catch (const std::system_error &e) {
        outcome = handle(e);
    }

    // Without exceptions: the same comparisons on a plain error_code.
    std::error_code ec = herr::make_error_code(HERR_SESS_LANDMARK_NUM_NOT_MATCH);
    std::printf("%d %s: %s; invalid_argument: %s\n", ec.value(), herr_name(ec.value()), ec.message().c_str(),
                ec == std::errc::invalid_argument ? "yes" : "no");
    std::error_code ok = herr::make_error_code(HSUCCEED);
    std::printf("HSUCCEED is an error: %s\n", ok ? "yes" : "no");
    return outcome == 1 ? 0 : 1;  // this run must end in the LIMIT_EXCEEDED branch
}
