#include "app/texts/support_texts.h"

namespace portal::app {

// clang-format off
template <>
const TextTable<SupportText> TextsOf<SupportText>::table{{
    {SupportText::subtitle,
     "Sus tickets con el equipo de soporte, cuándo le debemos una respuesta y cómo pedir ayuda.",
     "Your tickets with the support team, when we owe you an answer and how to ask for help."},
    {SupportText::your_plan,
     "Su plan de soporte: {}", "Your support plan: {}"},
    {SupportText::plan_answer_time,
     "Respondemos sus tickets en {} como máximo, y los reportes de error en 2 horas a cualquier "
     "hora.",
     "We answer your tickets within {} at most, and error reports within 2 hours at any hour."},
    {SupportText::business_hours,
     "Horario hábil: de lunes a viernes de 10 a 17 h (hora de Argentina), sin feriados nacionales.",
     "Business hours: Monday to Friday, 10 am to 5 pm (Argentina time), national holidays "
     "excluded."},
    {SupportText::channels_heading,
     "Cómo pedir ayuda", "How to ask for help"},
    {SupportText::tickets_heading,
     "Sus tickets", "Your tickets"},
    {SupportText::no_tickets,
     "No tiene tickets.", "You have no tickets."},
    {SupportText::new_ticket,
     "Nuevo ticket", "New ticket"},
    {SupportText::see_ticket,
     "Ver ticket «{}»", "See ticket “{}”"},
    {SupportText::see,
     "Ver", "See"},
    {SupportText::about_service,
     "Servicio: {}", "Service: {}"},
    {SupportText::due_answer,
     "Respuesta esperada antes del {} a las {}", "Answer expected before {} at {}"},
    {SupportText::due_resolution,
     "Resolución esperada antes del {} a las {}", "Resolution expected before {} at {}"},
    {SupportText::overdue_answer,
     "Respuesta demorada: se esperaba antes del {} a las {}",
     "Answer overdue: it was expected before {} at {}"},
    {SupportText::overdue_resolution,
     "Resolución demorada: se esperaba antes del {} a las {}",
     "Resolution overdue: it was expected before {} at {}"},
    {SupportText::waiting_on_you,
     "Le hicimos una pregunta: respóndala para que podamos seguir.",
     "We asked you a question: answer it so we can go on."},
    {SupportText::ticket_heading,
     "Ticket n.º {}: {}", "Ticket no. {}: {}"},
    {SupportText::opened_on,
     "Abierto el {} a las {}", "Opened on {} at {}"},
    {SupportText::from_you,
     "Usted, el {} a las {}", "You, on {} at {}"},
    {SupportText::from_staff,
     "Soporte, el {} a las {}", "Support, on {} at {}"},
    {SupportText::reply_label,
     "Su respuesta", "Your reply"},
    {SupportText::send_reply,
     "Enviar respuesta", "Send reply"},
    {SupportText::sending,
     "Enviando…", "Sending…"},
    {SupportText::close_ticket,
     "Cerrar ticket", "Close ticket"},
    {SupportText::closed_note,
     "Este ticket está cerrado. Si vuelve a escribir, se abre de nuevo.",
     "This ticket is closed. If you write again, it opens again."},
    {SupportText::back_to_support,
     "Volver a Soporte", "Back to Support"},
    {SupportText::department_label,
     "Área", "Department"},
    {SupportText::subject_label,
     "Asunto", "Subject"},
    {SupportText::message_label,
     "Mensaje", "Message"},
    {SupportText::error_report_label,
     "Algo que debería funcionar no funciona (reporte de error)",
     "Something that should work does not (error report)"},
    {SupportText::error_report_hint,
     "Los reportes de error se analizan y responden en 2 horas, a cualquier hora.",
     "Error reports are analysed and answered within 2 hours, at any hour."},
    {SupportText::send_ticket,
     "Enviar ticket", "Send ticket"},
    {SupportText::help_with_service,
     "Pedir ayuda con este servicio", "Ask for help with this service"},
    {SupportText::text_required,
     "Escriba algo aquí.", "Write something here."},
    {SupportText::subject_too_long,
     "El asunto puede tener hasta 120 caracteres.", "The subject can be up to 120 characters."},
    {SupportText::message_too_long,
     "El mensaje puede tener hasta 4000 caracteres.", "The message can be up to 4000 characters."},
    {SupportText::why_too_many_open,
     "Tiene muchos tickets abiertos: escriba en uno de ellos o cierre los ya resueltos.",
     "You have many open tickets: write in one of them or close those already solved."},
    {SupportText::why_too_many_messages,
     "Este ticket tiene demasiados mensajes: abra uno nuevo.",
     "This ticket has too many messages: open a new one."},
    {SupportText::why_not_found,
     "No encontramos este ticket entre los suyos.", "We could not find this ticket among yours."},
}};

template <>
const TextTable<domain::TicketStatus> TextsOf<domain::TicketStatus>::table{{
    {domain::TicketStatus::open, "Abierto", "Open"},
    {domain::TicketStatus::answered, "Respondido", "Answered"},
    {domain::TicketStatus::waiting_on_client, "Esperando su respuesta", "Waiting for your reply"},
    {domain::TicketStatus::closed, "Cerrado", "Closed"},
}};

template <>
const TextTable<domain::TicketDepartment> TextsOf<domain::TicketDepartment>::table{{
    {domain::TicketDepartment::support, "Soporte técnico", "Technical support"},
    {domain::TicketDepartment::billing, "Facturación", "Billing"},
    {domain::TicketDepartment::sales, "Ventas", "Sales"},
}};

template <>
const TextTable<domain::SupportPlan> TextsOf<domain::SupportPlan>::table{{
    {domain::SupportPlan::standard, "Estándar", "Standard"},
    {domain::SupportPlan::professional, "Profesional", "Professional"},
    {domain::SupportPlan::full, "Full", "Full"},
}};

constexpr TextTable<domain::SupportPlan> kPlanTimes{{
    {domain::SupportPlan::standard, "8 horas hábiles", "8 business hours"},
    {domain::SupportPlan::professional, "2 horas hábiles", "2 business hours"},
    {domain::SupportPlan::full, "15 minutos hábiles", "15 business minutes"},
}};

template <>
const TextTable<domain::SupportChannel> TextsOf<domain::SupportChannel>::table{{
    {domain::SupportChannel::bot, "Asistente virtual (bot)", "Virtual assistant (bot)"},
    {domain::SupportChannel::manuals, "Manuales", "Manuals"},
    {domain::SupportChannel::tutorials, "Tutoriales", "Tutorials"},
    {domain::SupportChannel::tickets, "Tickets", "Tickets"},
    {domain::SupportChannel::chat, "Chat en línea", "Online chat"},
    {domain::SupportChannel::remote_support, "Soporte remoto", "Remote support"},
    {domain::SupportChannel::phone, "Teléfono", "Phone"},
    {domain::SupportChannel::courses, "Cursos", "Courses"},
    {domain::SupportChannel::whatsapp, "WhatsApp", "WhatsApp"},
    {domain::SupportChannel::telegram, "Telegram", "Telegram"},
    {domain::SupportChannel::video_tutorials, "Videotutoriales", "Video tutorials"},
}};

template <>
const TextTable<domain::ChannelResponse> TextsOf<domain::ChannelResponse>::table{{
    {domain::ChannelResponse::at_once, "siempre disponible", "always available"},
    {domain::ChannelResponse::plan_time, "respuesta en {}", "answer within {}"},
    {domain::ChannelResponse::chat_minutes, "suele responder en menos de 10 minutos en horario hábil",
     "usually answers in under 10 minutes in business hours"},
    {domain::ChannelResponse::business_hours, "en horario hábil", "in business hours"},
    {domain::ChannelResponse::appointment, "con turno, en horario hábil",
     "by appointment, in business hours"},
}};
// clang-format on

const char* plan_time_words(Language language, domain::SupportPlan plan) {
    return kPlanTimes.tr(language, plan);
}

}  // namespace portal::app
