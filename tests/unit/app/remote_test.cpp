// Remote<T>: what a screen that measures loaded data once relies on to know it changed.
#include <gtest/gtest.h>

#include <set>
#include <vector>

#include "app/remote.h"

namespace portal::app {
namespace {

TEST(Remote, EveryDataReceivedHasARevisionNoEarlierDataHad) {
    Remote<std::vector<int>> list;
    EXPECT_EQ(list.revision, 0u) << "nothing received yet";
    std::set<std::uint64_t> seen;
    list.succeed({1, 2, 3});
    seen.insert(list.revision);
    // The same number of items again, replaced in place: still a new revision.
    list.start();
    list.succeed({4, 5, 6});
    EXPECT_TRUE(seen.insert(list.revision).second);
    // Forgotten (a sign-out) and received again: not a number it had before.
    list = {};
    list.succeed({1, 2, 3});
    EXPECT_TRUE(seen.insert(list.revision).second);
    // Another list's data never shares a revision with this one's.
    Remote<std::vector<int>> other;
    other.succeed({1, 2, 3});
    EXPECT_TRUE(seen.insert(other.revision).second);
}

TEST(Remote, AFailureKeepsTheRevisionOfTheDataStillShown) {
    Remote<std::vector<int>> list;
    list.succeed({1});
    const auto shown = list.revision;
    list.start();
    list.fail(Problem{});
    EXPECT_EQ(list.revision, shown);
    EXPECT_TRUE(list.data.has_value());
}

}  // namespace
}  // namespace portal::app
