// The manuals as a client uses them: the catalog, search as you type, an article, its links.
#include <gtest/gtest.h>

#include <string>

#include "signed_in_portal.h"

namespace portal::app {
namespace {

constexpr const char* kNoServices = R"({"services":[]})";
constexpr const char* kCatalog = R"({"books":[
  {"title":"General","chapters":[{"title":"Primeros pasos","pages":[
    {"slug":"acceso-a-servicios","title":"Acceso a sus servicios","service_types":[]}]}]},
  {"title":"Uso del panel de cliente","chapters":[{"title":"Servicios","pages":[
    {"slug":"descargas","title":"Descargas","service_types":[]},
    {"slug":"cancelacion","title":"Cancelación del servicio","service_types":[]}]}]}]})";
constexpr const char* kCancellationPage =
    R"({"slug":"cancelacion","title":"Cancelación del servicio",
  "book":"Uso del panel de cliente","chapter":"Servicios",
  "body_markdown":"# Cancelación del servicio\n\nVea [las descargas](manual:descargas).\n\n## Plazos\n\n- uno\n- dos\n"})";
constexpr const char* kNotFound =
    R"({"error":{"code":"not_found","message":"manual page not found"}})";

std::string results_for(const std::string& query, int count) {
    std::string body = R"({"query":")" + query + R"(","results":[)";
    for (int i = 0; i < count; ++i) {
        if (i) body += ',';
        body +=
            R"({"slug":"page-)" + std::to_string(i) + R"(","title":"Cancelación )" +
            std::to_string(i) +
            R"(","score":1.5,"snippet":"la baja","title_matches":[[0,12]],"snippet_matches":[[3,7]]})";
    }
    return body + "]}";
}

class ManualsFlowTest : public testing::SignedInPortal {
  protected:
    void go(const std::string& path) {
        const auto route = parse_route(path);
        ASSERT_TRUE(route) << path;
        app.dispatch(Navigate{*route});
    }
    // The client types in the search field; the screen sends SearchManuals on each change.
    void type(const std::string& text) {
        app.manuals_form().search_text() = text;
        app.dispatch(ManualsIntent{SearchManuals{}});
    }
    void open_catalog() {
        go("/manuales");
        ASSERT_EQ(net.pending(), 1u);
        net.reply(200, kCatalog);
    }
    const ManualsState& state() const { return app.manuals().state(); }
};

TEST_F(ManualsFlowTest, LoadsTheCatalogOnceInTheServersOrder) {
    go("/manuales");
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(net.next().method, "GET");
    EXPECT_EQ(net.next().path, "/manuals");
    EXPECT_TRUE(state().catalog.loading());
    net.reply(200, kCatalog);
    ASSERT_TRUE(state().catalog.data);
    const auto& books = state().catalog.data->books;
    ASSERT_EQ(books.size(), 2u);
    EXPECT_EQ(books[1].chapters[0].pages[1].title, "Cancelación del servicio");

    go("/servicios");
    net.reply(200, kNoServices);
    net.reply(200, R"({"invoices":[]})");
    net.reply(200, R"({"components":[]})");
    go("/manuales");
    EXPECT_EQ(net.pending(), 0u) << "the catalog is kept, not fetched on every visit";
}

TEST_F(ManualsFlowTest, CatalogFailureIsExplainedAndRetried) {
    go("/manuales");
    net.fail(api::TransportFailure::unreachable);
    ASSERT_TRUE(state().catalog.failed());
    EXPECT_TRUE(state().catalog.problem.retryable);
    EXPECT_EQ(state().catalog.problem.what, Text::error_unreachable);

    app.dispatch(ManualsIntent{ReloadManuals{}});
    app.dispatch(ManualsIntent{ReloadManuals{}});  // a double click asks once
    ASSERT_EQ(net.pending(), 1u);
    net.reply(200, kCatalog);
    EXPECT_TRUE(state().catalog.data);
    EXPECT_FALSE(state().catalog.failed());
}

