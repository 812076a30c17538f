// Escape takes the screen's way back, as it closes a dialog on any web page: from a service to
// the list, from a wizard to its service, from an article to the catalog, from a ticket to
// «Soporte». The widgets that lead back (link_back, a wizard's «Volver al servicio») ask
// escape_goes_back(); the first one drawn in a frame takes the key.
//
// The key belongs to something else first: a field being edited (Escape leaves it, keeping
// what was typed) and an open popup or menu (Escape closes it) — both judged from the frame
// before, since ImGui closes a popup before the screens are drawn.
#pragma once

namespace portal::ui {

// Around each frame's drawing of the page (portal_view.cpp).
void way_back_begin_frame();
void way_back_end_frame();

// True once per frame in which Escape was pressed for the screen's way back.
bool escape_goes_back();

}  // namespace portal::ui
