// Files attached to support tickets (POST /tickets/{id}/attachments, the download, the list in
// GET /tickets/{id}) on both stores: the kind read from the bytes, the limits, the name's rules,
// the owner alone, a closed ticket, the caps, and a retried Idempotency-Key keeping one copy.
#include "backend_world.h"
#include "core/sha256.h"

namespace portal::backend::testing {
namespace {

PORTAL_SUITE_ON_BOTH_STORES(AttachmentsTest, SignedInWorld);

const std::string kPng = std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16) + std::string(40, '\x01');
const std::string kPdf = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n";
const std::string kText = "Error 0x80070005 al enviar.\r\nAdjunto el registro: ñandú\n";
const std::string kExe = std::string("MZ\x90\0\x03\0\0\0", 8) + "This program cannot be run";

// The id of the caller's first ticket that is (or is not) closed.
template <class World>
int64_t ticket_id(World& w, const std::string& token, bool closed = false) {
    const Json list = w.json(w.call("GET", "/api/v1/tickets", "", token));
    for (const auto& t : list["tickets"]) {
        if ((t["status"] == "closed") == closed) return t["id"].template get<int64_t>();
    }
    ADD_FAILURE() << "no such ticket";
    return 0;
}

std::string attachments_path(int64_t ticket, const std::string& name) {
    return "/api/v1/tickets/" + std::to_string(ticket) + "/attachments?name=" + name;
}

template <class World>
Response attach(World& w, const std::string& token, int64_t ticket, const std::string& name,
                const std::string& bytes, std::map<std::string, std::string> headers = {}) {
    headers.emplace("content-type", "application/octet-stream");
    return w.call("POST", attachments_path(ticket, name), bytes, token, std::move(headers));
}

TYPED_TEST(AttachmentsTest, AnImageAPdfAndATextAreKeptListedAndGivenBackToTheOwner) {
    const int64_t ticket = ticket_id(*this, this->ana);
    const std::vector<std::tuple<std::string, std::string, std::string>> files = {
        {"captura.png", kPng, "image/png"},
        {"factura.pdf", kPdf, "application/pdf"},
        {"registro.txt", kText, "text/plain"}};
    std::vector<int64_t> ids;
    for (const auto& [name, bytes, type] : files) {
        Response r = attach(*this, this->ana, ticket, name, bytes);
        ASSERT_EQ(r.status, 201) << r.body;
        const Json view = this->json(r);
        EXPECT_EQ(view["name"], name);
        EXPECT_EQ(view["media_type"], type);
        EXPECT_EQ(view["size_bytes"], bytes.size());
        EXPECT_EQ(r.headers["Location"], "/api/v1/tickets/" + std::to_string(ticket) +
                                             "/attachments/" +
                                             std::to_string(view["id"].get<int64_t>()));
        ids.push_back(view["id"].get<int64_t>());
    }
    const Json detail =
        this->json(this->call("GET", "/api/v1/tickets/" + std::to_string(ticket), "", this->ana));
    ASSERT_EQ(detail["attachments"].size(), 3u);
    for (size_t i = 0; i < files.size(); ++i) {
        EXPECT_EQ(detail["attachments"][i]["id"], ids[i]);
        Response download = this->call(
            "GET",
            "/api/v1/tickets/" + std::to_string(ticket) + "/attachments/" + std::to_string(ids[i]),
            "", this->ana);
        ASSERT_EQ(download.status, 200) << download.body;
        ASSERT_TRUE(download.streamed);
        EXPECT_EQ(download.streamed(0, download.streamed_length), std::get<1>(files[i]));
        EXPECT_EQ(download.headers["Content-Type"].rfind(std::get<2>(files[i]), 0), 0u);
        EXPECT_EQ(download.headers["Content-Disposition"],
                  "attachment; filename=\"" + std::get<0>(files[i]) + "\"; filename*=UTF-8''" +
                      std::get<0>(files[i]));
        EXPECT_EQ(download.headers["X-Content-Type-Options"], "nosniff");
    }
    EXPECT_EQ(this->call("GET",
                         "/api/v1/tickets/" + std::to_string(ticket) + "/attachments/" +
                             std::to_string(ids[2]),
                         "", this->ana)
                  .headers["Content-Type"],
              "text/plain; charset=utf-8");
}

TYPED_TEST(AttachmentsTest, TheKindIsReadFromTheBytesNeverFromTheNameOrTheContentType) {
    const int64_t ticket = ticket_id(*this, this->ana);
    for (const std::string& bytes :
         {kExe, std::string("texto con un NUL\0 dentro", 24), std::string("caf\xE9 latin-1"),
          std::string("\xEF\xBB\xBF<\x1B[31m>"), std::string()}) {
        Response r =
            attach(*this, this->ana, ticket, "foto.png", bytes, {{"content-type", "image/png"}});
        this->expect_error(r, 415, "attachment_type_refused");
    }
    // A GIF named .txt is a GIF; a WebP and a JPEG are known by their signatures.
    EXPECT_EQ(
        this->json(attach(*this, this->ana, ticket, "nota.txt", "GIF89a\x01\x00"))["media_type"],
        "image/gif");
    EXPECT_EQ(this->json(attach(*this, this->ana, ticket, "a.webp",
                                std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)))["media_type"],
              "image/webp");
    EXPECT_EQ(this->json(
                  attach(*this, this->ana, ticket, "a.jpg", "\xFF\xD8\xFF\xE0 JFIF"))["media_type"],
              "image/jpeg");
    EXPECT_EQ(this->json(this->call("GET", "/api/v1/tickets/" + std::to_string(ticket), "",
                                    this->ana))["attachments"]
                  .size(),
              3u)
        << "the refused files left nothing behind";
}

