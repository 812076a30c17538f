// Files attached to a ticket on the page: «Adjuntar archivo» opens the browser's picker with the
// kinds the backend takes, a file is checked before anything leaves (size, name, kind read from
// its bytes), sent once however often it is retried, and listed once kept; «Descargar» hands the
// bytes to the browser's save. The server's refusals are said in words.
#include <gtest/gtest.h>

#include <string>

#include "app/ticket_attachments.h"
#include "app/tickets_flow.h"
#include "signed_in_portal.h"

namespace portal::app {
namespace {

using testing::error_body;
using testing::header;

const std::string kPng = std::string("\x89PNG\r\n\x1A\n", 8) + "pixels";
const std::string kText = "El sitio tarda 30 s en cargar.\n";

api::TicketDetail detail(int64_t id, domain::TicketStatus status = domain::TicketStatus::open) {
    api::TicketDetail d;
    d.ticket.id = id;
    d.ticket.subject = "Lento";
    d.ticket.status = status;
    d.messages.push_back({1, domain::MessageAuthor::client, "m", "2026-12-04T10:00:00-03:00"});
    return d;
}

api::TicketAttachmentView listed_file(int64_t id, std::string name, std::string bytes) {
    return {id, std::move(name), "image/png", static_cast<int64_t>(bytes.size()),
            "2026-12-04T10:05:00-03:00"};
}

ChosenFile picked(std::string name, std::string bytes) {
    ChosenFile file;
    file.name = std::move(name);
    file.size_bytes = static_cast<int64_t>(bytes.size());
    file.bytes = std::move(bytes);
    return file;
}

class TicketAttachmentsTest : public testing::SignedInPortal {
  protected:
    void open_ticket(api::TicketDetail shown = detail(31)) {
        Route route{Route::Page::ticket};
        route.ticket_id = shown.ticket.id;
        app.dispatch(Navigate{route});
        ASSERT_EQ(net.next().path, "/tickets/" + std::to_string(shown.ticket.id));
        net.reply(200, api::encode(shown));
    }
    // «Adjuntar archivo», then the client picks `file` in the browser's picker.
    void attach(ChosenFile file) {
        app.dispatch(SupportIntent{ChooseAttachment{}});
        app.dispatch(FileChosen{std::move(file)});
    }
    const AttachmentState& files() { return app.tickets().attachments(); }
    std::string refusal(Language language = Language::es) {
        return attachment_refusal_line(files(), language);
    }
};

TEST_F(TicketAttachmentsTest, APickedImageIsSentOnceThenTheTicketListsIt) {
    open_ticket();
    app.dispatch(SupportIntent{ChooseAttachment{}});
    ASSERT_EQ(browser.chooser.size(), 1u) << "the browser's picker opens";
    EXPECT_EQ(browser.chooser[0].accept,
              "image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain");
    EXPECT_EQ(browser.chooser[0].max_bytes, 5 * 1024 * 1024);
    EXPECT_EQ(net.pending(), 0u) << "nothing leaves before a file is picked";

    app.dispatch(FileChosen{picked("captura de pantalla.png", kPng)});
    ASSERT_EQ(net.pending(), 1u);
    const api::HttpRequest& post = net.next();
    EXPECT_EQ(post.method, "POST");
    EXPECT_EQ(post.path, "/tickets/31/attachments?name=captura%20de%20pantalla.png");
    EXPECT_EQ(post.body, kPng) << "the file's bytes as they are";
    EXPECT_EQ(header(post, "Content-Type"), "application/octet-stream");
    EXPECT_FALSE(header(post, "Idempotency-Key").empty());
    EXPECT_TRUE(files().sending.loading()) << "«Enviando archivo…»";
    // While it is on its way, neither the button nor another pick sends anything.
    attach(picked("otra.png", kPng));
    EXPECT_EQ(net.pending(), 1u);
    EXPECT_EQ(browser.chooser.size(), 1u);

    net.reply(201, api::encode(listed_file(5, "captura de pantalla.png", kPng)));
    EXPECT_EQ(files().attached, "captura de pantalla.png");
    EXPECT_FALSE(files().sending.loading());
    ASSERT_EQ(net.next().path, "/tickets/31") << "the ticket is read again";
    api::TicketDetail with_file = detail(31);
    with_file.attachments.push_back(listed_file(5, "captura de pantalla.png", kPng));
    net.reply(200, api::encode(with_file));
    ASSERT_EQ(app.tickets().state().ticket.data->attachments.size(), 1u);
    EXPECT_EQ(attachment_details(app.tickets().state().ticket.data->attachments[0], Language::es),
              "14 B · subido el 04/12/2026 a las 10:05");
}

TEST_F(TicketAttachmentsTest, AFileTooLargeOfAnotherKindEmptyOrBadlyNamedNeverLeaves) {
    open_ticket();
    ChosenFile film;
    film.name = "video.mp4";
    film.size_bytes = 7 * 1024 * 1024;  // the browser did not read it: only its size came back
    attach(film);
    EXPECT_EQ(net.pending(), 0u);
    EXPECT_EQ(files().refusal, AttachmentText::too_large);
    EXPECT_EQ(refusal(),
              "«video.mp4» pesa 7,0 MB y el máximo es 5,0 MB. Achíquelo (una captura de la parte "
              "que importa, un PDF comprimido) o envíelo en partes, y vuelva a adjuntarlo.");

    attach(picked("planilla.xlsx", std::string("PK\x03\x04\x14\x00", 6)));
    EXPECT_EQ(net.pending(), 0u);
    EXPECT_EQ(files().refusal, AttachmentText::type_refused);
    EXPECT_EQ(refusal(Language::en),
              "“planilla.xlsx” is not a kind of file we take: only PNG, JPEG, GIF, WebP, PDF and "
              "text. Save it as a PDF or take a screenshot, and attach that.");

    attach(picked("vacio.txt", ""));
    EXPECT_EQ(files().refusal, AttachmentText::empty);
    attach(picked(std::string(121, 'a') + ".txt", kText));
    EXPECT_EQ(files().refusal, AttachmentText::bad_name);
    ChosenFile unread;
    unread.name = "bloqueado.pdf";
    unread.size_bytes = 1000;  // small enough, but the browser could not read it
    attach(unread);
    EXPECT_EQ(files().refusal, AttachmentText::unreadable);
    EXPECT_EQ(net.pending(), 0u) << "none of them was sent";

    // A good file after them goes, and the refusal goes away.
    attach(picked("notas.txt", kText));
    EXPECT_FALSE(files().refusal);
    EXPECT_EQ(net.pending(), 1u);
}

TEST_F(TicketAttachmentsTest, ATicketWithItsTenFilesOrClosedTakesNoMore) {
    api::TicketDetail full = detail(31);
    for (int i = 0; i < 10; ++i) full.attachments.push_back(listed_file(i + 1, "f.png", kPng));
    open_ticket(full);
    attach(picked("once.png", kPng));
    EXPECT_EQ(net.pending(), 0u);
    EXPECT_EQ(refusal(),
              "Este ticket ya tiene 10 archivos, el máximo. Para enviar más, júntelos en un PDF o "
              "abra otro ticket.");

    open_ticket(detail(32, domain::TicketStatus::closed));
    app.dispatch(SupportIntent{ChooseAttachment{}});
    EXPECT_EQ(browser.chooser.size(), 1u) << "a closed ticket opens no picker";
    app.dispatch(FileChosen{picked("tarde.png", kPng)});
    EXPECT_EQ(net.pending(), 0u);
}

TEST_F(TicketAttachmentsTest, OnlyAPickThisTicketAskedForIsAttachedToIt) {
    open_ticket();
    app.dispatch(FileChosen{picked("sin-pedir.png", kPng)});
    EXPECT_EQ(net.pending(), 0u) << "no picker was opened";
    app.dispatch(SupportIntent{ChooseAttachment{}});
    open_ticket(detail(32));  // the client went to another ticket before picking
    app.dispatch(FileChosen{picked("para-31.png", kPng)});
    EXPECT_EQ(net.pending(), 0u);
}

TEST_F(TicketAttachmentsTest, ALostAnswerIsRetriedWithTheSameKeyAndAnotherFileGetsItsOwn) {
    open_ticket();
    attach(picked("captura.png", kPng));
    const std::string key = header(net.next(), "Idempotency-Key");
    net.fail(api::TransportFailure::timeout);
    ASSERT_TRUE(files().sending.failed());
    EXPECT_TRUE(files().sending.problem.retryable) << "«Reintentar»";
    EXPECT_FALSE(files().refusal);

    app.dispatch(SupportIntent{RetryAttachment{}});
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(header(net.next(), "Idempotency-Key"), key) << "the server keeps it once";
    EXPECT_EQ(net.next().body, kPng);
    net.fail(api::TransportFailure::unreachable);
    // Picking the very same file again is the same attempt too.
    attach(picked("captura.png", kPng));
    EXPECT_EQ(header(net.next(), "Idempotency-Key"), key);
    net.fail(api::TransportFailure::unreachable);

    attach(picked("otra.txt", kText));
    EXPECT_NE(header(net.next(), "Idempotency-Key"), key);
}

TEST_F(TicketAttachmentsTest, TheServersRefusalsAreSaidInWordsAndNotRetried) {
    open_ticket();
    const struct {
        int status;
        std::string code;
        std::string field;
        AttachmentText said;
    } kRefusals[] = {
        {413, "attachment_too_large", "", AttachmentText::too_large},
        {415, "attachment_type_refused", "", AttachmentText::type_refused},
        {409, "too_many_attachments", "", AttachmentText::too_many},
        {409, "attachment_quota_exceeded", "", AttachmentText::quota},
        {409, "ticket_closed", "", AttachmentText::closed},
        {400, "invalid_value", "name", AttachmentText::bad_name},
        {404, "not_found", "", AttachmentText::ticket_gone},
    };
    for (const auto& refused : kRefusals) {
        attach(picked("captura.png", kPng));
        ASSERT_EQ(net.pending(), 1u) << refused.code;
        net.reply(refused.status, error_body(refused.code, refused.field));
        EXPECT_EQ(files().refusal, refused.said) << refused.code;
        EXPECT_FALSE(files().sending.failed()) << "no «Reintentar» for a refusal";
        app.dispatch(SupportIntent{RetryAttachment{}});
        EXPECT_EQ(net.pending(), 0u);
    }
    EXPECT_EQ(refusal(Language::en),
              "We cannot find this ticket. Go back to Support and open it from the list.");
}

TEST_F(TicketAttachmentsTest, DescargarSavesTheBytesOnlyWhenTheyAreAllThere) {
    api::TicketDetail shown = detail(31);
    shown.attachments.push_back(listed_file(5, "captura.png", kPng));
    shown.attachments.push_back(listed_file(6, "borrado.png", kPng));
    open_ticket(shown);
    app.dispatch(SupportIntent{DownloadAttachment{5}});
    app.dispatch(SupportIntent{DownloadAttachment{5}});
    ASSERT_EQ(net.pending(), 1u) << "a second press fetches nothing more";
    EXPECT_EQ(net.next().method, "GET");
    EXPECT_EQ(net.next().path, "/tickets/31/attachments/5");
    net.reply(200, kPng.substr(0, 4));
    EXPECT_TRUE(browser.saved.empty()) << "a file cut short is never handed over as if whole";
    EXPECT_EQ(files().downloads.at(5).why, AttachmentText::download_incomplete);

    app.dispatch(SupportIntent{DownloadAttachment{5}});
    net.reply(200, kPng);
    ASSERT_EQ(browser.saved.size(), 1u);
    EXPECT_EQ(browser.saved[0].name, "captura.png");
    EXPECT_EQ(browser.saved[0].bytes, kPng);
    EXPECT_EQ(browser.saved[0].mime_type, "image/png");
    EXPECT_EQ(files().downloads.at(5).phase, AttachmentDownload::Phase::saved);

    app.dispatch(SupportIntent{DownloadAttachment{6}});
    net.reply(404, error_body("not_found"));
    EXPECT_EQ(files().downloads.at(6).why, AttachmentText::download_gone);
    EXPECT_EQ(browser.saved.size(), 1u);
}

TEST_F(TicketAttachmentsTest, SignOutForgetsTheFileOnItsWay) {
    open_ticket();
    attach(picked("captura.png", kPng));
    app.dispatch(SignOut{});
    while (net.pending() > 0) net.fail(api::TransportFailure::timeout);
    EXPECT_FALSE(files().file);
    EXPECT_FALSE(files().sending.failed());
}

TEST(TicketAttachmentsDemo, TheStaticDemoTakesTheSmallerFilesItsStorageHolds) {
    testing::FakeTransport net;
    testing::FakeBrowser browser;
    PortalApp demo{net, browser, 42, /*demo=*/true};
    demo.login_form().email = "ana@example.com";
    demo.login_form().password = "demo1234";
    demo.dispatch(SubmitLogin{});
    net.reply(201, testing::kAnaSession);
    net.reply(200, R"({"services":[]})");
    net.reply(200, R"({"invoices":[]})");
    net.reply(200, R"({"components":[]})");
    ASSERT_EQ(net.pending(), 0u);
    Route route{Route::Page::ticket};
    route.ticket_id = 31;
    demo.dispatch(Navigate{route});
    net.reply(200, api::encode(detail(31)));
    demo.dispatch(SupportIntent{ChooseAttachment{}});
    ASSERT_EQ(browser.chooser.size(), 1u);
    EXPECT_EQ(browser.chooser[0].max_bytes, 256 * 1024);
    demo.dispatch(FileChosen{picked("grande.txt", std::string(300 * 1024, 'a'))});
    EXPECT_EQ(net.pending(), 0u);
    EXPECT_EQ(attachment_refusal_line(demo.tickets().attachments(), Language::en),
              "“grande.txt” is 300.0 KB and the limit is 256.0 KB. Make it smaller (a screenshot "
              "of the part that matters, a compressed PDF) or send it in parts, and attach it "
              "again.");
}

TEST(TicketAttachmentsWords, WhatThePickerTakesIsSaidWithTheLimit) {
    EXPECT_EQ(accepted_files_line(5 * 1024 * 1024, Language::es),
              "Se aceptan archivos PNG, JPEG, GIF, WebP, PDF y texto, de hasta 5,0 MB cada uno.");
    EXPECT_EQ(accepted_files_line(256 * 1024, Language::en),
              "We take PNG, JPEG, GIF, WebP, PDF and text files, up to 256.0 KB each.");
}

}  // namespace
}  // namespace portal::app
