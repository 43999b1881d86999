package vn.ishc.kit.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Text as it is stored and compared: Unicode NFC (a name typed as "Túc Duyên" with combining
 * accents equals the precomposed one), without invisible format characters (zero-width spaces,
 * joiners, bidi controls, BOM), with every kind of space turned into a plain space. Control
 * characters other than tab and line breaks are refused, not removed: PostgreSQL cannot store NUL,
 * and a client that sends one has a bug it should hear about.
 */
public final class CleanText {

    private static final Pattern SPACE_SEPARATORS = Pattern.compile("\\p{Zs}");
    private static final Pattern RUNS_OF_SPACE = Pattern.compile("\\s+");

    private CleanText() {
    }

    /** Thrown for text that cannot be cleaned without guessing: control characters, broken surrogates. */
    public static final class RejectedText extends IllegalArgumentException {
        public RejectedText(String reason) {
            super(reason);
        }
    }

    /** NFC, invisible characters removed, any space separator as U+0020; refuses control characters. */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        if (isPlainAscii(raw)) {
            return raw; // already NFC, nothing invisible, no other spaces: most codes, enums and ids
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw new RejectedText("control character U+" + String.format("%04X", (int) c));
            }
            if (Character.isHighSurrogate(c) && (i + 1 == raw.length() || !Character.isLowSurrogate(raw.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(raw.charAt(i - 1)))) {
                throw new RejectedText("unpaired surrogate");
            }
        }
        StringBuilder visible = new StringBuilder(raw.length());
        raw.codePoints().filter(cp -> Character.getType(cp) != Character.FORMAT).forEach(visible::appendCodePoint);
        String spaced = SPACE_SEPARATORS.matcher(visible).replaceAll(" ");
        return Normalizer.normalize(spaced, Normalizer.Form.NFC);
    }

    private static boolean isPlainAscii(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c < 0x20 || c > 0x7E) && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** A one-line name: cleaned, trimmed, inner runs of white space as one space. */
    public static String name(String raw) {
        String cleaned = clean(raw);
        return cleaned == null ? null : RUNS_OF_SPACE.matcher(cleaned.strip()).replaceAll(" ");
    }

    /** Optional free text: cleaned and trimmed, null when nothing visible is left. */
    public static String optional(String raw) {
        String cleaned = clean(raw);
        return cleaned == null || cleaned.isBlank() ? null : cleaned.strip();
    }

    /**
     * Whether a name can be read as a name: it has at least one letter or digit, and no emoji or
     * other pictographic symbols (a name made only of combining marks or emoji is not a name).
     */
    public static boolean isReadableName(String name) {
        if (name == null) {
            return false;
        }
        boolean letterOrDigit = name.codePoints().anyMatch(Character::isLetterOrDigit);
        boolean symbols = name.codePoints().anyMatch(cp -> Character.getType(cp) == Character.OTHER_SYMBOL
                || Character.getType(cp) == Character.SURROGATE || Character.getType(cp) == Character.PRIVATE_USE
                || Character.getType(cp) == Character.UNASSIGNED);
        return letterOrDigit && !symbols && !startsWithMark(name);
    }

    private static boolean startsWithMark(String name) {
        int first = name.codePointAt(0);
        int type = Character.getType(first);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }
}