TYPED_TEST(AttachmentsTest, AFileOverTheLimitIs413AndOneAtTheLimitIsKept) {
    BackendConfig config;
    config.max_attachment_bytes = 2000;
    config.max_body_bytes = 1000;  // a file's limit is its own, not a JSON body's
    this->make_backend(config);
    const int64_t ticket = ticket_id(*this, this->ana);
    this->expect_error(attach(*this, this->ana, ticket, "a.txt", std::string(2001, 'a')), 413,
                       "attachment_too_large");
    EXPECT_EQ(attach(*this, this->ana, ticket, "a.txt", std::string(2000, 'a')).status, 201);
    // Every other route keeps the JSON limit.
    this->expect_error(this->call("POST", "/api/v1/tickets/" + std::to_string(ticket) + "/replies",
                                  Json{{"message", std::string(1500, 'a')}}.dump(), this->ana),
                       413, "payload_too_large");
}

TYPED_TEST(AttachmentsTest, ABadNameIs400NamingTheField) {
    const int64_t ticket = ticket_id(*this, this->ana);
    for (const std::string& name :
         {std::string(), std::string(".."), std::string("carpeta/a.txt"), std::string("c:\\a.txt"),
          std::string("a\x01.txt"), std::string(121, 'a'),
          std::string("factura\xE2\x80\xAEtxt.exe"), std::string("\xC3(.txt")}) {
        Response r = attach(*this, this->ana, ticket, name, kText);
        this->expect_error(r, 400, "invalid_value");
        EXPECT_EQ(this->error_field(r), "name") << name;
    }
    // Characters are counted, not bytes: 120 of them with an accent is a name.
    EXPECT_EQ(attach(*this, this->ana, ticket, std::string(115, 'a') + "ñ.txt", kText).status, 201);
}

TYPED_TEST(AttachmentsTest, AnotherClientsTicketOrFileIsNotFound) {
    const int64_t anas = ticket_id(*this, this->ana);
    const int64_t brunos = ticket_id(*this, this->bruno);
    this->expect_error(attach(*this, this->bruno, anas, "a.txt", kText), 404, "not_found");
    const int64_t file = this->json(attach(*this, this->ana, anas, "a.txt", kText))["id"];
    const std::string download =
        "/api/v1/tickets/" + std::to_string(anas) + "/attachments/" + std::to_string(file);
    this->expect_error(this->call("GET", download, "", this->bruno), 404, "not_found");
    // Bruno's own ticket id with Ana's file id names nothing either.
    this->expect_error(this->call("GET",
                                  "/api/v1/tickets/" + std::to_string(brunos) + "/attachments/" +
                                      std::to_string(file),
                                  "", this->bruno),
                       404, "not_found");
    this->expect_error(this->call("GET", download, ""), 401, "unauthenticated");
    EXPECT_EQ(this->call("GET", download, "", this->ana).status, 200);
}

TYPED_TEST(AttachmentsTest, AClosedTicketTakesNoFile) {
    const int64_t closed = ticket_id(*this, this->ana, /*closed=*/true);
    this->expect_error(attach(*this, this->ana, closed, "a.txt", kText), 409, "ticket_closed");
}

TYPED_TEST(AttachmentsTest, ATicketHoldsSoManyFilesAndAClientSoManyBytes) {
    BackendConfig config;
    config.max_attachments_per_ticket = 2;
    config.max_attachment_bytes_per_client = 3 * kPdf.size();
    this->make_backend(config);
    const int64_t ticket = ticket_id(*this, this->ana);
    EXPECT_EQ(attach(*this, this->ana, ticket, "1.pdf", kPdf).status, 201);
    EXPECT_EQ(attach(*this, this->ana, ticket, "2.pdf", kPdf).status, 201);
    this->expect_error(attach(*this, this->ana, ticket, "3.pdf", kPdf), 409,
                       "too_many_attachments");
    // Another ticket of hers still takes one file, up to the bytes all of hers may add up to.
    const auto tickets = this->json(this->call("GET", "/api/v1/tickets", "", this->ana))["tickets"];
    int64_t other = 0;
    for (const auto& t : tickets) {
        if (t["status"] != "closed" && t["id"] != ticket) other = t["id"];
    }
    ASSERT_NE(other, 0);
    EXPECT_EQ(attach(*this, this->ana, other, "3.pdf", kPdf).status, 201);
    this->expect_error(attach(*this, this->ana, other, "4.pdf", kPdf), 409,
                       "attachment_quota_exceeded");
}

