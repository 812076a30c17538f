// Outcome<T>: the result of a domain rule that can be refused for a reason the client must see.
// Expected failures (a plan that cannot change, a service that cannot be cancelled) are values,
// not exceptions: the WebAssembly build runs without exception support, and callers (REST
// handlers, app flows) turn the code into the API error shape {"error":{"code":...}}.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace portal::domain {

// `code` is a stable snake_case identifier ("currency_mismatch", "domain_not_cancellable", ...)
// that clients and translations key on; `message` is an English explanation for logs and
// developers, never shown as-is to a client.
struct DomainError {
    std::string code;
    std::string message;

    friend bool operator==(const DomainError&, const DomainError&) = default;
};

template <class T>
class Outcome {
  public:
    Outcome(T value) : state_(std::move(value)) {}            // NOLINT: implicit by design
    Outcome(DomainError error) : state_(std::move(error)) {}  // NOLINT: implicit by design

    static Outcome failure(std::string code, std::string message) {
        return Outcome(DomainError{std::move(code), std::move(message)});
    }

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }

    // Precondition: ok(). Reading the value of a failure is a programming error.
    const T& value() const& { return std::get<T>(state_); }
    T& value() & { return std::get<T>(state_); }
    T&& value() && { return std::get<T>(std::move(state_)); }

    // Precondition: !ok().
    const DomainError& error() const { return std::get<DomainError>(state_); }

  private:
    std::variant<T, DomainError> state_;
};

}  // namespace portal::domain
