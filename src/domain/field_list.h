// One list of names, expanded into several places: PORTAL_NAMED_ENUM (enum_names.h) makes an
// enum's enumerators and its names table from one list, PORTAL_FIELDS (record_fields.h) makes a
// struct's `fields` from its member names. Written once, so a name cannot be added to one place
// and forgotten in the other, and no name is ever spelled twice (member and string).
//
// PORTAL_FOR_EACH(m, c, a, b, ...) expands to `m(c, a) m(c, b) ...`: `c` is one argument passed
// to every call (the enum, the record), the rest are the names. Up to 20 names; a longer list
// fails to compile (PORTAL_FIELD_LIST_COUNT picks no step), so nothing is silently dropped.
#pragma once

#define PORTAL_FIELD_LIST_CAT_(a, b) a##b
#define PORTAL_FIELD_LIST_CAT(a, b) PORTAL_FIELD_LIST_CAT_(a, b)

// How many arguments, 1 to 20: each argument pushes the counting list one place to the right.
#define PORTAL_FIELD_LIST_COUNT(...)                                                              \
    PORTAL_FIELD_LIST_COUNT_(__VA_ARGS__, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, \
                             5, 4, 3, 2, 1, )
#define PORTAL_FIELD_LIST_COUNT_(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, \
                                 _16, _17, _18, _19, _20, n, ...)                                  \
    n

#define PORTAL_FOR_EACH(m, c, ...) \
    PORTAL_FIELD_LIST_CAT(PORTAL_FOR_EACH_, PORTAL_FIELD_LIST_COUNT(__VA_ARGS__))(m, c, __VA_ARGS__)

// One step per length: each applies `m` to its first name and hands the rest to the step below.
#define PORTAL_FOR_EACH_1(m, c, a) m(c, a)
#define PORTAL_FOR_EACH_2(m, c, a, ...) m(c, a) PORTAL_FOR_EACH_1(m, c, __VA_ARGS__)
#define PORTAL_FOR_EACH_3(m, c, a, ...) m(c, a) PORTAL_FOR_EACH_2(m, c, __VA_ARGS__)
#define PORTAL_FOR_EACH_4(m, c, a, ...) m(c, a) PORTAL_FOR_EACH_3(m, c, __VA_ARGS__)
#define PORTAL_FOR_EACH_5(m, c, a, ...) m(c, a) PORTAL_FOR_EACH_4(m, c, __VA_ARGS__)
#define PORTAL_FOR_EACH_6(m, c, a, ...) m(c, a) PORTAL_FOR_EACH_5(m, c, __VA_ARGS__)
#define PORTAL_FOR_EACH_7(m, c, a, ...) m(c, a) PORTAL_FOR_EACH_6(m, c, __VA_ARGS__)
#define PORTAL_FOR_EACH_8(m, c, a, ...) m(c, a) PORTAL_FOR_EACH_7(m, c, __VA_ARGS__)
#define PORTAL_FOR_EACH_9(m, c, a, ...) m(c, a) PORTAL_FOR_EACH_8(m, c, __VA_ARGS__)
#define PORTAL_FOR_EACH_10(m, c, a, ...) m(c, a) PORTAL_FOR_EACH_9(m, c, __VA_ARGS__)
#define PORTAL_FOR_EACH_11(m, c, a, ...) m(c, a) PORTAL_FOR_EACH_10(m, c, __VA_ARGS__)
#define PORTAL_FOR_EACH_12(m, c, a, ...) m(c, a) PORTAL_FOR_EACH_11(m, c, __VA_ARGS__)
#define PORTAL_FOR_EACH_13(m, c, a, ...) m(c, a) PORTAL_FOR_EACH_12(m, c, __VA_ARGS__)
#define PORTAL_FOR_EACH_14(m, c, a, ...) m(c, a) PORTAL_FOR_EACH_13(m, c, __VA_ARGS__)
#define PORTAL_FOR_EACH_15(m, c, a, ...) m(c, a) PORTAL_FOR_EACH_14(m, c, __VA_ARGS__)
#define PORTAL_FOR_EACH_16(m, c, a, ...) m(c, a) PORTAL_FOR_EACH_15(m, c, __VA_ARGS__)
#define PORTAL_FOR_EACH_17(m, c, a, ...) m(c, a) PORTAL_FOR_EACH_16(m, c, __VA_ARGS__)
#define PORTAL_FOR_EACH_18(m, c, a, ...) m(c, a) PORTAL_FOR_EACH_17(m, c, __VA_ARGS__)
#define PORTAL_FOR_EACH_19(m, c, a, ...) m(c, a) PORTAL_FOR_EACH_18(m, c, __VA_ARGS__)
#define PORTAL_FOR_EACH_20(m, c, a, ...) m(c, a) PORTAL_FOR_EACH_19(m, c, __VA_ARGS__)
