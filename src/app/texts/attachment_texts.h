// Texts of the files attached to a ticket (app/ticket_attachments.h): sending, listing and
// downloading them, and why one was not sent or kept. Spanish ("usted") and English.
#pragma once

#include "app/strings.h"
#include "app/texts/text_table.h"
#include "domain/ticket_attachment.h"

namespace portal::app {

PORTAL_TEXT_ENUM(AttachmentText,
                 attach_file,     // «Adjuntar archivo»
                 sending_file,    // «Enviando archivo…», the button while a file is on its way
                 accepted_files,  // "Se aceptan {kinds}, de hasta {size} cada uno."
                 and_word,        // the last join of a list: " y " / " and "
                 heading,         // "Archivos adjuntos"
                 file_details,    // "{size} · subido el {date} a las {time}"
                 download,        // «Descargar»
                 download_named,  // "Descargar «{}»" (what a row's «Descargar» is read as)
                 downloading,     // «Descargando…»
                 downloaded,      // where a saved file went
                 download_incomplete,  // the transfer was cut
                 download_gone,        // the file is no longer in the ticket
                 attached,             // "Archivo «{}» adjuntado."
                 // Why a file was not sent (checked on the page) or not kept (the server's
                 // answer), each with the way forward.
                 too_large, type_refused, empty, bad_name, unreadable, too_many, quota, closed,
                 ticket_gone);
// A kind of file as the client knows it ("PNG", "PDF", "texto").
PORTAL_TEXTS_FOR(domain::AttachmentType);

}  // namespace portal::app
