// The accessibility mirror: a visually hidden DOM tree beside the canvas, one element per item of
// the item tree (ui/item_tree.h) with its ARIA role, name and state, in reading order — what
// screen readers, Playwright's getByRole and axe-core read. The DOM is built by web/a11y.js; this
// side decides when (only when the item tree's semantic hash changes: a frame that changes
// nothing a screen reader perceives touches no DOM; and in a task after the frame, so that the
// frame is shown first and a burst of frames updates the DOM once) and carries the page's
// requests back.
//
// Implemented: roles (button, textbox, checkbox, radio, tab in a tablist, link, heading with its
//              level, table/row/cell/columnheader for tables with a header row, list/listitem),
//              names, states (disabled, checked, selected, expanded, invalid with its error as
//              description and error message), messages and errors announced in live regions,
//              document.title from the screen's title; activation (click, Enter, Space) acts on
//              the widget (ImGui's own activation, queued for the next frame); focus moves
//              together (focusing an element gives its widget ImGui's focus ring and scrolls it
//              into view; Tab/Shift+Tab from the canvas or a field being edited go to the
//              next/previous element); fields a password manager fills are real <input>s in a
//              <form>, placed over the drawn fields (typing in them sets the field's text);
//              arrow keys, Home and End move and choose inside a tab list or a radio group;
//              Escape reaches ImGui (it closes a popup, leaves a field, or takes the screen's
//              way back: ui/way_back.h).
#pragma once

namespace portal::platform {

// Adds the mirror to the page (after the canvas). `wake` asks for a new frame.
void a11y_mirror_install(void (*wake)());
// After each frame (after ui::item_tree_end_frame): has the DOM updated right after the frame if
// the tree changed, and gives a drawn field's keyboard to the real field that stands for it.
void a11y_mirror_after_frame();
// Whether the keyboard's focus is on a mirror element (its keys belong to the browser: Tab moves
// between elements, Enter and Space activate them).
bool a11y_mirror_has_focus();
// Tab pressed on the canvas or in a field being edited: focuses the mirror's next (or previous)
// element after the widget that has ImGui's focus.
void a11y_mirror_tab(bool backwards);

}  // namespace portal::platform
