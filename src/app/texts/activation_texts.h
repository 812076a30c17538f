// How long a pending service takes to be activated (RULES.md §5), in the client's words.
// Used by "Mis servicios", the service's own screen and the upgrade wizard's last step.
#pragma once

#include <string>

#include "api/dto.h"
#include "app/strings.h"
#include "app/texts/text_table.h"

namespace portal::app {

PORTAL_TEXT_ENUM(ActivationText,
                 instant,           // "instantánea: hasta {} minutos"
                 hours_range,       // "{} a {} horas"
                 business_days,     // "{} días hábiles"
                 business_range,    // "{} a {} días hábiles"
                 business_one,      // "1 día hábil"
                 calendar_days,     // "{} días"
                 calendar_range,    // "{} a {} días"
                 sentence,          // "Activación: {} {}." (time, requirement)
                 req_payment,       // "desde que se acredita el pago"
                 req_domain,        // "desde que el dominio está activo y delegado"
                 req_requirements,  // "desde que los requisitos están listos"
                 req_texts,  // "desde que los textos están escritos y confirmados en el ticket"
                 req_information,    // "desde que recibimos toda la información"
                 expected_on,        // "Fecha estimada: {}."
                 expected_between,   // "Fecha estimada: entre el {} y el {}."
                 not_started,        // "El plazo empieza a contar cuando se cumpla ese requisito."
                 short_on,           // "Activo el {}" (one line, for lists)
                 short_between,      // "Activo entre {} y {}"
                 short_in,           // "Se activa en {}"
                 skips_holiday,      // "se saltea el feriado del {}"
                 skips_non_working,  // "se saltea el día no laborable del {}"
                 skips_holidays,     // "se saltean los feriados del {}"
                 skips_mixed,        // "se saltean los feriados y días no laborables del {}"
                 and_);              // " y "

// The whole estimate in one or two sentences: how long, counted from what, and the expected date
// when the requirement is already met (business days: Monday to Friday but Argentina's holidays,
// GMT−3), naming the holidays the count skipped («se saltea el feriado del 8/12»).
std::string describe_activation(const api::ActivationEstimateView& estimate, Language language);

// One short line for a list ("Activo el 06/01/2026", "Se activa en 2 días hábiles").
std::string describe_activation_short(const api::ActivationEstimateView& estimate,
                                      Language language);

// The table of RULES.md §5 for a product whose requirements are not dated (e.g. after an upgrade:
// "at most 2 minutes after the payment is credited"), as the API would answer it.
api::ActivationEstimateView activation_of(domain::ServiceType product, int64_t service_id);

}  // namespace portal::app
