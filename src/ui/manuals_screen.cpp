// /manuales (catalog and search as you type) and /manuales/{slug} (one article).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/texts/manuals_texts.h"
#include "imgui.h"
#include "ui/fonts.h"
#include "ui/icons.h"
#include "ui/item_tree.h"
#include "ui/markdown_view.h"
#include "ui/screen_context.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace portal::ui {
namespace {

using app::ManualsText;
using Page = app::Route::Page;

constexpr float kMaxColumn = 780.0f;

// "Ningún artículo coincide con «%s»" with the client's text in place of %s.
std::string with_text(const char* pattern, const std::string& text) {
    std::string out = pattern;
    const auto at = out.find("%s");
    if (at != std::string::npos) out.replace(at, 2, text);
    return out;
}

// A failed load's problem box, whose "Reintentar" sends `retry`; true when the load failed.
template <class Loadable>
bool failure(const Loadable& loadable, app::Language lang, app::Intent& intent,
             app::ManualsIntent retry) {
    if (!loadable.failed()) return false;
    if (problem_box(loadable.problem, lang)) keep(intent, std::move(retry));
    return true;
}

// [SECTION] Catalog

// A chapter's pages, one link per line. Only the links inside the area being drawn are laid out;
// the others are stepped over by their height, so a catalog of 10,000 pages costs a frame what a
// screenful costs (links in books side by side rule out one ImGuiListClipper for the catalog).
app::Intent draw_page_links(const std::vector<api::ManualPageRef>& pages) {
    app::Intent intent;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float step = ImGui::GetTextLineHeight() + spacing;  // a link is one text line high
    const float top = ImGui::GetCursorScreenPos().y;
    const ImDrawList* draw = ImGui::GetWindowDrawList();
    const float visible_top = draw->GetClipRectMin().y;
    const float visible_bottom = draw->GetClipRectMax().y;
    const int count = static_cast<int>(pages.size());
    const int first =
        std::clamp(static_cast<int>(std::floor((visible_top - top) / step)), 0, count);
    const int last =
        std::clamp(static_cast<int>(std::ceil((visible_bottom - top) / step)) + 1, first, count);
    if (first > 0) ImGui::Dummy(ImVec2(0.0f, static_cast<float>(first) * step - spacing));
    for (int i = first; i < last; ++i) {
        const api::ManualPageRef& page = pages[static_cast<size_t>(i)];
        if (link(page.title)) intent = app::Navigate{app::Route{Page::manual, 0, page.slug}};
    }
    if (last < count) {
        ImGui::Dummy(ImVec2(0.0f, static_cast<float>(count - last) * step - spacing));
    }
    return intent;
}

app::Intent draw_catalog(const app::ManualsState& state, app::Language lang) {
    app::Intent intent;
    const auto& catalog = state.catalog;
    if (failure(catalog, lang, intent, app::ReloadManuals{})) ImGui::Spacing();
    if (!catalog.data) {
        if (catalog.loading()) loading_line(lang);
        return intent;
    }
    const auto& books = catalog.data->books;
    if (books.empty()) {
        empty_line(app::tr(lang, ManualsText::no_manuals));
        return intent;
    }
    // Books side by side when there is room (a desk), one under the other on a phone.
    const int columns = ImGui::GetContentRegionAvail().x >=
                                300.0f * static_cast<float>(std::min<size_t>(books.size(), 3))
                            ? static_cast<int>(std::min<size_t>(books.size(), 3))
                            : 1;
    const bool table = columns > 1 && ImGui::BeginTable("books", columns,
                                                        ImGuiTableFlags_SizingStretchSame |
                                                            ImGuiTableFlags_PadOuterX);
    for (size_t b = 0; b < books.size(); ++b) {
        const api::ManualBook& book = books[b];
        ImGui::PushID(static_cast<int>(b));
        if (table) {
            if (b % static_cast<size_t>(columns) == 0) ImGui::TableNextRow();
            ImGui::TableNextColumn();
        } else if (b > 0) {
            ImGui::Spacing();
        }
        heading(book.title);
        for (size_t c = 0; c < book.chapters.size(); ++c) {
            const api::ManualChapter& chapter = book.chapters[c];
            ImGui::PushID(static_cast<int>(c));
            ImGui::Spacing();
            ImGui::PushFont(fonts().bold);
            text(chapter.title, color::kMuted);
            ImGui::PopFont();
            ImGui::Indent(12.0f);
            keep(intent, draw_page_links(chapter.pages));
            ImGui::Unindent(12.0f);
            ImGui::PopID();
        }
        ImGui::PopID();
    }
    if (table) ImGui::EndTable();
    return intent;
}

// [SECTION] Search results

float result_row_height() {
    return 10.0f + flow_line_height(fonts().heading, 4) + 2 * flow_line_height(fonts().body, 4) +
           8.0f;
}

bool draw_result(const api::ManualSearchHit& hit, float width) {
    const float height = result_row_height();
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(min.x + 12, min.y + 8));
    draw_highlighted(hit.title, hit.title_matches, fonts().heading, fonts().heading,
                     color::kPrimary, 1, width - 24);
    ImGui::SetCursorScreenPos(ImVec2(min.x + 12, ImGui::GetCursorScreenPos().y + 2));
    draw_highlighted(hit.snippet, hit.snippet_matches, fonts().body, fonts().bold, color::kText, 2,
                     width - 24);
    draw->ChannelsSetCurrent(0);
    ImGui::SetCursorScreenPos(min);
    // The whole card opens the article; the title is the link's name.
    if (ImGui::IsRectVisible(ImVec2(width, height))) item_tree_next(ItemRole::link, hit.title);
    const bool open = ImGui::Selectable("##result", false, 0, ImVec2(width, height));
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    item_tree_report_last_item(hit.snippet, ItemRole::text);
    draw->AddRect(min, ImVec2(min.x + width, min.y + height), color::kCardBorder, 6.0f);
    draw->ChannelsMerge();
    return open;
}

