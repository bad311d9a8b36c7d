// A C++ consumer of the installed herr: std::error_code through herr.hpp, in the InspireFace
// numbering herr was configured for.
#include <cstdio>
#include <system_error>

#include "herr.hpp"

int main() {
    std::error_code ec = herr::make_error_code(HERR_SESS_TRACKER_FAILURE);
    bool ok = ec == herr::kind::not_ready && ec.category().name() == std::string("herr") &&
              ec.message() == "Tracker module not initialized" && !herr::make_error_code(HSUCCEED);
#if defined(HERR_INSPIREFACE_V2)
    ok = ok && HERR_SESS_TRACKER_FAILURE == 102;
#else
    ok = ok && HERR_SESS_TRACKER_FAILURE == 1283;
#endif
    std::printf("herr.hpp (HERR_SESS_TRACKER_FAILURE %d): %s\n", HERR_SESS_TRACKER_FAILURE, ok ? "ok" : "FAILED");
    return ok ? 0 : 1;
}
