#include "app/texts/service_texts.h"

#include "app/code_words.h"

namespace portal::app {

ServiceText access_label(std::string_view label_key) {
    return words_for(TextsOf<ServiceText>::codes, label_key)
        .value_or(ServiceText::access_control_panel);
}

}  // namespace portal::app
