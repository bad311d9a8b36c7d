// A C++ consumer of the installed herr: std::error_code through herr.hpp.
#include <cstdio>
#include <system_error>

#include "herr.hpp"

int main() {
    std::error_code ec = herr::make_error_code(HERR_SESS_REC_BLOCK_FULL);
    bool ok = ec == herr::kind::limit_exceeded && ec.category().name() == std::string("herr") &&
              ec.message() == "Feature vector block full" && !herr::make_error_code(HSUCCEED);
    std::printf("herr.hpp: %s\n", ok ? "ok" : "FAILED");
    return ok ? 0 : 1;
}
