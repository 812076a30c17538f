#include "domain/account.h"

#include <algorithm>

namespace portal::domain {

namespace {

// Each comma-separated item of `text`, empty items skipped.
template <class Each>
void for_each_item(std::string_view text, Each each) {
    while (!text.empty()) {
        auto comma = text.find(',');
        std::string_view item = text.substr(0, comma);
        if (!item.empty()) each(item);
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
}

}  // namespace

std::string permissions_text(const std::vector<Permission>& permissions) {
    std::string text;
    for (Permission each : enum_values<Permission>()) {
        if (std::find(permissions.begin(), permissions.end(), each) == permissions.end()) continue;
        if (!text.empty()) text += ',';
        text += to_string(each);
    }
    return text;
}

std::optional<std::vector<Permission>> parse_permissions(std::string_view text) {
    std::vector<Permission> permissions;
    bool ok = true;
    for_each_item(text, [&](std::string_view item) {
        auto permission = parse_enum<Permission>(item);
        if (permission) {
            permissions.push_back(*permission);
        } else {
            ok = false;
        }
    });
    if (!ok) return std::nullopt;
    return permissions;
}

std::string alert_key(AlertEvent event, AlertChannel channel) {
    return std::string(to_string(event)) + ":" + std::string(to_string(channel));
}

bool alert_enabled(std::string_view alerts_off, AlertEvent event, AlertChannel channel) {
    const std::string key = alert_key(event, channel);
    bool off = false;
    for_each_item(alerts_off, [&](std::string_view item) { off = off || item == key; });
    return !off;
}

}  // namespace portal::domain
