package vn.ishc.kit.imports.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Arrays;

/** Chooses a CSV file's delimiter from its header line, leaving the reader where it was. */
final class CsvDelimiter {

    /** How far into the file the header line is looked for. */
    private static final int SNIFF_LIMIT = 1 << 20;
    /** In order of preference on a tie: a comma is the likeliest of them inside a header name. */
    private static final char[] DELIMITERS = {'\t', ';', ','};

    private CsvDelimiter() {
    }

    /**
     * The delimiter used most often outside quotes on the first non-blank line: Excel writes ";" or ","
     * depending on the computer's regional settings, and tab for "Unicode text". A header of one column: ",".
     */
    static char of(BufferedReader text) throws IOException {
        text.mark(SNIFF_LIMIT);
        int[] counts = new int[DELIMITERS.length];
        int[] blankLineCounts = new int[DELIMITERS.length];
        boolean quoted = false;
        boolean content = false;
        for (int read = 0, c; read < SNIFF_LIMIT && (c = text.read()) >= 0; read++) {
            int delimiterIndex = delimiterIndex(c);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (content) {
                    break;
                }
                // A blank row such as " ;; " above the header is skipped when reading: its delimiters do not vote.
                Arrays.setAll(blankLineCounts, i -> blankLineCounts[i] + counts[i]);
                Arrays.fill(counts, 0);
            } else if (!quoted && delimiterIndex >= 0) {
                counts[delimiterIndex]++;
            } else {
                content |= !Character.isWhitespace(c);
            }
        }
        text.reset();
        if (!content) {
            Arrays.setAll(counts, i -> blankLineCounts[i] + counts[i]);
        }
        int best = 0;
        for (int i = 1; i < DELIMITERS.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return counts[best] == 0 ? ',' : DELIMITERS[best];
    }

    private static int delimiterIndex(int c) {
        for (int i = 0; i < DELIMITERS.length; i++) {
            if (c == DELIMITERS[i]) {
                return i;
            }
        }
        return -1;
    }
}