TEST_F(ManualsFlowTest, SearchAsYouTypeSendsOneRequestAtATimeAndEndsOnTheLastText) {
    open_catalog();
    type("c");
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(net.next().path, "/manuals?q=c&limit=50");
    type("ca");
    type("can");
    type("cancelacion");
    EXPECT_EQ(net.pending(), 1u) << "keystrokes while a search is on its way do not pile up";

    net.reply(200, results_for("c", 3));
    // The first answer shows at once (better than nothing), and the latest text goes out.
    ASSERT_TRUE(state().search.results.data);
    EXPECT_EQ(state().search.shown_for, "c");
    EXPECT_FALSE(state().search.settled());
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(net.next().path, "/manuals?q=cancelacion&limit=50");

    net.reply(200, results_for("cancelacion", 1));
    EXPECT_EQ(net.pending(), 0u);
    EXPECT_TRUE(state().search.settled());
    EXPECT_EQ(state().search.shown_for, "cancelacion");
    ASSERT_EQ(state().search.results.data->results.size(), 1u);
    const auto& hit = state().search.results.data->results[0];
    EXPECT_EQ(hit.title, "Cancelación 0");
    ASSERT_EQ(hit.title_matches.size(), 1u);
    EXPECT_EQ(hit.title_matches[0], (std::pair<int64_t, int64_t>{0, 12}));

    type("cancelacion");  // the same text again: nothing to ask
    EXPECT_EQ(net.pending(), 0u);
}

TEST_F(ManualsFlowTest, SearchTextIsEncodedAndClipped) {
    open_catalog();
    type("cancelación y baja");
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(net.next().path, "/manuals?q=cancelaci%C3%B3n%20y%20baja&limit=50");
    net.reply(200, results_for("x", 0));

    std::string long_text(kMaxSearchBytes - 1, 'a');
    long_text += "ñ";  // 2 bytes across the limit: cut before it, never in the middle
    type(long_text);
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(net.next().path, "/manuals?q=" + std::string(kMaxSearchBytes - 1, 'a') + "&limit=50");
    EXPECT_EQ(clip_utf8("añ", 2), "a");
    EXPECT_EQ(clip_utf8("añ", 3), "añ");
}

TEST_F(ManualsFlowTest, NoMatchIsAnEmptyStateNotAnError) {
    open_catalog();
    type("xyz");
    net.reply(200, results_for("xyz", 0));
    EXPECT_TRUE(state().search.settled());
    EXPECT_TRUE(state().search.results.data->results.empty());
    EXPECT_FALSE(state().search.results.failed());
}

TEST_F(ManualsFlowTest, ClearingTheFieldDropsTheAnswerOnItsWay) {
    open_catalog();
    type("baja");
    type("");
    EXPECT_FALSE(state().search.active());
    EXPECT_FALSE(state().search.results.data);
    net.reply(200, results_for("baja", 2));
    EXPECT_FALSE(state().search.results.data) << "the catalog shows, not stale results";
    EXPECT_EQ(net.pending(), 0u);
    type("   ");
    EXPECT_EQ(net.pending(), 0u) << "spaces alone are not a search";
}

TEST_F(ManualsFlowTest, SearchFailureIsRetriedWithTheSameText) {
    open_catalog();
    type("tickets");
    net.fail(api::TransportFailure::timeout);
    ASSERT_TRUE(state().search.results.failed());
    EXPECT_TRUE(state().search.results.problem.retryable);
    app.dispatch(ManualsIntent{SearchManuals{}});  // "Reintentar"
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(net.next().path, "/manuals?q=tickets&limit=50");
    net.reply(200, results_for("tickets", 1));
    EXPECT_TRUE(state().search.settled());
    EXPECT_FALSE(state().search.results.failed());
}

TEST_F(ManualsFlowTest, TheRouteShowsTheSearchOnceTheClientIsDoneTyping) {
    open_catalog();
    type("can");
    type("cancelacion");
    EXPECT_EQ(app.route(), "/manuales") << "no route (no history entry) per keystroke";
    net.reply(200, results_for("can", 1));
    net.reply(200, results_for("cancelacion", 1));
    app.dispatch(ManualsIntent{CommitManualSearch{}});
    EXPECT_EQ(app.route(), "/manuales?q=cancelacion");
    EXPECT_EQ(net.pending(), 0u) << "arriving on the route of the search on screen asks nothing";
    EXPECT_EQ(route_path(app.manuals().catalog_route()), "/manuales?q=cancelacion");

    // Back to an earlier search, or a shared link: the route sets the field and searches.
    app.dispatch(Navigate{*parse_route("/manuales?q=baja"), true});
    EXPECT_EQ(app.manuals().state().search.text, "baja");
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(net.next().path, "/manuals?q=baja&limit=50");
    net.reply(200, results_for("baja", 1));

    // The "Manuales" tab: the catalog, search cleared.
    go("/manuales");
    EXPECT_FALSE(state().search.active());
    EXPECT_FALSE(state().search.results.data);
}

