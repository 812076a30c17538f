// A test suite's own portal-stub (fast hashing, quiet, a free port), started once for all its
// tests, for the suites that talk to it over raw loopback sockets (raw_http.h).
#pragma once

#include <gtest/gtest.h>

#include "stub_process.h"

namespace portal::reliability {

class LoopbackStub : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        stub = new integration::StubProcess({"--port", "0", "--fast-hash", "--quiet"});
    }
    static void TearDownTestSuite() {
        delete stub;
        stub = nullptr;
    }
    void SetUp() override { ASSERT_TRUE(stub->started()) << stub->output(); }
    static int port() { return stub->port(); }
    static inline integration::StubProcess* stub = nullptr;
};

}  // namespace portal::reliability
