// The API names what happened with codes (an error's `code`, a field's name, an access's label
// key); each flow says them in its own words. A text entry names the codes it puts into words
// (app/texts/text_table.h), and these are the only ways they are read.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "api/api_client.h"
#include "app/texts/text_table.h"

namespace portal::app {

// The entry of `code` in a list of TextsOf<Words> (its codes or its fields), or nullopt.
template <class Words>
std::optional<Words> words_for(std::span<const CodeWords<Words>> table, std::string_view code) {
    for (const CodeWords<Words>& row : table) {
        if (row.code == code) return row.words;
    }
    return std::nullopt;
}

// A refusal the client can act on, in the flow's words: the entry of the error's code, else
// `not_found` for a 404. Nullopt when the failure is not a refusal (the network, a 500) or the flow
// has no words for it: the generic Problem says it then.
template <class Words>
std::optional<Words> refusal_in_words(const api::ApiFailure& failure, Words not_found) {
    if (failure.kind != api::ApiFailure::Kind::rejected) return std::nullopt;
    if (const auto words = words_for(TextsOf<Words>::codes, failure.error.code)) return words;
    if (failure.status == 404) return not_found;
    return std::nullopt;
}

}  // namespace portal::app
