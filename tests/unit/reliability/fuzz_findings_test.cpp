// Every crash or broken invariant the fuzz targets (tests/fuzz) found, as a plain unit test over
// the same code, so none can come back unseen. RELIABILITY.md lists them.
#include "reliability_world.h"

namespace portal::reliability {
namespace {

class FuzzFindings : public ReliabilityWorld {};

// backend_handle_fuzz, first minute: "GET /ap/dow&limit\xc8\x91\x93\x90\x9e\x9b\x8c\xdc1/filed".
// Backend::handle puts the path in the 404 message "no such route: <path>", and nlohmann::json
// refuses to encode invalid UTF-8 (type_error 316). The 404/405 answers are built outside
// handle()'s try block, so a throw there is a 500 from the stub and an abort in the page;
// api::encode replaces invalid UTF-8 with U+FFFD instead of throwing.
TEST_F(FuzzFindings, AnUnknownPathThatIsNotUtf8Answers404) {
    const std::string path =
        "/ap/dow&limit\xc8\x91\x93\x90\x9e\x9b\x8c\xdc"
        "1/filed";
    Response r;
    EXPECT_NO_THROW(r = call("GET", path));
    EXPECT_EQ(r.status, 404);
    EXPECT_NO_THROW(r = call("GET", "/api/v1/\xff"));
    EXPECT_EQ(r.status, 404);
    EXPECT_NO_THROW(r = call("POST", "/api/v1/manuals/\xff"));  // a route, the wrong method
    EXPECT_EQ(r.status, 405);
    EXPECT_FALSE(Json::parse(r.body, nullptr, false).is_discarded());
}

}  // namespace
}  // namespace portal::reliability
