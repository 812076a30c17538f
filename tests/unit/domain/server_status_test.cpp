#include "domain/server_status.h"

#include <gtest/gtest.h>

namespace portal::domain {
namespace {

TEST(ServerStatus, AnIncidentIsOngoingFromItsStartUntilItsEnd) {
    const IncidentSpan open{1000, std::nullopt};
    EXPECT_EQ(phase_at(open, 999), IncidentPhase::upcoming);
    EXPECT_EQ(phase_at(open, 1000), IncidentPhase::ongoing);
    EXPECT_EQ(phase_at(open, 1000 + 365 * 86400), IncidentPhase::ongoing) << "until it ends";

    const IncidentSpan closed{1000, 2000};
    EXPECT_EQ(phase_at(closed, 1999), IncidentPhase::ongoing);
    EXPECT_EQ(phase_at(closed, 2000), IncidentPhase::recent) << "over at its end";
    const int64_t week = int64_t{kResolvedShownDays} * 86400;
    EXPECT_EQ(phase_at(closed, 2000 + week - 1), IncidentPhase::recent);
    EXPECT_EQ(phase_at(closed, 2000 + week), IncidentPhase::past);
    EXPECT_TRUE(shown_at(closed, 1500));
    EXPECT_TRUE(shown_at(closed, 2000 + week - 1));
    EXPECT_FALSE(shown_at(closed, 2000 + week));
    EXPECT_FALSE(shown_at(closed, 999));
}

TEST(ServerStatus, TheWorseStateIsTheOneThatKeepsClientsAwayMore) {
    using State = ComponentState;
    EXPECT_EQ(worse(State::operational, State::maintenance), State::maintenance);
    EXPECT_EQ(worse(State::maintenance, State::degraded), State::degraded);
    EXPECT_EQ(worse(State::partial_outage, State::degraded), State::partial_outage);
    EXPECT_EQ(worse(State::major_outage, State::partial_outage), State::major_outage);
    EXPECT_EQ(worse(State::degraded, State::degraded), State::degraded);
    for (State state : enum_values<State>()) {
        EXPECT_EQ(worse(State::operational, state), state);
        EXPECT_EQ(worse(state, State::major_outage), State::major_outage);
    }
}

TEST(ServerStatus, AServiceIsOnItsServerUntilItIsCancelledOrTerminated) {
    EXPECT_TRUE(on_its_server(ServiceStatus::active));
    EXPECT_TRUE(on_its_server(ServiceStatus::pending));
    EXPECT_TRUE(on_its_server(ServiceStatus::suspended));
    EXPECT_FALSE(on_its_server(ServiceStatus::cancelled));
    EXPECT_FALSE(on_its_server(ServiceStatus::terminated));
}

}  // namespace
}  // namespace portal::domain
