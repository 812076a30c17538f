#include "domain/outcome.h"

#include <gtest/gtest.h>

#include <string>

namespace portal::domain {
namespace {

Outcome<int> halve(int n) {
    if (n % 2 != 0) return Outcome<int>::failure("odd_number", "cannot halve an odd number");
    return n / 2;  // implicit from the value
}

TEST(Outcome, CarriesTheValueWhenOk) {
    const Outcome<int> result = halve(10);
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(static_cast<bool>(result));
    EXPECT_EQ(result.value(), 5);
}

TEST(Outcome, CarriesCodeAndMessageWhenRefused) {
    const Outcome<int> result = halve(3);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, "odd_number");
    EXPECT_EQ(result.error().message, "cannot halve an odd number");
}

TEST(Outcome, IsImplicitFromADomainError) {
    const Outcome<std::string> result = DomainError{"same_plan", "already on it"};
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error(), (DomainError{"same_plan", "already on it"}));
}

TEST(Outcome, ValueCanBeMovedOut) {
    Outcome<std::string> result = std::string(100, 'x');
    const std::string taken = std::move(result).value();
    EXPECT_EQ(taken.size(), 100u);
}

}  // namespace
}  // namespace portal::domain
