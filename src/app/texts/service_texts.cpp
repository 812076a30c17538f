#include "app/texts/service_texts.h"

#include "app/code_words.h"

namespace portal::app {

ServiceText access_label(std::string_view label_key) {
    static constexpr CodeWords<ServiceText> kKeys[] = {
        {"access.hosting_panel", ServiceText::access_hosting_panel},
        {"access.web_builder", ServiceText::access_web_builder},
        {"access.radio_panel", ServiceText::access_radio_panel},
        {"access.video_panel", ServiceText::access_video_panel},
        {"access.mailboxes", ServiceText::access_mailboxes},
        {"access.domain_panel", ServiceText::access_domain_panel},
        {"access.reseller_panel", ServiceText::access_reseller_panel},
        {"access.site_admin", ServiceText::access_site_admin},
        {"access.app_console", ServiceText::access_app_console},
        {"access.audio_cloud", ServiceText::access_audio_cloud},
        {"access.design_project", ServiceText::access_design_project},
    };
    return words_for(kKeys, label_key).value_or(ServiceText::access_control_panel);
}

}  // namespace portal::app
