// One handler per alternative of a std::variant, each a lambda taking that alternative:
// std::visit(Overloaded{[&](const A&) {...}, [&](const B& b) {...}}, value). A missing
// alternative does not compile.
#pragma once

namespace portal::app {

template <class... Handlers>
struct Overloaded : Handlers... {
    using Handlers::operator()...;
};
// Spelled out for compilers without deduction from aggregate initialisation (the page's clang).
template <class... Handlers>
Overloaded(Handlers...) -> Overloaded<Handlers...>;

}  // namespace portal::app
