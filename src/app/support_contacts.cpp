#include "app/support_contacts.h"

#include <cctype>

namespace portal::app {
namespace {

// The digits of a number as people write it ("+54 9 (11) 5263-0000" → "5491152630000"), or
// nullopt when it has anything else, or too few or too many digits to be one (E.164: up to 15).
std::optional<std::string> number_digits(const std::string& written) {
    std::string digits;
    for (const char c : written) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            digits += c;
        } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.' &&
                   !(c == '+' && digits.empty())) {
            return std::nullopt;
        }
    }
    if (digits.size() < 6 || digits.size() > 15) return std::nullopt;
    return digits;
}

// A Telegram user name: 5 to 32 letters, digits and underscores, written with or without "@".
std::optional<std::string> telegram_user(const std::string& written) {
    const std::string name = !written.empty() && written[0] == '@' ? written.substr(1) : written;
    if (name.size() < 5 || name.size() > 32) return std::nullopt;
    for (const char c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return std::nullopt;
    }
    return name;
}

}  // namespace

std::optional<ChannelContact> contact_for(const SupportContacts& contacts,
                                          domain::SupportChannel channel) {
    using domain::SupportChannel;
    switch (channel) {
        case SupportChannel::phone:
            if (const auto digits = number_digits(contacts.phone)) {
                return ChannelContact{contacts.phone, "tel:+" + *digits, ChannelText::call};
            }
            return std::nullopt;
        case SupportChannel::whatsapp:
            if (const auto digits = number_digits(contacts.whatsapp)) {
                return ChannelContact{contacts.whatsapp, "https://wa.me/" + *digits,
                                      ChannelText::write_whatsapp};
            }
            return std::nullopt;
        case SupportChannel::telegram:
            if (const auto user = telegram_user(contacts.telegram)) {
                return ChannelContact{"@" + *user, "https://t.me/" + *user,
                                      ChannelText::write_telegram};
            }
            return std::nullopt;
        default:
            return std::nullopt;
    }
}

bool lacks_phone_or_whatsapp(domain::SupportPlan plan) {
    return !domain::includes(plan, domain::SupportChannel::phone) ||
           !domain::includes(plan, domain::SupportChannel::whatsapp);
}

}  // namespace portal::app
