// A download's answer judged once for every file the portal saves: a service's downloads and a
// ticket's attachments. Only a success of exactly the announced size is a file to hand over.
#include <gtest/gtest.h>

#include "app/problem.h"

namespace portal::app {
namespace {

using Kind = DownloadOutcome::Kind;

api::HttpResponse answer(int status, std::string body) {
    return {api::TransportFailure::none, status, std::move(body), "application/octet-stream"};
}

TEST(DownloadOutcome, OnlyTheAnnouncedSizeIsWhole) {
    EXPECT_EQ(judge_download(answer(200, "hello"), 5, true).kind, Kind::whole);
    for (const char* body : {"hell", "hello!"}) {
        const DownloadOutcome outcome = judge_download(answer(200, body), 5, true);
        EXPECT_EQ(outcome.kind, Kind::cut) << body;
        EXPECT_EQ(outcome.problem.next_step, Text::hint_check_connection);
        EXPECT_TRUE(outcome.problem.retryable);
    }
}

TEST(DownloadOutcome, ABrokenConnectionIsACutOnlyOnceBytesCame) {
    const api::HttpResponse broken{api::TransportFailure::unreachable, 0, "", ""};
    const DownloadOutcome before = judge_download(broken, 5, false);
    EXPECT_EQ(before.kind, Kind::failed);
    EXPECT_EQ(before.problem.what, Text::error_unreachable);
    EXPECT_EQ(judge_download(broken, 5, true).kind, Kind::cut);
}

TEST(DownloadOutcome, NotThereFailedOrSignedOut) {
    for (int status : {403, 404}) {
        const DownloadOutcome outcome = judge_download(answer(status, ""), 5, false);
        EXPECT_EQ(outcome.kind, Kind::not_there) << status;
        EXPECT_EQ(outcome.problem.next_step, Text::hint_contact_support);
    }
    const DownloadOutcome server = judge_download(answer(500, ""), 5, false);
    EXPECT_EQ(server.kind, Kind::failed);
    EXPECT_TRUE(server.problem.retryable);
    const DownloadOutcome expired = judge_download(
        answer(401, R"({"error":{"code":"unauthorized","message":"no session","field":""}})"), 5,
        false);
    EXPECT_TRUE(expired.problem.signed_out);
    EXPECT_FALSE(expired.problem.retryable) << "a retry cannot work without signing in again";
}

}  // namespace
}  // namespace portal::app
