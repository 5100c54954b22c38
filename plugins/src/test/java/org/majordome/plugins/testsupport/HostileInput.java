package org.majordome.plugins.testsupport;

import java.util.Random;

/**
 * Generated hostile chat input for tests: message bodies (huge, deep combining sequences, bidi controls, shapes
 * that make backtracking expressions explode, mention and command garbage, line-break floods, look-alike
 * letters) and nicknames (long, invisible, right-to-left, combining, look-alikes of the bot or a protected
 * nick). Deterministic for a given {@link Random}.
 */
public final class HostileInput {

    private HostileInput() {
    }

    /** One generated hostile body; every category comes round, lengths and contents are random. */
    public static String body(Random random, int i) {
        int size = 1 + random.nextInt(60_000);
        return switch (i % 12) {
            case 0 -> randomChars(random, size, "aAzZ 09");
            case 1 -> "e" + "\u0301\u0336\u0334\u0338\u0335\u0337\u0489".repeat(1 + size / 7); // zalgo, deep combining
            case 2 -> "\u202e\u2066\u2067\u2068\u2069\u200f\u200e\u061c\u202a\u202b\u202c\u202d".repeat(1 + size / 12)
                    + (random.nextBoolean() ? "admin" : "bad");
            case 3 -> "a".repeat(size) + pick(random, "!", "b", "c", "=", " "); // (a+)+b and (.*a){12} shapes
            case 4 -> "x".repeat(size) + pick(random, "", "z", "y");
            case 5 -> "=".repeat(1 + size / 2) + "a".repeat(1 + size / 2);
            case 6 -> "word ".repeat(1 + size / 5) + "!";
            case 7 -> mentions(random, 1 + size / 10);
            case 8 -> pick(random, "!", "!ping ", "!cases ", "!mute ", "!ban ", "!help ", "!kick ", "!about ")
                    + randomChars(random, random.nextInt(2_000), "@\"'\\ \u0000\u202e!-");
            case 9 -> "http://" + "a.".repeat(1 + size / 2) + "com https://example.com/" + "%".repeat(random.nextInt(5_000));
            case 10 -> pick(random, "\n", "\r\n", "\u2028", "\u0085").repeat(1 + size / 2);
            default -> ("ＳＰＡＭ ｓｐａｍ 𝐬𝐩𝐚𝐦 ⓢⓟⓐⓜ ѕраm \ud83d\ude00 \udbff\udfff ").repeat(1 + size / 40);
        };
    }

    /** Nicks that are long, invisible, right-to-left, combining, or look like the bot or a protected nick. */
    public static String nick(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "n" + "\u0301".repeat(1 + random.nextInt(2_000));
            case 1 -> "\u202e" + "nimda" + random.nextInt(1000);
            case 2 -> "\u200b\u2060\ufeff" + random.nextInt(1000);
            case 3 -> "Ｍajordome" + random.nextInt(1000);
            case 4 -> "аdmin" + random.nextInt(1000); // Cyrillic a
            case 5 -> "x".repeat(1 + random.nextInt(3_000));
            case 6 -> "@" + "@".repeat(random.nextInt(50)) + random.nextInt(1000);
            default -> randomChars(random, 1 + random.nextInt(40), "!@#$%^&*()[]{}<>\"' \u0000\u202e");
        };
    }

    private static String mentions(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int m = 0; m < count && text.length() < 60_000; m++) {
            text.append(pick(random, "@", "@@", "@ ", "@attacker0", "@regular", "@majordome ", "@\u200b", "@\u202e",
                    "@" + "x".repeat(random.nextInt(300)), "@attacker1: ", ": ", ",@"));
        }
        return text.toString();
    }

    private static String randomChars(Random random, int length, String extra) {
        StringBuilder text = new StringBuilder(length);
        for (int c = 0; c < length; c++) {
            text.append(random.nextInt(4) == 0 ? extra.charAt(random.nextInt(extra.length()))
                    : (char) (0x20 + random.nextInt(0x2fff)));
        }
        return text.toString();
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    /**
     * The text without the characters XML 1.0 cannot carry (controls other than tab and line breaks, lone
     * surrogates, U+FFFE and U+FFFF): what a real client can actually send; a server closes the stream on them.
     */
    public static String xmlSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF).forEach(safe::appendCodePoint);
        return safe.toString();
    }
}
