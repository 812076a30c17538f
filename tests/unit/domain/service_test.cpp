#include "domain/service.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace portal::domain {
namespace {

TEST(Service, TypeNamesAreTheEnumeratorNamesAndRoundTrip) {
    // The API's spellings, in the enumerators' order (hosting = 0 ... web_design = 13).
    const std::vector<std::string> names = {
        "hosting",   "web_builder", "audio_streaming", "video_streaming",  "corporate_mail",
        "domain",    "reseller",    "simplenews",      "portal_noticioso", "noticioso_plus",
        "audio_app", "video_app",   "voice_over",      "web_design",
    };
    ASSERT_EQ(static_cast<size_t>(ServiceType::web_design) + 1, names.size());
    for (size_t i = 0; i < names.size(); ++i) {
        const auto type = static_cast<ServiceType>(i);
        EXPECT_EQ(to_string(type), names[i]);
        EXPECT_EQ(parse_enum<ServiceType>(names[i]), type) << names[i];
    }
}

TEST(Service, StatusNamesAreTheEnumeratorNamesAndRoundTrip) {
    const std::vector<std::pair<ServiceStatus, std::string>> statuses = {
        {ServiceStatus::active, "active"},         {ServiceStatus::pending, "pending"},
        {ServiceStatus::suspended, "suspended"},   {ServiceStatus::cancelled, "cancelled"},
        {ServiceStatus::terminated, "terminated"},
    };
    for (const auto& [status, name] : statuses) {
        EXPECT_EQ(to_string(status), name);
        EXPECT_EQ(parse_enum<ServiceStatus>(name), status) << name;
    }
}

TEST(Service, RejectsUnknownNames) {
    EXPECT_EQ(parse_enum<ServiceType>("Hosting"), std::nullopt);
    EXPECT_EQ(parse_enum<ServiceType>("radio"), std::nullopt);
    EXPECT_EQ(parse_enum<ServiceStatus>("canceled"), std::nullopt);
    EXPECT_EQ(parse_enum<ServiceStatus>(""), std::nullopt);
}

}  // namespace
}  // namespace portal::domain
