package vn.hoctap.synthetic.core;

import java.io.Writer;
import java.util.function.Consumer;

/** A Writer that hands every complete line to a consumer and keeps nothing else (for streaming tests). */
final class LineWriter extends Writer {
    private final Consumer<String> lines;
    private final StringBuilder current = new StringBuilder(512);
    long chars;
    long lineCount;

    LineWriter(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public void write(char[] buf, int off, int len) {
        chars += len;
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            if (c == '\n') {
                lineCount++;
                lines.accept(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
    }

    @Override
    public void write(String s, int off, int len) {
        chars += len;
        for (int i = off; i < off + len; i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                lineCount++;
                lines.accept(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
    }

    @Override
    public Writer append(CharSequence csq) {
        String s = String.valueOf(csq);
        write(s, 0, s.length());
        return this;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
