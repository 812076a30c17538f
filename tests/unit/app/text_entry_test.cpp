// The page's typing decisions (src/app/text_entry.h): every keystroke reaches a field exactly once,
// whether from a physical keyboard, an IME or a phone's on-screen keyboard, and the phone keyboard
// opens for fields only.
#include "app/text_entry.h"

#include <gtest/gtest.h>

#include <initializer_list>

namespace portal::app {
namespace {

using Flag = bool KeyDown::*;

// A key pressed while a field has the keyboard, with `held` set (modifiers, a composition...).
KeyDown typing(std::string_view key, int key_code, std::initializer_list<Flag> held = {}) {
    KeyDown down;
    down.key = key;
    down.key_code = key_code;
    down.wants_keyboard = true;
    for (const Flag flag : held) down.*flag = true;
    return down;
}

// The same key pressed while no field has the keyboard.
KeyDown outside_fields(KeyDown down) {
    down.wants_keyboard = false;
    return down;
}

TEST(TextEntryKeys, APhysicalKeyTypesItsCharacterAndKeepsItFromTheHiddenElement) {
    for (const std::string_view key : {"a", "Z", "7", "@", ".", " ", "ñ", "é", "€", "😀"}) {
        const KeyDownAction action = key_down_action(typing(key, 65));
        EXPECT_TRUE(action.insert_text) << key;
        // Not prevented, the browser would also put the character into the focused element and
        // the input event would type it a second time.
        EXPECT_TRUE(action.prevent_default) << key;
    }
}

TEST(TextEntryKeys, KeysAnImeOrAnOnScreenKeyboardHandlesAreLeftToTheBrowser) {
    // Android keyboards report "Unidentified" with keyCode 229; desktop IMEs "Process"; Safari
    // reports the letter with 229 during a composition.
    for (const KeyDown down : {typing("Unidentified", 229), typing("Process", 229),
                               typing("a", 229), typing("Dead", 0)}) {
        const KeyDownAction action = key_down_action(down);
        EXPECT_FALSE(action.key_event) << down.key;
        EXPECT_FALSE(action.insert_text) << down.key;
        EXPECT_FALSE(action.prevent_default) << down.key;
    }
    const KeyDown composing = typing("Backspace", 8, {&KeyDown::composing});
    EXPECT_FALSE(key_down_action(composing).key_event);
    EXPECT_FALSE(key_down_action(composing).insert_text);
    EXPECT_FALSE(key_down_action(composing).prevent_default);
}

TEST(TextEntryKeys, ShortcutsTypeNothingButAltGrCharactersDo) {
    const KeyDown select_all = typing("a", 65, {&KeyDown::ctrl});
    EXPECT_FALSE(key_down_action(select_all).insert_text);
    EXPECT_TRUE(key_down_action(select_all).prevent_default);

    const KeyDown command = typing("z", 90, {&KeyDown::meta});
    EXPECT_FALSE(key_down_action(command).insert_text);

    // Windows reports AltGr as Ctrl+Alt: "@" is AltGr+2 on Spanish keyboards.
    const KeyDown alt_gr = typing("@", 50, {&KeyDown::ctrl, &KeyDown::alt});
    EXPECT_TRUE(key_down_action(alt_gr).insert_text);
}

TEST(TextEntryKeys, ClipboardShortcutsReachTheBrowserSoThePasteEventFires) {
    const KeyDown paste = typing("v", 86, {&KeyDown::ctrl, &KeyDown::clipboard_shortcut});
    EXPECT_FALSE(key_down_action(paste).insert_text);
    EXPECT_FALSE(key_down_action(paste).prevent_default);
}

TEST(TextEntryKeys, NamedKeysTypeNothing) {
    for (const std::string_view key : {"Backspace", "Enter", "Tab", "ArrowLeft", "Shift", "F5"}) {
        EXPECT_FALSE(key_down_action(typing(key, 8)).insert_text) << key;
        EXPECT_TRUE(key_down_action(typing(key, 8)).key_event) << key;
    }
    EXPECT_FALSE(is_single_character(""));
    EXPECT_FALSE(is_single_character("\t"));
    EXPECT_FALSE(is_single_character("\xC3"));  // a cut UTF-8 sequence is not a character
}

TEST(TextEntryKeys, WithoutAFieldTheBrowserKeepsItsKeysButTabStaysInThePage) {
    const KeyDown reload = outside_fields(typing("r", 82));
    EXPECT_FALSE(key_down_action(reload).insert_text);
    EXPECT_FALSE(key_down_action(reload).prevent_default);

    const KeyDown tab = outside_fields(typing("Tab", 9, {&KeyDown::tab}));
    EXPECT_TRUE(key_down_action(tab).prevent_default);
}

TEST(TextEntryBeforeInput, OnScreenKeyboardDeletionsAndLineBreaksBecomeKeys) {
    EXPECT_EQ(before_input_action("deleteContentBackward").key, EditKey::backspace);
    EXPECT_EQ(before_input_action("deleteContentForward").key, EditKey::delete_forward);
    EXPECT_EQ(before_input_action("deleteWordBackward").key, EditKey::word_backspace);
    EXPECT_EQ(before_input_action("deleteWordForward").key, EditKey::word_delete);
    EXPECT_EQ(before_input_action("insertLineBreak").key, EditKey::enter);
    EXPECT_EQ(before_input_action("insertParagraph").key, EditKey::enter);
    // The element stays empty: the browser deletes nothing of its own.
    EXPECT_TRUE(before_input_action("deleteContentBackward").prevent_default);
    EXPECT_TRUE(before_input_action("insertLineBreak").prevent_default);
}

TEST(TextEntryBeforeInput, TypedDictatedAndComposedTextIsLeftForTheElement) {
    for (const std::string_view type :
         {"insertText", "insertReplacementText", "insertCompositionText", "insertFromComposition",
          "deleteCompositionText"}) {
        const BeforeInputAction action = before_input_action(type);
        EXPECT_EQ(action.key, EditKey::none) << type;
        EXPECT_FALSE(action.prevent_default) << type;
    }
}

TEST(TextEntryBeforeInput, PasteDropsUndoAndUnknownEditsChangeNothing) {
    // Paste text is taken from the paste event; letting it into the element would type it twice.
    for (const std::string_view type :
         {"insertFromPaste", "insertFromDrop", "historyUndo", "formatBold", "somethingNew", ""}) {
        const BeforeInputAction action = before_input_action(type);
        EXPECT_EQ(action.key, EditKey::none) << type;
        EXPECT_TRUE(action.prevent_default) << type;
    }
}

TEST(TextEntryFocus, ATapOnAFieldFocusesTheElementInsideTheGesture) {
    // The press was already processed and a field is active.
    EXPECT_EQ(focus_on_pointer_up(true, false), FocusAction::focus);
    // A quick tap: ImGui has not seen the press yet, so it may be on a field; focus now (the
    // only moment a phone opens its keyboard), and let the frame decide.
    EXPECT_EQ(focus_on_pointer_up(false, true), FocusAction::focus);
}

TEST(TextEntryFocus, ATapOnAButtonLeavesTheKeyboardClosed) {
    EXPECT_EQ(focus_on_pointer_up(false, false), FocusAction::keep);
}

TEST(TextEntryFocus, AfterAFrameTheFocusFollowsTheActiveField) {
    // A speculative focus whose tap was not on a field: closed once the input is processed.
    EXPECT_EQ(focus_after_frame(true, false, true, true), FocusAction::keep);
    EXPECT_EQ(focus_after_frame(true, false, false, true), FocusAction::blur);
    // Tab into a field, or a click on a computer.
    EXPECT_EQ(focus_after_frame(false, true, false, true), FocusAction::focus);
    EXPECT_EQ(focus_after_frame(true, true, false, true), FocusAction::keep);
    EXPECT_EQ(focus_after_frame(false, false, false, true), FocusAction::keep);
}

TEST(TextEntryFocus, NothingChangesWhileTheWindowIsInTheBackground) {
    EXPECT_EQ(focus_after_frame(false, true, false, false), FocusAction::keep);
    EXPECT_EQ(focus_after_frame(true, false, false, false), FocusAction::keep);
}

TEST(TextEntryCaret, TheElementSitsAtTheCaretInPageCoordinates) {
    const CaretBox box = caret_box(10, 20, 100, 200, 18, 390, 844);
    EXPECT_FLOAT_EQ(box.left, 110);
    EXPECT_FLOAT_EQ(box.top, 220);
    EXPECT_FLOAT_EQ(box.height, 18);
}

TEST(TextEntryCaret, TheElementNeverLeavesTheViewportSoThePageNeverScrolls) {
    const CaretBox below = caret_box(0, 0, 500, 900, 18, 390, 844);
    EXPECT_FLOAT_EQ(below.left, 389);
    EXPECT_FLOAT_EQ(below.top, 844 - 18);
    const CaretBox above = caret_box(0, 0, -40, -30, 18, 390, 844);
    EXPECT_FLOAT_EQ(above.left, 0);
    EXPECT_FLOAT_EQ(above.top, 0);
}

}  // namespace
}  // namespace portal::app
