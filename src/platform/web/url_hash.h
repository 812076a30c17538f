// The URL hash as the portal's route (#/servicios/12): read on start, followed on back/forward,
// and written when the client moves between screens.
#pragma once

#include <functional>
#include <string>

namespace portal::platform {

// The path after '#' (decoded by the browser as typed), "" when there is none.
std::string current_hash_path();
// Calls `changed(path)` whenever the hash changes (back, forward, a pasted link).
void on_hash_change(std::function<void(const std::string& path)> changed);
// A new history entry (a screen the client moved to) or a correction of the current one.
void push_hash_path(const std::string& path);
void replace_hash_path(const std::string& path);

}  // namespace portal::platform
