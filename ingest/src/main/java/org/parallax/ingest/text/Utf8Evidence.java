package org.parallax.ingest.text;

/**
 * How many well-formed multi-byte UTF-8 sequences and how many invalid bytes a text holds: tells UTF-8
 * with a little damage (a file cut off inside a character, a byte corrupted in a scrape) from a legacy
 * charset, whose high bytes practically never form valid sequences.
 */
public record Utf8Evidence(int multiByte, int invalid) {

    /** UTF-8 with a little damage: multi-byte sequences, and at most one invalid byte for 20 of them. */
    public boolean mostlyValid() {
        return multiByte > 0 && invalid * 20 <= multiByte;
    }

    public static Utf8Evidence scan(byte[] bytes) {
        int multiByte = 0;
        int invalid = 0;
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            if (length == 0 || !continues(bytes, i, length)) {
                invalid++;
                i++;
                continue;
            }
            multiByte++;
            i += length;
        }
        return new Utf8Evidence(multiByte, invalid);
    }

    /** Continuation bytes present, no overlong form, no surrogate, nothing above U+10FFFF. */
    private static boolean continues(byte[] bytes, int start, int length) {
        if (start + length > bytes.length) {
            return false;
        }
        for (int k = 1; k < length; k++) {
            if ((bytes[start + k] & 0xC0) != 0x80) {
                return false;
            }
        }
        int lead = bytes[start] & 0xFF;
        int second = bytes[start + 1] & 0xFF;
        return switch (lead) {
            case 0xE0 -> second >= 0xA0;
            case 0xED -> second < 0xA0;
            case 0xF0 -> second >= 0x90;
            case 0xF4 -> second < 0x90;
            default -> true;
        };
    }
}
