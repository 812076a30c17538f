// [SECTION] Handlers: the manuals' catalog, one page, and search (open to everyone: the manuals
// are the company's public help, RULES.md §8 level 1), each in the request's language
// (language.h): an article, its catalog and its search are those of one language.
#include "core/backend.h"
#include "core/responses.h"

namespace portal::backend {

Response Backend::list_manuals(Call& call) {
    auto q = call.request.query.find("q");
    if (q == call.request.query.end()) return json_answer(200, manuals_.catalog(call.language));

    size_t limit = 20;
    auto limit_param = call.request.query.find("limit");
    if (limit_param != call.request.query.end()) {
        auto value = parse_id(limit_param->second);
        if (!value || *value > 100) {
            return error_response(400, api::kInvalidValue, "limit: 1 to 100", "limit");
        }
        limit = static_cast<size_t>(*value);
    }
    if (q->second.size() > 200) {
        return error_response(400, api::kInvalidValue, "q: at most 200 characters", "q");
    }
    api::ManualSearchResults results;
    results.query = q->second;
    for (const auto& hit : manuals_.index(call.language).search(q->second, limit)) {
        api::ManualSearchHit out;
        out.slug = hit.slug;
        out.title = hit.title;
        out.score = hit.score;
        out.snippet = hit.snippet;
        for (auto [first, second] : hit.title_matches) {
            out.title_matches.emplace_back(static_cast<int64_t>(first),
                                           static_cast<int64_t>(second));
        }
        for (auto [first, second] : hit.snippet_matches) {
            out.snippet_matches.emplace_back(static_cast<int64_t>(first),
                                             static_cast<int64_t>(second));
        }
        results.results.push_back(std::move(out));
    }
    return json_answer(200, results);
}

Response Backend::get_manual(Call& call) {
    const domain::ManualPage* page = manuals_.index(call.language).find(call.params.at("slug"));
    if (!page) return not_found("manual page");
    return json_answer(200, api::ManualPageView{page->slug, page->title, page->book, page->chapter,
                                                page->body_markdown});
}

}  // namespace portal::backend
