// Native pieces of portal-stub: Argon2id passwords, the static file server's path checks, and
// reading manuals from a folder.
#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>

#include "argon2id_hasher.h"
#include "data_files.h"
#include "static_files.h"

namespace portal::stub {
namespace {

namespace fs = std::filesystem;

TEST(Argon2idHasher, HashesVerifyAndAreSalted) {
    Argon2idHasher hasher(Argon2idLimits::minimum());
    std::string a = hasher.hash("demo1234");
    std::string b = hasher.hash("demo1234");
    EXPECT_EQ(a.rfind("$argon2id$", 0), 0u) << a;
    EXPECT_NE(a, b);
    EXPECT_TRUE(hasher.verify(a, "demo1234"));
    EXPECT_TRUE(hasher.verify(b, "demo1234"));
    EXPECT_FALSE(hasher.verify(a, "demo12345"));
    EXPECT_FALSE(hasher.verify("garbage", "demo1234"));
    EXPECT_FALSE(hasher.verify(std::string(500, 'x'), "demo1234"));
    // A hash carries its parameters: one made at other limits still verifies.
    Argon2idHasher interactive(Argon2idLimits::interactive());
    EXPECT_TRUE(interactive.verify(a, "demo1234"));
}

class TempTree : public ::testing::Test {
  protected:
    void SetUp() override {
        root = fs::temp_directory_path() / ("portal-static-" + std::to_string(getpid()));
        fs::remove_all(root);
        fs::create_directories(root / "site" / "assets");
        write(root / "site" / "index.html", "<p>portal</p>");
        write(root / "site" / "portal.wasm", std::string("\0asm", 4));
        write(root / "site" / "assets" / "app.js", "console.log(1)");
        write(root / "site" / ".env", "SECRET=1");
        write(root / "secret.txt", "outside");
        fs::create_symlink(root / "secret.txt", root / "site" / "link.txt");
    }
    void TearDown() override { fs::remove_all(root); }
    static void write(const fs::path& path, const std::string& text) {
        std::ofstream(path, std::ios::binary) << text;
    }
    fs::path root;
};

TEST_F(TempTree, ServesThePageWithItsTypes) {
    StaticFiles files(root / "site");
    auto index = files.find("/");
    ASSERT_TRUE(index.has_value());
    EXPECT_EQ(index->body, "<p>portal</p>");
    EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
    auto wasm = files.find("/portal.wasm");
    ASSERT_TRUE(wasm.has_value());
    EXPECT_EQ(wasm->content_type, "application/wasm");
    EXPECT_EQ(wasm->body.size(), 4u);
    EXPECT_EQ(files.find("/assets/app.js")->content_type, "text/javascript; charset=utf-8");
    EXPECT_FALSE(files.find("/missing.js").has_value());
}

TEST_F(TempTree, RefusesPathsLeavingTheFolder) {
    StaticFiles files(root / "site");
    for (const char* path : {"/../secret.txt", "/assets/../../secret.txt", "/..", "/.env",
                             "/link.txt", "relative.html", "/assets\\..\\..\\secret.txt"}) {
        EXPECT_FALSE(files.find(path).has_value()) << path;
    }
}

TEST_F(TempTree, ReadsManualsRecursively) {
    fs::create_directories(root / "manuals" / "hosting");
    write(root / "manuals" / "hosting" / "acceso.md", "# Acceso");
    write(root / "manuals" / "README.md", "notes");
    write(root / "manuals" / "hosting" / "logo.png", "png");
    auto sources = read_manual_sources(root / "manuals");
    ASSERT_EQ(sources.size(), 1u);
    EXPECT_EQ(sources[0].path, "hosting/acceso.md");
    EXPECT_EQ(sources[0].text, "# Acceso");
    EXPECT_TRUE(read_manual_sources(root / "nothing-here").empty());
}

}  // namespace
}  // namespace portal::stub
