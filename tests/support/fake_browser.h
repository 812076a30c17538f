// Records what the app asked the browser to do.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/browser_effects.h"

namespace portal::testing {

class FakeBrowser final : public app::BrowserEffects {
  public:
    // What a file picker was opened with (choose_file).
    struct Chooser {
        std::string accept;
        int64_t max_bytes = 0;
    };
    struct SavedFile {
        std::string name;
        std::string bytes;
        std::string mime_type;
    };
    void open_in_new_tab(const std::string& url) override { opened.push_back(url); }
    void dial(const std::string& tel_url) override { dialled.push_back(tel_url); }
    void copy_to_clipboard(const std::string& text) override { clipboard = text; }
    void save_file(const std::string& name, const std::string& bytes,
                   const std::string& mime_type) override {
        saved.push_back({name, bytes, mime_type});
    }

    void choose_file(const std::string& accept, int64_t max_bytes) override {
        chooser.push_back({accept, max_bytes});
    }

    void reset_demo() override { ++demo_resets; }
    void remember_session(const std::string& json) override { remembered_session = json; }
    void forget_session() override { remembered_session.clear(); }

    std::vector<std::string> opened;
    std::vector<std::string> dialled;
    int demo_resets = 0;
    std::string remembered_session;
    std::string clipboard;
    std::vector<SavedFile> saved;
    std::vector<Chooser> chooser;
};

}  // namespace portal::testing
