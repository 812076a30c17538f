// One keystroke's search over 10,000 manual pages (the budget: under 5 ms).
//
// The corpus is generated, deterministic and Spanish: its vocabulary comes from our own articles
// (assets/manuals, accents included), words are drawn with a Zipf-like skew like real text, and
// the real articles are part of it, so "cancelacion" has the page it must find. Each page has a
// 3-8 word title and a ~250 word Markdown body (a heading, paragraphs, bold, a link, a list).
//
// Run: build/<dir>/tests/bench/manual_search_bench  (add --benchmark_min_time=2 for steadier
// numbers). Every benchmark reports the time of one search (one keystroke).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "domain/manual_index.h"

namespace {

using portal::domain::ManualIndex;
using portal::domain::ManualPage;

constexpr size_t kPages = 10000;
constexpr size_t kLimit = 50;  // what the portal asks for (app/manuals_flow.h)

// xorshift64*: the same corpus on every run and every machine.
struct Random {
    uint64_t state = 0x9E3779B97F4A7C15ULL;
    uint64_t next() {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return state * 2685821657736338717ULL;
    }
    // Zipf-like: small indexes are much more frequent (a few words are everywhere).
    size_t skewed(size_t n) {
        const double u = static_cast<double>(next() >> 11) / static_cast<double>(1ULL << 53);
        return std::min(n - 1, static_cast<size_t>(static_cast<double>(n) * u * u * u));
    }
};

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Letters (ASCII and UTF-8 multi-byte) of the articles' bodies.
std::vector<std::string> vocabulary(const std::vector<std::string>& texts) {
    std::set<std::string> words;
    for (const std::string& text : texts) {
        std::string word;
        for (const char c : text) {
            const auto u = static_cast<unsigned char>(c);
            if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80) {
                word += c;
            } else {
                if (word.size() >= 2) words.insert(word);
                word.clear();
            }
        }
    }
    std::vector<std::string> out(words.begin(), words.end());
    if (out.size() < 100) {  // no articles found: syllables make words
        const char* syllables[] = {"ca", "la", "ser", "vi",  "cio", "pa",   "nel", "ción", "ba",
                                   "ja", "do", "mi",  "nio", "co",  "rreo", "ra",  "dio",  "tí"};
        Random random;
        for (int i = 0; i < 3000; ++i) {
            std::string word;
            for (int k = 0; k < 2 + static_cast<int>(random.next() % 3); ++k)
                word += syllables[random.next() % std::size(syllables)];
            out.push_back(word);
        }
    }
    // Shuffled once so the skew does not favour the alphabet's start.
    Random random;
    for (size_t i = out.size(); i > 1; --i) std::swap(out[i - 1], out[random.next() % i]);
    return out;
}

const ManualIndex& corpus() {
    static const ManualIndex index = [] {
        std::vector<ManualPage> real;
        std::vector<std::string> texts;
        std::error_code error;
        for (const auto& entry :
             std::filesystem::recursive_directory_iterator(PORTAL_MANUALS_DIR, error)) {
            if (entry.path().extension() != ".md" || entry.path().filename() == "README.md") {
                continue;
            }
            ManualPage page;
            page.slug = entry.path().stem().string();
            page.body_markdown = read_file(entry.path());
            const auto title = page.body_markdown.find("\n# ");
            page.title = title == std::string::npos
                             ? page.slug
                             : page.body_markdown.substr(
                                   title + 3, page.body_markdown.find('\n', title + 3) - title - 3);
            page.book = "Manual";
            page.chapter = "General";
            texts.push_back(page.body_markdown);
            real.push_back(std::move(page));
        }
        const std::vector<std::string> words = vocabulary(texts);
        Random random;
        auto word = [&] { return words[random.skewed(words.size())]; };
        ManualIndex built;
        for (size_t i = 0; built.pages().size() + real.size() < kPages; ++i) {
            ManualPage page;
            page.slug = "pagina-" + std::to_string(i);
            const int title_words = 3 + static_cast<int>(random.next() % 6);
            for (int w = 0; w < title_words; ++w) page.title += (w ? " " : "") + word();
            std::string& body = page.body_markdown;
            body = "# " + page.title + "\n\n";
            for (int paragraph = 0; paragraph < 4; ++paragraph) {
                for (int w = 0; w < 55; ++w) {
                    const uint64_t style = random.next() % 40;
                    if (style == 0) {
                        body += "**" + word() + "** ";
                    } else if (style == 1) {
                        body += "[" + word() + "](manual:pagina-" +
                                std::to_string(random.next() % kPages) + ") ";
                    } else {
                        body += word() + (w % 12 == 11 ? ". " : " ");
                    }
                }
                body += "\n\n";
            }
            body += "- " + word() + " " + word() + "\n- " + word() + " " + word() + "\n";
            page.book = "Libro " + std::to_string(i % 3);
            page.chapter = "Capítulo " + std::to_string(i % 7);
            built.add(std::move(page));
        }
        for (ManualPage& page : real) built.add(std::move(page));
        return built;
    }();
    return index;
}

void search(benchmark::State& state, const std::string& query) {
    const ManualIndex& index = corpus();
    size_t found = 0;
    for (auto _ : state) {
        auto hits = index.search(query, kLimit);
        found = hits.size();
        benchmark::DoNotOptimize(hits);
    }
    state.counters["pages"] = static_cast<double>(index.pages().size());
    state.counters["hits"] = static_cast<double>(found);
}

// Every keystroke of a client typing a query, one search each; reported per keystroke.
void typing(benchmark::State& state, const std::string& query) {
    const ManualIndex& index = corpus();
    std::vector<std::string> prefixes;
    for (size_t n = 1; n <= query.size(); ++n) {
        if ((static_cast<unsigned char>(query[n - 1]) & 0xC0) == 0xC0) continue;  // mid-character
        prefixes.push_back(query.substr(0, n));
    }
    for (auto _ : state) {
        for (const std::string& prefix : prefixes) {
            auto hits = index.search(prefix, kLimit);
            benchmark::DoNotOptimize(hits);
        }
    }
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(prefixes.size()));
    // Time per keystroke, the number the budget is about.
    state.counters["per_keystroke"] =
        benchmark::Counter(static_cast<double>(state.iterations() * prefixes.size()),
                           benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

}  // namespace

BENCHMARK_CAPTURE(search, one_letter, std::string("c"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(search, prefix_canc, std::string("canc"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(search, cancelacion, std::string("cancelacion"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(search, upper_BAJA, std::string("BAJA"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(search, common_word, std::string("servicio"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(search, three_words, std::string("cancelación del servicio"))
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(search, two_letters_everywhere, std::string("de la e"))
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(search, no_match, std::string("zzzqqq"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(typing, cancelacion_del_servicio, std::string("cancelacion del servicio"))
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(typing, como_pido_la_baja, std::string("cómo pido la baja de mi hosting"))
    ->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
