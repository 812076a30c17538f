#include "app/route.h"

#include <charconv>
#include <vector>

#include "api/api_client.h"

namespace portal::app {
namespace {

// The pages whose address is one word, said once for both directions.
struct OneWordPage {
    std::string_view word;
    Route::Page page;
};
constexpr OneWordPage kOneWordPages[] = {
    {"ingresar", Route::Page::login},
    {"facturas", Route::Page::invoices},
    {"estado", Route::Page::status},
    {"cuenta", Route::Page::account},
};

std::vector<std::string_view> segments(std::string_view path) {
    std::vector<std::string_view> out;
    size_t start = 0;
    while (start <= path.size()) {
        const size_t end = path.find('/', start);
        const std::string_view part =
            path.substr(start, end == std::string_view::npos ? path.npos : end - start);
        if (!part.empty()) out.push_back(part);
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return out;
}

std::optional<int64_t> positive_id(std::string_view text) {
    int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
    return value;
}

bool is_slug(std::string_view text) {
    if (text.empty() || text.size() > 100) return false;
    for (const char c : text) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    }
    return true;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Decodes %XX and '+' of a query value; nullopt on a broken escape.
std::optional<std::string> url_decode(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] == '%') {
            if (i + 2 >= text.size()) return std::nullopt;  // "%4" at the end
            const int hi = hex_value(text[i + 1]);
            const int lo = hex_value(text[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

// /soporte, /soporte/nuevo, /soporte/tickets/{id}.
std::optional<Route> support_route(const std::vector<std::string_view>& parts) {
    Route route{Route::Page::support};
    if (parts.size() == 1) return route;
    if (parts.size() == 2 && parts[1] == "nuevo") {
        route.page = Route::Page::new_ticket;
        return route;
    }
    if (parts.size() == 3 && parts[1] == "tickets") {
        const auto id = positive_id(parts[2]);
        if (!id) return std::nullopt;
        route.page = Route::Page::ticket;
        route.ticket_id = *id;
        return route;
    }
    return std::nullopt;
}

}  // namespace

std::optional<Route> parse_route(std::string_view path) {
    std::string_view query;
    if (const auto mark = path.find('?'); mark != std::string_view::npos) {
        query = path.substr(mark + 1);
        path = path.substr(0, mark);
    }
    const auto parts = segments(path);
    Route route;
    if (parts.empty()) return route;  // "/" is the home screen: the services
    for (const OneWordPage& one : kOneWordPages) {
        if (parts[0] == one.word && parts.size() == 1) {
            route.page = one.page;
            return route;
        }
    }
    if (parts[0] == "soporte") return support_route(parts);
    // An invitation's token: URL-safe characters only (backend_contacts.cpp makes 43).
    if (parts[0] == "invitacion" && parts.size() == 2 && !parts[1].empty() &&
        parts[1].size() <= 100 &&
        parts[1].find_first_not_of(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") ==
            std::string_view::npos) {
        route.page = Route::Page::invitation;
        route.slug = std::string(parts[1]);
        return route;
    }
    if (parts[0] == "servicios") {
        if (parts.size() == 1) return route;
        const auto id = positive_id(parts[1]);
        if (!id) return std::nullopt;
        route.service_id = *id;
        if (parts.size() == 2) {
            route.page = Route::Page::service;
            return route;
        }
        if (parts.size() == 3 && parts[2] == "upgrade") {
            route.page = Route::Page::upgrade;
            return route;
        }
        if (parts.size() == 3 && parts[2] == "cancelar") {
            route.page = Route::Page::cancellation;
            return route;
        }
        if (parts.size() == 3 && parts[2] == "ayuda") {
            route.page = Route::Page::new_ticket;
            return route;
        }
        return std::nullopt;
    }
    if (parts[0] == "manuales") {
        if (parts.size() == 1) {
            route.page = Route::Page::manuals;
            if (query.substr(0, 2) == "q=") {
                auto text = url_decode(query.substr(2));
                if (!text) return std::nullopt;
                route.query = std::move(*text);
            }
            return route;
        }
        if (parts.size() == 2 && is_slug(parts[1])) {
            route.page = Route::Page::manual;
            route.slug = std::string(parts[1]);
            return route;
        }
    }
    return std::nullopt;
}

std::string route_path(const Route& route) {
    for (const OneWordPage& one : kOneWordPages) {
        if (route.page == one.page) return "/" + std::string(one.word);
    }
    const std::string service = "/servicios/" + std::to_string(route.service_id);
    switch (route.page) {
        case Route::Page::login:
        case Route::Page::invoices:
        case Route::Page::account:
        case Route::Page::status:
            break;  // kOneWordPages
        case Route::Page::services:
            return "/servicios";
        case Route::Page::service:
            return service;
        case Route::Page::upgrade:
            return service + "/upgrade";
        case Route::Page::cancellation:
            return service + "/cancelar";
        case Route::Page::manuals:
            return route.query.empty() ? "/manuales"
                                       : "/manuales?q=" + api::encode_query_value(route.query);
        case Route::Page::manual:
            return "/manuales/" + route.slug;
        case Route::Page::invitation:
            return "/invitacion/" + route.slug;
        case Route::Page::support:
            return "/soporte";
        case Route::Page::ticket:
            return "/soporte/tickets/" + std::to_string(route.ticket_id);
        case Route::Page::new_ticket:
            return route.service_id == 0 ? "/soporte/nuevo" : service + "/ayuda";
    }
    return "/servicios";
}

std::optional<Route> manual_route(std::string_view slug) {
    if (!is_slug(slug)) return std::nullopt;
    return Route{Route::Page::manual, 0, std::string(slug)};
}

bool needs_session(const Route& route) {
    return route.page != Route::Page::login && route.page != Route::Page::invitation;
}

}  // namespace portal::app