app::Intent draw_results(const app::ManualSearch& search, app::Language lang) {
    app::Intent intent;
    const auto& results = search.results;
    if (failure(results, lang, intent, app::SearchManuals{})) return intent;
    if (!results.data || (results.data->results.empty() && !search.settled())) {
        loading_line(lang, app::tr(lang, ManualsText::searching));
        return intent;
    }
    const auto& hits = results.data->results;
    if (hits.empty()) {
        text_wrapped(with_text(app::tr(lang, ManualsText::no_results), search.shown_for));
        text_wrapped(app::tr(lang, ManualsText::no_results_hint), color::kMuted);
        return intent;
    }
    text(with_text(app::tr(lang, ManualsText::results_for), search.shown_for), color::kMuted);
    if (!search.settled()) {
        ImGui::SameLine();
        text(std::string("  ") + app::tr(lang, ManualsText::searching), color::kMuted);
    }
    ImGui::Spacing();
    const float width = std::min(ImGui::GetContentRegionAvail().x, kMaxColumn);
    // Only the rows on screen are laid out (rows have one height: title + two snippet lines).
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(hits.size()),
                  result_row_height() + ImGui::GetStyle().ItemSpacing.y);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const api::ManualSearchHit& hit = hits[static_cast<size_t>(i)];
            ImGui::PushID(i);
            if (draw_result(hit, width)) {
                intent = app::Navigate{app::Route{Page::manual, 0, hit.slug}};
            }
            ImGui::PopID();
        }
    }
    return intent;
}

app::Intent draw_manuals_home(app::PortalApp& app) {
    const app::Language lang = app.state().language;
    app::ManualsFlow& flow = app.manuals_form();
    app::Intent intent;
    title(app::tr(lang, app::Text::manuals));
    text_wrapped(app::tr(lang, ManualsText::subtitle), color::kMuted);
    ImGui::Spacing();

    const float field = std::min(ImGui::GetContentRegionAvail().x, 560.0f);
    text_field(app::tr(lang, ManualsText::search_label), flow.search_text(), FieldKind::text,
               std::nullopt, lang, field);
    // The field is the last item: typing searches, leaving it (Enter, a click elsewhere, a
    // result) puts the search in the route.
    // (Escape leaves it too, keeping the text.)
    if (ImGui::IsItemDeactivated()) keep(intent, app::ManualsIntent{app::CommitManualSearch{}});
    if (ImGui::IsItemEdited()) keep(intent, app::ManualsIntent{app::SearchManuals{}});
    if (!flow.state().search.active()) {
        text_wrapped(app::tr(lang, ManualsText::search_hint), color::kMuted);
    }
    ImGui::Spacing();

    ImGui::BeginChild("manuals-body", ImVec2(0, 0));
    const app::ManualsState& state = flow.state();
    if (state.search.active()) {
        keep(intent, draw_results(state.search, lang));
    } else {
        keep(intent, draw_catalog(state, lang));
    }
    ImGui::EndChild();
    return intent;
}

// [SECTION] Article

app::Intent draw_article(app::PortalApp& app) {
    const app::Language lang = app.state().language;
    const app::ManualsFlow& flow = app.manuals();
    const app::ManualsState& state = flow.state();
    app::Intent intent;

    const app::Route back = flow.catalog_route();
    if (link_back(app::tr(lang, back.query.empty() ? ManualsText::back_to_catalog
                                                   : ManualsText::back_to_results))) {
        intent = app::Navigate{back};
    }
    ImGui::Spacing();

    if (state.article_not_found) {
        title(app::tr(lang, ManualsText::article_not_found));
        text_wrapped(app::tr(lang, ManualsText::article_not_found_hint), color::kMuted);
        ImGui::Spacing();
        if (link(app::tr(lang, ManualsText::back_to_catalog))) {
            intent = app::Navigate{app::Route{Page::manuals}};
        }
        return intent;
    }
    if (failure(state.article, lang, intent, app::ReloadManualArticle{})) return intent;
    if (!state.article.data) {
        loading_line(lang);
        return intent;
    }
    const app::ManualArticle& article = **state.article.data;

    // Breadcrumb: Manuales › Libro › Capítulo.
    if (link(app::tr(lang, app::Text::manuals))) intent = app::Navigate{app::Route{Page::manuals}};
    for (const std::string* part : {&article.page.book, &article.page.chapter}) {
        if (part->empty()) continue;
        ImGui::SameLine(0, 6);
        text("›", color::kMuted);
        ImGui::SameLine(0, 6);
        text(*part, color::kMuted);
    }
    ImGui::Separator();

    ImGui::BeginChild("article", ImVec2(0, 0));
    MarkdownStyle style;
    style.external_hint = app::tr(lang, ManualsText::opens_new_tab);
    if (auto clicked = draw_markdown(article.document, style)) {
        keep(intent, app::ManualsIntent{app::FollowManualLink{std::move(*clicked)}});
    }
    ImGui::Dummy(ImVec2(0, 24));
    ImGui::EndChild();
    return intent;
}

}  // namespace

app::Intent draw_manuals(app::PortalApp& app) {
    if (app.state().route.page == Page::manual) return draw_article(app);
    return draw_manuals_home(app);
}

}  // namespace portal::ui
