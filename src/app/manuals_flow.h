// The manuals (RULES.md §1 "MANUAL"): the catalog by book and chapter, one article, and search
// as you type.
//
// Search: the search runs on the server (GET /manuals?q=). At most one request is on its way;
// text typed meanwhile is sent when that answer arrives, so the results always end on the
// latest text and a fast typist never queues a request per keystroke. The last answer stays on
// screen while the next one is on its way (no flashing to "Buscando…").
//
// Route: /manuales?q=texto reflects a search once the client is done typing (the screen sends
// CommitManualSearch when the search field is left: Enter, a click elsewhere, a result), so a
// search can be shared and Back returns to it, without one history entry per keystroke.
//
// Articles: each one is fetched and its Markdown parsed once, then kept (the manuals are small
// and the same for everyone), so the screen never parses per frame and Back/forward is instant.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "api/dto.h"
#include "app/flow_context.h"
#include "app/remote.h"
#include "app/route.h"
#include "app/visit.h"
#include "domain/markdown/markdown.h"

namespace portal::app {

namespace markdown = domain::markdown;

// One article, ready to draw: the page as the API gave it and its Markdown, parsed once.
struct ManualArticle {
    api::ManualPageView page;
    markdown::Document document;
};

struct ManualSearch {
    std::string text;                      // the search field, edited in place by the screen
    std::optional<std::string> in_flight;  // the text of the request on its way, if any
    Remote<api::ManualSearchResults> results;
    std::string shown_for;  // the text whose answer is in results.data

    // True when the field holds something to search for (not just spaces).
    bool active() const;
    // The answer on screen is for what the field says and nothing newer is on its way.
    bool settled() const { return !in_flight && results.data && shown_for == text; }
};

struct ManualsState {
    Remote<api::ManualCatalog> catalog;
    ManualSearch search;
    // /manuales/{slug}: the article asked for, and what became of it.
    std::string slug;
    Remote<std::shared_ptr<const ManualArticle>> article;
    bool article_not_found = false;  // the server has no page with that slug (404)
};

struct ReloadManuals {};        // the catalog again (after a failure)
struct SearchManuals {};        // the search field changed, or "Reintentar" after a failure
struct CommitManualSearch {};   // done typing: search (if needed) and show it in the route
struct ReloadManualArticle {};  // the article again (after a failure)
struct FollowManualLink {       // a link in an article (or a catalog entry, "manual:<slug>")
    std::string url;
};
using ManualsIntent = std::variant<ReloadManuals, SearchManuals, CommitManualSearch,
                                   ReloadManualArticle, FollowManualLink>;

// Longest text sent as a search (the API refuses more than 200 bytes); cut on a UTF-8 boundary.
inline constexpr size_t kMaxSearchBytes = 200;
// Results asked for per search.
inline constexpr int kSearchLimit = 50;

class ManualsFlow {
  public:
    // Called when the client arrives on one of this flow's routes (a click, a link, back/forward).
    void enter(const Route& route, FlowContext& ctx);
    void handle(const ManualsIntent& intent, FlowContext& ctx);
    // Sign-out: forget everything of the previous client.
    void reset();
    // The page changed language while on `route` (one of this flow's): the catalog, the search
    // and the article are asked for again in it.
    void change_language(const Route& route, FlowContext& ctx);
    // The page changed language elsewhere: what was kept in the other language goes (it loads
    // again on the way back).
    void forget_language();
    const ManualsState& state() const { return state_; }
    // The search field, edited in place by the screen (then it sends SearchManuals).
    std::string& search_text() { return state_.search.text; }
    // Where "back" from an article goes: the catalog, or the search the client came from.
    Route catalog_route() const;

  private:
    void load_catalog(FlowContext& ctx);
    void search(FlowContext& ctx);
    void send_search(const FlowContext& ctx, std::string text);
    // The answer to the search for `sent`, sent after `changes` changes of language.
    void searched(const FlowContext& ctx, const std::string& sent, int changes,
                  api::ApiResult<api::ManualSearchResults> r);
    void show_article(const std::string& slug, FlowContext& ctx);
    void load_article(FlowContext& ctx);
    void follow_link(const std::string& url, FlowContext& ctx);

    ManualsState state_;
    // Renewed on sign-out. The search and the articles check their own answers: the last
    // search's answer is always shown, and an article is kept for later whoever asked for it.
    Visit visit_;
    std::string route_query_;  // the query of the last /manuales route entered
    std::map<std::string, std::shared_ptr<const ManualArticle>> articles_;  // parsed, by slug
    // Counts the page's language changes: a search or article answer sent before the latest
    // change is in the other language and is not shown or kept.
    int language_changes_ = 0;
};

// `text` cut to at most `max_bytes` without splitting a UTF-8 character.
std::string_view clip_utf8(std::string_view text, size_t max_bytes);

}  // namespace portal::app
