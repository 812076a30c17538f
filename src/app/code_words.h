// The API names what happened with codes (an error's `code`, a field's name, an access's label
// key); each flow says them in its own words. A table of rows, one per code, is that flow's
// dictionary, and these are the only ways it is read.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>

#include "api/api_client.h"

namespace portal::app {

template <class Words>
struct CodeWords {
    std::string_view code;
    Words words;
};

// The words of `code`, or nullopt when the table has no row for it.
template <class Words, std::size_t N>
std::optional<Words> words_for(const CodeWords<Words> (&table)[N], std::string_view code) {
    for (const CodeWords<Words>& row : table) {
        if (row.code == code) return row.words;
    }
    return std::nullopt;
}

// A refusal the client can act on, in the flow's words: the row of the error's code, else
// `not_found` for a 404. Nullopt when the failure is not a refusal (the network, a 500) or the flow
// has no words for it: the generic Problem says it then.
template <class Words, std::size_t N>
std::optional<Words> refusal_in_words(const api::ApiFailure& failure,
                                      const CodeWords<Words> (&table)[N],
                                      std::type_identity_t<std::optional<Words>> not_found) {
    if (failure.kind != api::ApiFailure::Kind::rejected) return std::nullopt;
    if (const auto words = words_for(table, failure.error.code)) return words;
    if (failure.status == 404) return not_found;
    return std::nullopt;
}

}  // namespace portal::app
