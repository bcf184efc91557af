package io.polystore.ops;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Makes text safe for an operator's terminal: strings that come from an API or a database (incident titles, key names,
 * error messages) may hold control characters, and a terminal acts on them (ANSI colours, cursor moves, OSC 52 writes
 * to the clipboard, title changes). Human output escapes every C0 control character (U+0000-U+001F), DEL (U+007F), C1
 * control character (U+0080-U+009F) and the bidirectional-text controls (U+202A-U+202E, U+2066-U+2069) as {@code \xNN}
 * (a backslash, x and two hex digits) or, above U+00FF, a backslash, u and four hex digits. JSON output
 * ({@code --json}) is left to the JSON encoder.
 */
public final class Terminal {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Terminal() {
    }

    /** Every control character escaped, line breaks and tabs included: one line, e.g. for a table cell. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int first = firstUnsafe(text, false);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            escapeInto(out, text.charAt(i), false);
        }
        return out.toString();
    }

    /**
     * A writer for human output: escapes as {@link #escape} does, but keeps the line breaks (and tabs) the command
     * writes.
     */
    public static PrintWriter escaping(PrintWriter out) {
        return new PrintWriter(new EscapingWriter(out), false);
    }

    static boolean unsafe(char c, boolean keepLineBreaks) {
        if (keepLineBreaks && (c == '\n' || c == '\t' || c == '\r' && System.lineSeparator().indexOf('\r') >= 0)) {
            return false;
        }
        return c < 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f || c >= '\u202a' && c <= '\u202e'
                || c >= '\u2066' && c <= '\u2069';
    }

    private static int firstUnsafe(String text, boolean keepLineBreaks) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i), keepLineBreaks)) {
                return i;
            }
        }
        return -1;
    }

    private static void escapeInto(StringBuilder out, char c, boolean keepLineBreaks) {
        if (!unsafe(c, keepLineBreaks)) {
            out.append(c);
        } else if (c <= 0xff) {
            out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
        } else {
            out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                    .append(HEX[c & 0xf]);
        }
    }

    /** Escapes what passes through it, keeping line breaks. */
    private static final class EscapingWriter extends FilterWriter {

        EscapingWriter(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            StringBuilder escaped = new StringBuilder(6);
            escapeInto(escaped, (char) c, true);
            out.write(escaped.toString());
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            write(new String(buffer, offset, length), 0, length);
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            String part = text.substring(offset, offset + length);
            if (firstUnsafe(part, true) < 0) {
                out.write(part);
                return;
            }
            StringBuilder escaped = new StringBuilder(length + 8);
            for (int i = 0; i < part.length(); i++) {
                escapeInto(escaped, part.charAt(i), true);
            }
            out.write(escaped.toString());
        }
    }
}
