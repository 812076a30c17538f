// One value for each value of a named enumeration, written as a table beside the enumerators
// (a status's colour, a cycle's months): data instead of a switch whose every case returns a
// constant. Like the switch under -Wswitch, the table is checked complete: one that misses a value
// or names one twice does not compile.
//
//     constexpr EnumMap<BillingCycle, int> kMonths{{BillingCycle::monthly, 1}, ...};
//     kMonths[cycle]
#pragma once

#include <array>
#include <cstddef>
#include <initializer_list>
#include <utility>

#include "domain/enum_names.h"

namespace portal::domain {

// Called only where a table is incomplete: not constexpr, so such a table fails to compile.
void enum_map_must_give_every_value_once();

template <NamedEnum E, class V>
class EnumMap {
  public:
    using Entry = std::pair<E, V>;

    consteval EnumMap(std::initializer_list<Entry> entries) {
        if (entries.size() != entries_.size()) enum_map_must_give_every_value_once();
        std::size_t i = 0;
        for (const Entry& entry : entries) entries_[i++] = entry;
        for (E value : enum_values<E>()) {
            std::size_t found = 0;
            for (const Entry& entry : entries_) found += entry.first == value ? 1 : 0;
            if (found != 1) enum_map_must_give_every_value_once();
        }
    }

    constexpr const V& operator[](E value) const {
        for (const Entry& entry : entries_) {
            if (entry.first == value) return entry.second;
        }
        return entries_.front().second;  // only a cast can make a value outside the table
    }

  private:
    std::array<Entry, EnumNames<E>::table.size()> entries_{};
};

}  // namespace portal::domain
