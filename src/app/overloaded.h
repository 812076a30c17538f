// One handler per alternative of a std::variant, each a lambda taking that alternative:
// std::visit(Overloaded{[&](const A&) {...}, [&](const B& b) {...}}, value). A missing
// alternative does not compile.
#pragma once

namespace portal::app {

template <class... Handlers>
struct Overloaded : Handlers... {
    using Handlers::operator()...;
};

}  // namespace portal::app
