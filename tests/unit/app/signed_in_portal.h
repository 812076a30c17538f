// The portal as the flow tests drive it: a network answered by hand, a browser that records what
// it was asked, and Ana signed in (with no services, no invoices and no components on the
// status page, so no request is left waiting).
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "api/json_codec.h"
#include "app/portal_app.h"
#include "fake_browser.h"
#include "fake_transport.h"

namespace portal::testing {

inline constexpr const char* kAnaSession =
    R"({"token":"t0k3n","client":{"id":1,"name":"Ana García","email":"ana@example.com","language":"es"},"expires_in":28800,"acting_as":null})";

// The contract's error body with this code (and the field it names).
inline std::string error_body(const std::string& code, const std::string& field = "") {
    return api::encode(api::ApiError{code, "test", field});
}

// A request body as the JSON it carries: the order of an object's members is not part of the
// contract, so a test compares trees, not text.
inline nlohmann::json json_of(const std::string& body) {
    return nlohmann::json::parse(body);
}

// A request's header value ("" when it has none).
inline std::string header(const api::HttpRequest& request, const std::string& name) {
    for (const auto& [key, value] : request.headers) {
        if (key == name) return value;
    }
    return {};
}

class SignedInPortal : public ::testing::Test {
  protected:
    void SetUp() override {
        app.login_form().email = "ana@example.com";
        app.login_form().password = "demo1234";
        app.dispatch(app::SubmitLogin{});
        net.reply(201, kAnaSession);
        net.reply(200, R"({"services":[]})");
        net.reply(200, R"({"invoices":[]})");    // for the overdue banner
        net.reply(200, R"({"components":[]})");  // for the incident banner
        ASSERT_EQ(net.pending(), 0u);
    }

    FakeTransport net;
    FakeBrowser browser;
    app::PortalApp app{net, browser, 42};
};

}  // namespace portal::testing
