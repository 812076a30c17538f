// Money: integer cents plus an ISO 4217 code. Never floating point, so 150 − 100 is exactly 50
// (RULES.md §3). Amounts in different currencies are never combined silently: add/subtract
// refuse them with "currency_mismatch".
#pragma once

#include <cstdint>
#include <string>

#include "domain/outcome.h"

namespace portal::domain {

struct Money {
    int64_t cents = 0;
    std::string currency;  // "USD", "ARS", "EUR"

    static Money zero(std::string currency) { return Money{0, std::move(currency)}; }
    bool is_zero() const { return cents == 0; }
    bool is_negative() const { return cents < 0; }

    friend bool operator==(const Money&, const Money&) = default;
};

Outcome<Money> add(const Money& a, const Money& b);
Outcome<Money> subtract(const Money& a, const Money& b);

// Amount only, no currency symbol (callers add it in the client's language):
// format_amount({123450, "ARS"}, ',', '.') == "1.234,50"; negative amounts start with '-'.
// A thousands_sep of '\0' means no grouping.
std::string format_amount(const Money& money, char decimal_sep, char thousands_sep);

}  // namespace portal::domain
