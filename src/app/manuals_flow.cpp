#include "app/manuals_flow.h"

#include <utility>

#include "app/overloaded.h"

namespace portal::app {

std::string_view clip_utf8(std::string_view text, size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    size_t end = max_bytes;
    // Step back over continuation bytes (10xxxxxx) to the start of the cut character.
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

bool ManualSearch::active() const {
    return text.find_first_not_of(" \t") != std::string::npos;
}

void ManualsFlow::reset() {
    state_ = {};
    visit_.renew();
    route_query_.clear();
    articles_.clear();
}

void ManualsFlow::forget_language() {
    ++language_changes_;
    articles_.clear();
    visit_.renew();  // the catalog's answer on its way is in the other language
    state_.catalog = {};
    state_.search.results = {};
    state_.search.shown_for.clear();
    state_.article = {};
    state_.article_not_found = false;
}

void ManualsFlow::change_language(const Route& route, FlowContext& ctx) {
    forget_language();
    enter(route, ctx);
}

Route ManualsFlow::catalog_route() const {
    return Route{Route::Page::manuals, 0, {}, route_query_};
}

void ManualsFlow::enter(const Route& route, FlowContext& ctx) {
    if (route.page == Route::Page::manual) {
        show_article(route.slug, ctx);
        return;
    }
    route_query_ = route.query;
    if (!state_.catalog.data && !state_.catalog.loading()) load_catalog(ctx);
    // The route is the truth: a shared link, Back/forward or the "Manuales" tab set the search.
    // (Its results may also be missing after a change of language.)
    if (route.query != state_.search.text) state_.search.text = route.query;
    search(ctx);
}

void ManualsFlow::handle(const ManualsIntent& intent, FlowContext& ctx) {
    std::visit(Overloaded{
                   [&](const ReloadManuals&) {
                       if (!state_.catalog.loading()) load_catalog(ctx);
                   },
                   [&](const SearchManuals&) { search(ctx); },
                   [&](const CommitManualSearch&) {
                       search(ctx);  // the text may have changed in the same frame
                       const std::string query = state_.search.active() ? state_.search.text : "";
                       if (query != route_query_)
                           ctx.navigate(Route{Route::Page::manuals, 0, {}, query});
                   },
                   [&](const ReloadManualArticle&) {
                       if (!state_.slug.empty() && !state_.article.loading()) load_article(ctx);
                   },
                   [&](const FollowManualLink& value) { follow_link(value.url, ctx); },
               },
               intent);
}

void ManualsFlow::load_catalog(FlowContext& ctx) {
    ctx.api.manuals(visit_.load(state_.catalog, ctx));
}

void ManualsFlow::search(FlowContext& ctx) {
    ManualSearch& search = state_.search;
    if (!search.active()) {
        // Nothing to search for: the catalog shows. An answer still on its way is dropped.
        search.results = {};
        search.shown_for.clear();
        return;
    }
    if (search.in_flight) return;  // its answer sends the latest text
    if (search.results.status == Remote<api::ManualSearchResults>::Status::loaded &&
        search.shown_for == search.text) {
        return;  // already showing this text's results
    }
    send_search(ctx, search.text);
}

void ManualsFlow::send_search(const FlowContext& ctx, std::string text) {
    ManualSearch& search = state_.search;
    search.in_flight = text;
    search.results.start();
    const std::string query(clip_utf8(text, kMaxSearchBytes));
    // The answer may send the next search: it keeps its own copy of the context (the portal's
    // is rebuilt on each use).
    ctx.api.search_manuals(query, kSearchLimit,
                           ctx.guard<api::ManualSearchResults>(
                               [this, ctx, sent = std::move(text), changes = language_changes_](
                                   api::ApiResult<api::ManualSearchResults> r) {
                                   searched(ctx, sent, changes, std::move(r));
                               }));
}

void ManualsFlow::searched(const FlowContext& ctx, const std::string& sent, int changes,
                           api::ApiResult<api::ManualSearchResults> r) {
    ManualSearch& now = state_.search;
    now.in_flight.reset();
    if (changes != language_changes_) {
        // In the language the page no longer shows: the same text again, in its own.
        if (now.active()) send_search(ctx, now.text);
        return;
    }
    if (!now.active()) {
        now.results = {};
        now.shown_for.clear();
        return;
    }
    // Show this answer even if the client typed on: it is newer than what the screen shows, and
    // the latest text's answer follows.
    if (r.ok()) {
        now.results.succeed(std::move(*r.value));
        now.shown_for = sent;
    } else {
        now.results.fail(describe(r.failure));
    }
    if (now.text != sent) send_search(ctx, now.text);
}

void ManualsFlow::show_article(const std::string& slug, FlowContext& ctx) {
    if (slug == state_.slug && (state_.article.data || state_.article.loading())) return;
    state_.slug = slug;
    state_.article = {};
    state_.article_not_found = false;
    if (const auto kept = articles_.find(slug); kept != articles_.end()) {
        state_.article.succeed(kept->second);
        return;
    }
    load_article(ctx);
}

void ManualsFlow::load_article(FlowContext& ctx) {
    state_.article.start();
    state_.article_not_found = false;
    ctx.api.manual(
        state_.slug,
        ctx.guard<api::ManualPageView>([this, slug = state_.slug, changes = language_changes_](
                                           api::ApiResult<api::ManualPageView> r) {
            if (changes != language_changes_) return;  // the request for it in the new one runs
            if (r.ok()) {
                auto article = std::make_shared<ManualArticle>();
                article->document = markdown::parse(r.value->body_markdown);
                article->page = std::move(*r.value);
                articles_[slug] = article;
                if (slug == state_.slug) state_.article.succeed(std::move(article));
                return;
            }
            if (slug != state_.slug) return;  // the client moved on to another article
            if (r.failure.kind == api::ApiFailure::Kind::rejected && r.failure.status == 404) {
                state_.article = {};
                state_.article_not_found = true;
                return;
            }
            state_.article.fail(describe(r.failure));
        }));
}

void ManualsFlow::follow_link(const std::string& url, FlowContext& ctx) {
    switch (markdown::classify_link(url)) {
        case markdown::LinkKind::internal: {
            const auto route = manual_route(std::string_view(url).substr(url.find(':') + 1));
            if (route) ctx.navigate(*route);
            break;
        }
        case markdown::LinkKind::external:
            ctx.browser.open_in_new_tab(url);
            break;
        case markdown::LinkKind::none:
        case markdown::LinkKind::unsafe:
            break;  // never opened: the screen shows such links as plain text
    }
}

}  // namespace portal::app
