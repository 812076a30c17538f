// The names the client reads on the portal's tabs, screens, sections, buttons, options and status
// badges: what a text may send the client to look for or press. The manuals' steps are checked
// against it (tests/unit/app/manual_steps_test.cpp), so an article cannot name a button the
// portal does not draw. Each entry is a key of the text tables, never a copy of their words: a
// renamed button renames the name the articles must use. A text with a "{}" to fill in names no
// fixed label and is not listed.
#pragma once

#include <string>
#include <vector>

#include "app/strings.h"

namespace portal::app {

std::vector<std::string> ui_labels(Language language);

}  // namespace portal::app
