package vn.ishc.kit.imports.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly and counts lines as it goes, so that a CSV saved in another encoding (Excel's
 * plain "CSV" is Windows-1258 or 1252 here) is refused naming the line to look at, instead of being read
 * with replacement characters in the names. InputStreamReader would report the error a buffer later,
 * without the line.
 */
final class StrictUtf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
    private final CharBuffer chars = CharBuffer.allocate(16 * 1024).flip();
    /** Line breaks decoded so far. */
    private int lineBreaks;
    private boolean endOfInput;
    private boolean finished;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(length, chars.remaining());
        chars.get(target, offset, n);
        return n;
    }

    /** Decodes the next chunk into {@code chars}; false at the end of the input. */
    private boolean fill() throws IOException {
        chars.clear();
        while (chars.position() == 0 && !finished) {
            if (!endOfInput) {
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    endOfInput = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                countLineBreaks();
                throw TableFileException.content("imports.file.notUtf8", lineBreaks + 1);
            }
            finished = endOfInput && result.isUnderflow();
        }
        countLineBreaks();
        chars.flip();
        return chars.hasRemaining();
    }

    private void countLineBreaks() {
        for (int i = 0; i < chars.position(); i++) {
            if (chars.get(i) == '\n') {
                lineBreaks++;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
