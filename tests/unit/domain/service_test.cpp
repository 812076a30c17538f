#include "domain/service.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace portal::domain {
namespace {

TEST(Service, TypeNamesAreTheEnumeratorNamesAndRoundTrip) {
    const std::vector<std::pair<ServiceType, std::string>> types = {
        {ServiceType::hosting, "hosting"},
        {ServiceType::web_builder, "web_builder"},
        {ServiceType::audio_streaming, "audio_streaming"},
        {ServiceType::video_streaming, "video_streaming"},
        {ServiceType::corporate_mail, "corporate_mail"},
        {ServiceType::domain, "domain"},
        {ServiceType::reseller, "reseller"},
        {ServiceType::simplenews, "simplenews"},
        {ServiceType::portal_noticioso, "portal_noticioso"},
        {ServiceType::noticioso_plus, "noticioso_plus"},
        {ServiceType::audio_app, "audio_app"},
        {ServiceType::video_app, "video_app"},
        {ServiceType::voice_over, "voice_over"},
        {ServiceType::web_design, "web_design"},
    };
    for (const auto& [type, name] : types) {
        EXPECT_EQ(to_string(type), name);
        EXPECT_EQ(parse_enum<ServiceType>(name), type) << name;
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