TEST_F(ManualsFlowTest, AnArticleIsFetchedAndParsedOnce) {
    go("/manuales/cancelacion");
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(net.next().path, "/manuals/cancelacion");
    EXPECT_TRUE(state().article.loading());
    net.reply(200, kCancellationPage);
    ASSERT_TRUE(state().article.data);
    const std::shared_ptr<const ManualArticle> first = *state().article.data;
    EXPECT_EQ(first->page.chapter, "Servicios");
    const auto& blocks = first->document.blocks;
    ASSERT_GE(blocks.size(), 4u);
    EXPECT_EQ(blocks[0].kind, markdown::Block::Kind::heading);
    EXPECT_EQ(markdown::outline(first->document),
              (std::vector<std::string>{"Cancelación del servicio", "Plazos"}));

    go("/manuales/descargas");
    net.reply(404, kNotFound);
    go("/manuales/cancelacion");
    EXPECT_EQ(net.pending(), 0u) << "an article seen before is not fetched again";
    ASSERT_TRUE(state().article.data);
    EXPECT_EQ(state().article.data->get(), first.get()) << "nor parsed again";
}

TEST_F(ManualsFlowTest, AnUnknownSlugSaysSo) {
    go("/manuales/no-existe");
    net.reply(404, kNotFound);
    EXPECT_TRUE(state().article_not_found);
    EXPECT_FALSE(state().article.failed()) << "not found is not a retryable failure";
    EXPECT_FALSE(state().article.data);
}

TEST_F(ManualsFlowTest, ArticleFailureIsRetried) {
    go("/manuales/cancelacion");
    net.reply(500, R"({"error":{"code":"internal","message":"boom"}})");
    ASSERT_TRUE(state().article.failed());
    EXPECT_TRUE(state().article.problem.retryable);
    app.dispatch(ManualsIntent{ReloadManualArticle{}});
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(net.next().path, "/manuals/cancelacion");
    net.reply(200, kCancellationPage);
    EXPECT_TRUE(state().article.data);
}

TEST_F(ManualsFlowTest, AnswersForAnArticleLeftBehindDoNotReplaceTheCurrentOne) {
    go("/manuales/cancelacion");
    go("/manuales/descargas");
    net.reply(200, kCancellationPage);  // the first article's late answer
    EXPECT_EQ(state().slug, "descargas");
    EXPECT_TRUE(state().article.loading());
    net.reply(404, kNotFound);
    EXPECT_TRUE(state().article_not_found);
    go("/manuales/cancelacion");
    EXPECT_EQ(net.pending(), 0u) << "the late answer was kept for later";
    EXPECT_TRUE(state().article.data);
}

TEST_F(ManualsFlowTest, LinksInsideThePortalNavigateAndOutsideLinksOpenANewTab) {
    go("/manuales/cancelacion");
    net.reply(200, kCancellationPage);

    app.dispatch(ManualsIntent{FollowManualLink{"manual:descargas"}});
    EXPECT_EQ(app.route(), "/manuales/descargas");
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(net.next().path, "/manuals/descargas");
    EXPECT_TRUE(browser.opened.empty());

    app.dispatch(ManualsIntent{FollowManualLink{"https://example.com/estado"}});
    ASSERT_EQ(browser.opened.size(), 1u);
    EXPECT_EQ(browser.opened[0], "https://example.com/estado");
    EXPECT_EQ(app.route(), "/manuales/descargas") << "the portal stays where it was";

    for (const char* unsafe : {"javascript:alert(1)", "data:text/html,x", "/relative",
                               "manual:", "manual:../../etc", "mailto:a@b.c"}) {
        app.dispatch(ManualsIntent{FollowManualLink{unsafe}});
        EXPECT_EQ(browser.opened.size(), 1u) << unsafe;
        EXPECT_EQ(app.route(), "/manuales/descargas") << unsafe;
    }
}

TEST_F(ManualsFlowTest, AnswersAfterSignOutAreDropped) {
    go("/manuales");
    type("baja");
    app.dispatch(SignOut{});
    while (net.pending() > 0) net.reply(200, kCatalog);
    EXPECT_FALSE(state().catalog.data);
    EXPECT_FALSE(state().search.active());
}

}  // namespace
}  // namespace portal::app
