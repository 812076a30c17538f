// BrowserEffects in the page: new tabs, the clipboard and file saving through the DOM.
#pragma once

#include <cstdint>

#include "app/browser_effects.h"

namespace portal::platform {

class WebBrowserEffects final : public app::BrowserEffects {
  public:
    void open_in_new_tab(const std::string& url) override;
    void dial(const std::string& tel_url) override;
    void copy_to_clipboard(const std::string& text) override;
    void save_file(const std::string& file_name, const std::string& bytes,
                   const std::string& mime_type) override;
    void reset_demo() override;
    void remember_session(const std::string& session_json) override;
    void forget_session() override;
};

// What remember_session() stored in this tab, or "" (a new tab, or storage refused).
std::string remembered_session();

// 64 bits from crypto.getRandomValues.
uint64_t crypto_random_u64();

}  // namespace portal::platform
