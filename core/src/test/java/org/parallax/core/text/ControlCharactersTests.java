package org.parallax.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlCharactersTests {

    @Test
    void controlCharactersBecomeSpaces() {
        assertThat(ControlCharacters.present("Putin\u0000\u0007\u001b[31m")).isTrue();
        assertThat(ControlCharacters.replace("Putin\u0000\u0007\u001b[31m")).isEqualTo("Putin   [31m");
        // Invisible format characters nobody types on purpose: a byte-order mark, a right-to-left override.
        assertThat(ControlCharacters.replace("\uFEFFKremlin\u202Esaid")).isEqualTo(" Kremlin said");
    }

    @Test
    void whiteSpaceStays() {
        assertThat(ControlCharacters.present("two\tcolumns\r\nand lines\n")).isFalse();
    }

    /** Persian "I do not want" is written with a zero-width non-joiner; without it the word reads differently. */
    @Test
    void theJoinersAndDirectionMarksOfWritingStay() {
        String persian = "\u0646\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";
        String family = "\uD83D\uDC69\u200D\uD83D\uDC67";   // woman, zero-width joiner, girl: one emoji
        String mixed = "\u05E2\u05D3 2020\u200F \u0645\u0631\u062D\u0628\u0627\u061C!\u200E";
        for (String text : new String[] {persian, family, mixed}) {
            assertThat(ControlCharacters.present(text)).as(text).isFalse();
            assertThat(ControlCharacters.replace(text)).isEqualTo(text);
        }
    }
}
