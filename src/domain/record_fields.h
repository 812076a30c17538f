// How a stored struct names its fields, once: beside the struct,
//     template <class V, FieldsOf<Service> S>
//     void fields(V& v, S& r) { v("id", r.id), v("name", r.name), ...; }
// lists every member with its stored name. Each store visits that list with its own visitor
// (write a JSON object, bind SQL parameters, read a row back), so no store lists fields again.
// The one template serves const records (writing) and mutable ones (reading).
#pragma once

#include <concepts>
#include <type_traits>

namespace portal::domain {

template <class S, class Record>
concept FieldsOf = std::same_as<std::remove_const_t<S>, Record>;

}  // namespace portal::domain
