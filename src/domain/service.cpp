#include "domain/service.h"

#include <array>
#include <utility>

namespace portal::domain {
namespace {

// One table per enum keeps to_string and parse in step.
constexpr std::array<std::pair<ServiceType, std::string_view>, 14> kServiceTypes{{
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
}};

constexpr std::array<std::pair<ServiceStatus, std::string_view>, 5> kServiceStatuses{{
    {ServiceStatus::active, "active"},
    {ServiceStatus::pending, "pending"},
    {ServiceStatus::suspended, "suspended"},
    {ServiceStatus::cancelled, "cancelled"},
    {ServiceStatus::terminated, "terminated"},
}};

}  // namespace

std::string_view to_string(ServiceType type) {
    for (const auto& [value, name] : kServiceTypes) {
        if (value == type) return name;
    }
    return "hosting";
}

std::optional<ServiceType> parse_service_type(std::string_view text) {
    for (const auto& [value, name] : kServiceTypes) {
        if (name == text) return value;
    }
    return std::nullopt;
}

std::string_view to_string(ServiceStatus status) {
    for (const auto& [value, name] : kServiceStatuses) {
        if (value == status) return name;
    }
    return "pending";
}

std::optional<ServiceStatus> parse_service_status(std::string_view text) {
    for (const auto& [value, name] : kServiceStatuses) {
        if (name == text) return value;
    }
    return std::nullopt;
}

}  // namespace portal::domain