TYPED_TEST(AttachmentsTest, ARetryWithTheSameKeyKeepsTheFileOnce) {
    const int64_t ticket = ticket_id(*this, this->ana);
    Response first = attach(*this, this->ana, ticket, "a.png", kPng, {{"idempotency-key", "up-1"}});
    Response again = attach(*this, this->ana, ticket, "a.png", kPng, {{"idempotency-key", "up-1"}});
    ASSERT_EQ(first.status, 201);
    EXPECT_EQ(again.status, 201);
    EXPECT_EQ(again.body, first.body);
    EXPECT_EQ(again.headers["Idempotent-Replayed"], "true");
    EXPECT_EQ(again.headers["Location"], first.headers["Location"]);
    // The same key with another file, or the same file under another name, is another request.
    this->expect_error(
        attach(*this, this->ana, ticket, "a.png", kPdf, {{"idempotency-key", "up-1"}}), 422,
        "idempotency_key_reused");
    this->expect_error(
        attach(*this, this->ana, ticket, "b.png", kPng, {{"idempotency-key", "up-1"}}), 422,
        "idempotency_key_reused");
    EXPECT_EQ(this->json(this->call("GET", "/api/v1/tickets/" + std::to_string(ticket), "",
                                    this->ana))["attachments"]
                  .size(),
              1u);
}

// A body the server spooled (SpooledBody) is read in pieces, its digest taken as given.
struct PiecesBody final : SpooledBody {
    std::string bytes;
    mutable int reads = 0;
    std::string read(int64_t offset, int64_t length) const override {
        ++reads;
        return bytes.substr(static_cast<size_t>(offset), static_cast<size_t>(length));
    }
};

TYPED_TEST(AttachmentsTest, ASpooledBodyIsReadInPiecesAndKept) {
    const int64_t ticket = ticket_id(*this, this->ana);
    auto body = std::make_shared<PiecesBody>();
    body->bytes = std::string(300 * 1024, 'x') + "\n";
    body->size = static_cast<int64_t>(body->bytes.size());
    body->sha256_hex = sha256_hex(body->bytes);
    Request request;
    request.method = "POST";
    request.path = "/api/v1/tickets/" + std::to_string(ticket) + "/attachments";
    request.query["name"] = "grande.log";
    request.headers["authorization"] = "Bearer " + this->ana;
    request.spooled_body = body;
    Response r = this->backend->handle(request);
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_GT(body->reads, 4) << "never read whole";
    Response download = this->call("GET", r.headers["Location"], "", this->ana);
    ASSERT_EQ(download.status, 200);
    EXPECT_EQ(download.streamed(0, download.streamed_length), body->bytes);
}

TEST(AttachmentStores, TheMemoryStoreSavesRowsAndBytesAndReadsThemBack) {
    MemoryStore store;
    AttachmentRecord row{0, 1, 2, "captura.png", domain::AttachmentType::png, 4, "ab", 99};
    row.id = store.insert_attachment(row);
    Request request;
    request.body = std::string("\x89\0\xFF\n", 4);
    ASSERT_TRUE(store.attachment_files().keep(row.id, request));
    MemoryStore copy;
    ASSERT_TRUE(copy.load_json(store.to_json()).ok());
    const auto rows = copy.ticket_attachments_of(1, 2);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].name, "captura.png");
    EXPECT_EQ(rows[0].type, domain::AttachmentType::png);
    auto bytes = copy.attachment_files().open(row.id, 4);
    ASSERT_TRUE(bytes);
    EXPECT_EQ((*bytes)(0, 4), request.body);
    EXPECT_FALSE(copy.attachment_of(3, row.id)) << "another client's id names nothing";
}

TEST(AttachmentStores, SqliteKeepsTheRowsAcrossAReopening) {
    SqliteKind kind;
    int64_t client = 0, ticket = 0;
    {
        auto store = kind.make();
        ASSERT_TRUE(
            load_fixture_texts(fixture_file("catalog.json"), fixture_file("clients.json"), *store)
                .ok());
        client = store->client_by_email("ana@example.com")->id;
        ticket = store->tickets_of(client).front().id;
        store->insert_attachment(
            {0, client, ticket, "a.txt", domain::AttachmentType::text, 5, "cd", 7});
    }
    SqliteStore reopened(kind.path.string());
    const auto rows = reopened.attachments_of(client);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].ticket_id, ticket);
    EXPECT_EQ(reopened.ticket_attachments_of(client, ticket).size(), 1u);
    EXPECT_EQ(rows[0].type, domain::AttachmentType::text);
    EXPECT_EQ(rows[0].size_bytes, 5);
}

}  // namespace
}  // namespace portal::backend::testing
