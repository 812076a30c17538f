// BrowserEffects in the page: new tabs, the clipboard, file saving and the file picker through the
// DOM.
#pragma once

#include <cstdint>
#include <functional>

#include "app/browser_effects.h"

namespace portal::platform {

class WebBrowserEffects final : public app::BrowserEffects {
  public:
    void open_in_new_tab(const std::string& url) override;
    void dial(const std::string& tel_url) override;
    void copy_to_clipboard(const std::string& text) override;
    void save_file(const std::string& file_name, const std::string& bytes,
                   const std::string& mime_type) override;
    // A hidden <input type=file> (created on first use), clicked: the click that asked for it
    // is still the user's gesture the browser wants before it opens a picker. What is picked
    // goes to on_file_chosen's handler.
    void choose_file(const std::string& accept, int64_t max_bytes) override;
    void reset_demo() override;
    void remember_session(const std::string& session_json) override;
    void forget_session() override;
};

// Where a file the client picked goes (web_main dispatches it to the app as app::FileChosen).
void on_file_chosen(std::function<void(app::ChosenFile)> chosen);

// What remember_session() stored in this tab, or "" (a new tab, or storage refused).
std::string remembered_session();

// 64 bits from crypto.getRandomValues.
uint64_t crypto_random_u64();

}  // namespace portal::platform
