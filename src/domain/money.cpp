#include "domain/money.h"

namespace portal::domain {
namespace {

Outcome<Money> mismatch(const Money& a, const Money& b) {
    return Outcome<Money>::failure(
        "currency_mismatch", "cannot combine amounts in " + a.currency + " and " + b.currency);
}

}  // namespace

Outcome<Money> add(const Money& a, const Money& b) {
    if (a.currency != b.currency) return mismatch(a, b);
    return Money{a.cents + b.cents, a.currency};
}

Outcome<Money> subtract(const Money& a, const Money& b) {
    if (a.currency != b.currency) return mismatch(a, b);
    return Money{a.cents - b.cents, a.currency};
}

std::string format_amount(const Money& money, char decimal_sep, char thousands_sep) {
    // Unsigned magnitude so the most negative int64 still formats.
    const bool negative = money.cents < 0;
    const uint64_t magnitude = negative ? uint64_t{0} - static_cast<uint64_t>(money.cents)
                                        : static_cast<uint64_t>(money.cents);
    const std::string units = std::to_string(magnitude / 100);
    const unsigned cents = static_cast<unsigned>(magnitude % 100);

    std::string out;
    if (negative) out += '-';
    for (size_t i = 0; i < units.size(); ++i) {
        if (i > 0 && thousands_sep != '\0' && (units.size() - i) % 3 == 0) out += thousands_sep;
        out += units[i];
    }
    out += decimal_sep;
    out += static_cast<char>('0' + cents / 10);
    out += static_cast<char>('0' + cents % 10);
    return out;
}

}  // namespace portal::domain
