package dev.lifeboat.activities.notify;

import java.io.IOException;
import java.io.Writer;

/** Collects rendered text and refuses (with an IOException) to grow past a limit. */
final class BoundedWriter extends Writer {
  private final StringBuilder text = new StringBuilder();
  private final int limit;
  private boolean overflowed;

  BoundedWriter(int limit) {
    this.limit = limit;
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    if (text.length() + length > limit) {
      overflowed = true;
      throw new IOException("more than " + limit + " characters");
    }
    text.append(chars, offset, length);
  }

  boolean overflowed() {
    return overflowed;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return text.toString();
  }
}
