// The generic record mapping of the SQLite store: every record's `fields` (core/records.h,
// domain/service.h, domain/invoice.h) give its columns, its INSERT and UPDATE text, its
// parameters and how a row is read back. Only the stored shape of a kind of value is said here:
//   - a Money field `price` is two columns, price_cents and price_currency;
//   - an enumeration is its name (domain/enum_names.h), a Date its ISO text, a bool 0 or 1,
//     an optional NULL when empty, a uint64_t its bits in a signed INTEGER;
//   - on INSERT, an `id` of 0 is NULL, so SQLite assigns the next one (INTEGER PRIMARY KEY).
// Reading is strict: a value of the wrong kind, an unknown name or a malformed date throws.
#pragma once

#include <algorithm>
#include <concepts>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include "sqlite/sqlite_statement.h"
#include "sqlite/sqlite_store.h"

namespace portal::backend {

// The table each record is kept in.
template <class R>
struct Table {
    std::string_view name;
};
inline constexpr std::tuple kTables{
    Table<ClientRecord>{"clients"},
    Table<SessionRecord>{"sessions"},
    Table<SignInLock>{"sign_in_locks"},
    Table<Setting>{"settings"},
    Table<domain::Plan>{"plans"},
    Table<DownloadRecord>{"downloads"},
    Table<domain::Service>{"services"},
    Table<CredentialRecord>{"credentials"},
    Table<domain::Invoice>{"invoices"},
    Table<UpgradeOrderRecord>{"upgrade_orders"},
    Table<PaymentRecord>{"payments"},
    Table<CancellationRecord>{"cancellation_requests"},
    Table<TicketRecord>{"tickets"},
    Table<TicketMessageRecord>{"ticket_messages"},
    Table<AttachmentRecord>{"ticket_attachments"},
    Table<IdempotentAnswer>{"idempotency_keys"},
    Table<ContactRecord>{"contacts"},
    Table<NotificationRecord>{"notifications"},
    Table<StatusComponentRecord>{"status_components"},
    Table<IncidentRecord>{"incidents"},
    Table<IncidentUpdateRecord>{"incident_updates"},
};
template <class R>
constexpr std::string_view table_of = std::get<Table<R>>(kTables).name;

namespace sqlite_rows {

template <class T>
concept Integer = std::integral<T> && !std::same_as<T, bool>;

// ---- One value: parameters ------------------------------------------------------------------
inline void bind_value(SqliteStatement& s, std::string_view v) {
    s.bind(v);
}
template <Integer T>
void bind_value(SqliteStatement& s, T v) {
    s.bind(static_cast<int64_t>(v));  // a uint64_t keeps its bits
}
inline void bind_value(SqliteStatement& s, bool v) {
    s.bind(int64_t{v ? 1 : 0});
}
inline void bind_value(SqliteStatement& s, const domain::Date& v) {
    s.bind(v.iso());
}
inline void bind_value(SqliteStatement& s, const domain::Money& v) {
    s.bind(v.cents).bind(v.currency);
}
template <domain::NamedEnum E>
void bind_value(SqliteStatement& s, E v) {
    s.bind(domain::to_string(v));
}
template <class T>
void bind_value(SqliteStatement& s, const std::optional<T>& v) {
    if (v) {
        bind_value(s, *v);
    } else {
        s.bind_null();
    }
}

// ---- One value: columns of a row, from `column` on (advanced past what was read) -------------
inline void read_value(const SqliteStatement& s, int& column, std::string& out) {
    out = s.text(column++);
}
template <Integer T>
void read_value(const SqliteStatement& s, int& column, T& out) {
    int64_t value = s.integer(column);
    if (!std::is_same_v<T, uint64_t> &&
        (value < static_cast<int64_t>(std::numeric_limits<T>::min()) ||
         value > static_cast<int64_t>(std::numeric_limits<T>::max()))) {
        s.refuse(column, "integer out of range");
    }
    out = static_cast<T>(value);
    ++column;
}
inline void read_value(const SqliteStatement& s, int& column, bool& out) {
    int64_t value = s.integer(column);
    if (value != 0 && value != 1) s.refuse(column, "expected 0 or 1");
    out = value == 1;
    ++column;
}
inline void read_value(const SqliteStatement& s, int& column, domain::Date& out) {
    std::string text = s.text(column);
    auto date = domain::Date::parse_iso(text);
    if (!date) s.refuse(column, "expected a date YYYY-MM-DD, not '" + text + "'");
    out = *date;
    ++column;
}
inline void read_value(const SqliteStatement& s, int& column, domain::Money& out) {
    read_value(s, column, out.cents);
    read_value(s, column, out.currency);
}
template <domain::NamedEnum E>
void read_value(const SqliteStatement& s, int& column, E& out) {
    std::string text = s.text(column);
    auto value = domain::parse_enum<E>(text);
    if (!value) s.refuse(column, "unknown value '" + text + "'");
    out = *value;
    ++column;
}
template <class T>
void read_value(const SqliteStatement& s, int& column, std::optional<T>& out) {
    if (s.is_null(column)) {
        out.reset();
        ++column;
        return;
    }
    T value{};
    read_value(s, column, value);
    out = std::move(value);
}

// ---- Visitors of `fields` -------------------------------------------------------------------
// The columns of each field, in order.
struct ColumnNames {
    std::vector<std::string> names;
    template <class T>
    void operator()(const char* name, const T&) {
        if constexpr (std::is_same_v<T, domain::Money>) {
            names.push_back(std::string(name) + "_cents");
            names.push_back(std::string(name) + "_currency");
        } else {
            names.push_back(name);
        }
    }
};

// Binds the fields whose name is (or is not) one of `keys`.
struct Binder {
    SqliteStatement& s;
    std::initializer_list<std::string_view> keys;
    bool bind_keys = false;
    bool inserting = false;
    template <class T>
    void operator()(const char* name, const T& value) {
        bool is_key = std::find(keys.begin(), keys.end(), name) != keys.end();
        if (is_key != bind_keys) return;
        if constexpr (std::is_same_v<T, int64_t>) {
            if (inserting && value == 0 && std::string_view(name) == "id") {
                s.bind_null();
                return;
            }
        }
        bind_value(s, value);
    }
};

struct RowReader {
    const SqliteStatement& s;
    int column = 0;
    template <class T>
    void operator()(const char*, T& value) {
        read_value(s, column, value);
    }
};

template <class R>
const std::vector<std::string>& columns() {
    static const std::vector<std::string> names = [] {
        ColumnNames visitor;
        fields(visitor, static_cast<const R&>(R{}));
        return visitor.names;
    }();
    return names;
}

// `names` joined with `separator`, each followed by `suffix`.
inline std::string join(const std::vector<std::string>& names, std::string_view suffix,
                        std::string_view separator) {
    std::string out;
    for (const auto& name : names) {
        if (!out.empty()) out += separator;
        out += name;
        out += suffix;
    }
    return out;
}

// "SELECT <every column of R> FROM <its table> ", written once: a read only adds its condition.
template <class R>
const std::string& select_all() {
    static const std::string text =
        "SELECT " + join(columns<R>(), "", ", ") + " FROM " + std::string(table_of<R>) + " ";
    return text;
}

template <class R>
R read_row(const SqliteStatement& s) {
    R row{};
    RowReader reader{s};
    fields(reader, row);
    return row;
}

}  // namespace sqlite_rows

// ---- SqliteStore's generic queries ----------------------------------------------------------
// The SQL text is built per call from the columns (cached per record type); the prepared
// statement is cached by that text.

template <class R, class... Values>
std::vector<R> SqliteStore::select(std::string_view condition, const Values&... values) {
    using namespace sqlite_rows;
    const std::string& head = select_all<R>();
    std::string sql;
    sql.reserve(head.size() + condition.size());
    sql.append(head).append(condition);
    auto read = [](SqliteStatement& s) {
        std::vector<R> rows;
        while (s.step()) rows.push_back(read_row<R>(s));
        return rows;
    };
    // In a snapshot, on its own connection and view, without the writer's lock; asked twice
    // there, read once.
    if (SqliteReader* reader = snapshot_reader()) {
        SqliteStatement s = reader->prepare(sql);
        (bind_value(s, values), ...);
        return reader->rows<std::vector<R>>(s, [&] { return read(s); });
    }
    std::lock_guard lock(mutex_);
    SqliteStatement s = prepare(sql);
    (bind_value(s, values), ...);
    return read(s);
}

template <class R, class... Values>
std::optional<R> SqliteStore::select_one(std::string_view condition, const Values&... values) {
    auto rows = select<R>(condition, values...);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
}

template <class R>
int64_t SqliteStore::insert(const R& row, std::string_view verb) {
    using namespace sqlite_rows;
    std::lock_guard lock(mutex_);
    const auto& names = columns<R>();
    auto s = prepare(std::string(verb) + " INTO " + std::string(table_of<R>) + " (" +
                     join(names, "", ", ") + ") VALUES (" +
                     join(std::vector<std::string>(names.size()), "?", ", ") + ")");
    Binder binder{s, {}, false, true};
    fields(binder, row);
    s.run();
    return last_insert_id();
}

template <class R>
void SqliteStore::update(const R& row, std::initializer_list<std::string_view> keys) {
    using namespace sqlite_rows;
    std::lock_guard lock(mutex_);
    std::vector<std::string> set, where;
    for (const auto& name : columns<R>()) {
        bool is_key = std::find(keys.begin(), keys.end(), name) != keys.end();
        (is_key ? where : set).push_back(name);
    }
    auto s = prepare("UPDATE " + std::string(table_of<R>) + " SET " + join(set, " = ?", ", ") +
                     " WHERE " + join(where, " = ?", " AND "));
    Binder values{s, keys, false, false};
    fields(values, row);
    Binder key_values{s, keys, true, false};
    fields(key_values, row);
    s.run();
}

}  // namespace portal::backend
