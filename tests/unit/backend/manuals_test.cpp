// GET /manuals (catalog), /manuals/{slug}, /manuals?q= and how pages are read from Markdown.
#include "backend_world.h"

namespace portal::backend::testing {
namespace {

PORTAL_SUITE_ON_BOTH_STORES(ManualsTest, BackendWorld);

TYPED_TEST(ManualsTest, CatalogGroupsBooksChaptersPages) {
    Response r = this->call("GET", "/api/v1/manuals");
    ASSERT_EQ(r.status, 200);
    Json books = this->json(r)["books"];
    ASSERT_EQ(books.size(), 2u);
    EXPECT_EQ(books[0]["title"], "panel");
    EXPECT_EQ(books[0]["chapters"][0]["title"], "servicios");
    Json pages = books[0]["chapters"][0]["pages"];
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_EQ(pages[0], (Json{{"slug", "cancelar-servicio"},
                              {"title", "Cómo solicitar la cancelación del servicio"},
                              {"service_types", Json::array()}}));
    EXPECT_EQ(pages[1]["slug"], "upgrade");
    EXPECT_EQ(pages[1]["title"], "Upgrade o downgrade de plan");
    EXPECT_EQ(books[1]["chapters"][0]["title"], "General");
}

TYPED_TEST(ManualsTest, APageHasItsMarkdown) {
    Response r = this->call("GET", "/api/v1/manuals/cancelar-servicio");
    ASSERT_EQ(r.status, 200);
    Json page = this->json(r);
    EXPECT_EQ(page["book"], "panel");
    EXPECT_EQ(page["body_markdown"].get<std::string>().rfind("Para pedir la **baja**", 0), 0u);
    EXPECT_EQ(this->call("GET", "/api/v1/manuals/no-such-page").status, 404);
}

TYPED_TEST(ManualsTest, SearchIgnoresAccentsAndCase) {
    Response r = this->call("GET", "/api/v1/manuals?q=CANCELACION");
    ASSERT_EQ(r.status, 200) << r.body;
    Json j = this->json(r);
    EXPECT_EQ(j["query"], "CANCELACION");
    ASSERT_FALSE(j["results"].empty());
    EXPECT_EQ(j["results"][0]["slug"], "cancelar-servicio");
    EXPECT_FALSE(j["results"][0]["title_matches"].empty());

    Json ticket = this->json(this->call("GET", "/api/v1/manuals?q=tick"))["results"];
    ASSERT_EQ(ticket.size(), 1u);
    EXPECT_EQ(ticket[0]["slug"], "tickets");
    EXPECT_TRUE(this->json(this->call("GET", "/api/v1/manuals?q=zzzz"))["results"].empty());
}

TYPED_TEST(ManualsTest, SearchParametersAreChecked) {
    EXPECT_EQ(this->call("GET", "/api/v1/manuals?q=plan&limit=1").status, 200);
    EXPECT_EQ(this->json(this->call("GET", "/api/v1/manuals?q=plan&limit=1"))["results"].size(),
              1u);
    Response limit = this->call("GET", "/api/v1/manuals?q=plan&limit=0");
    EXPECT_EQ(limit.status, 400);
    EXPECT_EQ(this->error_field(limit), "limit");
    Response long_query = this->call("GET", "/api/v1/manuals?q=" + std::string(201, 'a'));
    EXPECT_EQ(long_query.status, 400);
    EXPECT_EQ(this->error_field(long_query), "q");
}

TEST(ManualSource, FrontMatterFirstLineTitleAndPathDefaults) {
    auto entry = parse_manual_source(
        {"x/y/z.md",
         "---\ntitle: \"Título\"\nbook: Libro\nchapter: Cap\nslug: s\norder: 30\n"
         "service_types: hosting, reseller\n---\n# Otro\n"});
    const domain::ManualPage& front = entry.page;
    EXPECT_EQ(front.title, "Título");
    EXPECT_EQ(front.book, "Libro");
    EXPECT_EQ(front.chapter, "Cap");
    EXPECT_EQ(front.slug, "s");
    EXPECT_EQ(front.body_markdown, "# Otro\n");
    EXPECT_EQ(entry.order, 30);
    EXPECT_EQ(entry.service_types, (std::vector<std::string>{"hosting", "reseller"}));

    auto heading = parse_manual_source({"hosting/acceso.md", "\n# Cómo acceder\n\ntexto"}).page;
    EXPECT_EQ(heading.title, "Cómo acceder");
    EXPECT_EQ(heading.slug, "acceso");
    EXPECT_EQ(heading.book, "hosting");
    EXPECT_EQ(heading.chapter, "General");

    auto bare = parse_manual_source({"suelto.md", "sin título"}).page;
    EXPECT_EQ(bare.title, "suelto");
    EXPECT_EQ(bare.book, "Manual");
}

TEST(ManualSource, PagesAreSortedByOrderInsideTheirChapter) {
    ManualLibrary library({{"b/c/first-by-path.md", "---\norder: 20\n---\n# Second"},
                           {"b/c/second-by-path.md", "---\norder: 10\n---\n# First"},
                           {"b/c/unnumbered.md", "# Last"}});
    const auto& pages = library.catalog().books.at(0).chapters.at(0).pages;
    ASSERT_EQ(pages.size(), 3u);
    EXPECT_EQ(pages[0].title, "First");
    EXPECT_EQ(pages[1].title, "Second");
    EXPECT_EQ(pages[2].title, "Last");
}

TEST(ManualSource, ClashingFileNamesGetTheirFolderInTheSlug) {
    ManualLibrary library({{"a/faq.md", "# A"}, {"b/faq.md", "# B"}});
    ASSERT_NE(library.index().find("faq"), nullptr);
    EXPECT_EQ(library.index().find("faq")->title, "A");
    ASSERT_NE(library.index().find("b-faq"), nullptr);
    EXPECT_EQ(library.index().find("b-faq")->title, "B");
}

// The stub (reading a folder) and the demo (reading what the build compiled in) both ask this.
TEST(ManualPageFile, AnyMarkdownFileButTheAuthorsReadmeIsAnArticle) {
    EXPECT_TRUE(is_manual_page_file("acceso.md"));
    EXPECT_TRUE(is_manual_page_file("hosting/correo/acceso.en.md"));
    EXPECT_FALSE(is_manual_page_file("README.md"));
    EXPECT_FALSE(is_manual_page_file("hosting/README.md"));
    EXPECT_FALSE(is_manual_page_file("hosting/logo.png"));
    EXPECT_FALSE(is_manual_page_file("hosting/acceso.md.orig"));
    EXPECT_FALSE(is_manual_page_file("hosting/"));
}

}  // namespace
}  // namespace portal::backend::testing
