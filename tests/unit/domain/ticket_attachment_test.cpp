// Which files a ticket takes: the kind read from the bytes (signatures; UTF-8 text without
// control characters), whole or in pieces cut anywhere, and the rules of a file's name.
#include <gtest/gtest.h>

#include "domain/ticket_attachment.h"

namespace portal::domain {
namespace {

std::optional<AttachmentType> kind_of(std::string_view bytes, size_t piece = 0) {
    AttachmentSniffer sniffer;
    if (piece == 0) piece = bytes.size() + 1;
    for (size_t at = 0; at < bytes.size(); at += piece) sniffer.feed(bytes.substr(at, piece));
    return sniffer.result();
}

TEST(AttachmentSniffer, KnowsEachKindByItsSignature) {
    EXPECT_EQ(kind_of(std::string("\x89PNG\r\n\x1A\n\0\0", 10)), AttachmentType::png);
    EXPECT_EQ(kind_of("\xFF\xD8\xFF\xDB rest"), AttachmentType::jpeg);
    EXPECT_EQ(kind_of("GIF87a..."), AttachmentType::gif);
    EXPECT_EQ(kind_of("GIF89a..."), AttachmentType::gif);
    EXPECT_EQ(kind_of(std::string("RIFF\x24\0\0\0WEBPVP8L", 16)), AttachmentType::webp);
    EXPECT_EQ(kind_of("%PDF-1.4\n%\xE2\xE3\xCF\xD3"), AttachmentType::pdf);
    EXPECT_EQ(kind_of("Hola, adjunto el error.\n\tLínea 2\r\n\f"), AttachmentType::text);
}

TEST(AttachmentSniffer, RefusesWhatIsNoneOfThem) {
    EXPECT_EQ(kind_of(""), std::nullopt);
    EXPECT_EQ(kind_of(std::string("MZ\x90\0", 4)), std::nullopt);  // a Windows program
    EXPECT_EQ(kind_of("\x7F"
                      "ELF\x02\x01"),
              std::nullopt);                                                      // a Linux one
    EXPECT_EQ(kind_of(std::string("PK\x03\x04", 4)), std::nullopt);               // a zip
    EXPECT_EQ(kind_of(std::string("RIFF\x24\0\0\0WAVEfmt ", 16)), std::nullopt);  // RIFF, not WebP
    EXPECT_EQ(kind_of(std::string("a\0b", 3)), std::nullopt);                     // NUL
    EXPECT_EQ(kind_of("\x1B[2J"), std::nullopt);           // a terminal escape
    EXPECT_EQ(kind_of("caf\xE9"), std::nullopt);           // Latin-1
    EXPECT_EQ(kind_of("\xC0\xAF"), std::nullopt);          // overlong '/'
    EXPECT_EQ(kind_of("\xED\xA0\x80"), std::nullopt);      // a surrogate
    EXPECT_EQ(kind_of("\xF4\x90\x80\x80"), std::nullopt);  // past U+10FFFF
    EXPECT_EQ(kind_of("ends mid-character \xE2\x82"), std::nullopt);
}

TEST(AttachmentSniffer, ReadsTheSameInPiecesCutAnywhere) {
    const std::string text = "ñandú € 𝄞 fin\n";
    const std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + std::string(20, '\0');
    for (size_t piece = 1; piece <= 5; ++piece) {
        EXPECT_EQ(kind_of(text, piece), AttachmentType::text) << piece;
        EXPECT_EQ(kind_of(png, piece), AttachmentType::png) << piece;
        EXPECT_EQ(kind_of("caf\xE9 au lait", piece), std::nullopt) << piece;
    }
}

TEST(AttachmentNames, TakesWhatAComputerNamesAFile) {
    EXPECT_EQ(attachment_name_problem("captura de pantalla 2026-12-02.png"), std::nullopt);
    EXPECT_EQ(attachment_name_problem("Factura Nº 31 (copia).pdf"), std::nullopt);
    EXPECT_EQ(attachment_name_problem(".htaccess"), std::nullopt);
    EXPECT_EQ(attachment_name_problem(std::string(118, 'a') + "ñ€"), std::nullopt)
        << "120 characters, counted as characters";
}

TEST(AttachmentNames, RefusesPathsControlsAndDisguises) {
    for (const std::string& name :
         {std::string(), std::string("."), std::string(".."), std::string("../etc/passwd"),
          std::string("a\\b.txt"), std::string("a\nb.txt"), std::string("a\x7F.txt"),
          std::string("a\xC2\x85.txt"), std::string("factura\xE2\x80\xAEgpj.exe"),
          std::string("a\xE2\x81\xA6.txt"), std::string("\xFF.txt"), std::string(121, 'a')}) {
        EXPECT_NE(attachment_name_problem(name), std::nullopt) << name;
    }
}

TEST(AttachmentTypes, AnswerWithTheirMediaType) {
    EXPECT_EQ(media_type(AttachmentType::webp), "image/webp");
    EXPECT_EQ(content_type(AttachmentType::pdf), "application/pdf");
    EXPECT_EQ(content_type(AttachmentType::text), "text/plain; charset=utf-8");
}

}  // namespace
}  // namespace portal::domain
