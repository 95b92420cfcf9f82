package dev.lifeboat.activities.process;

/** Keeps the newest {@code limit} characters written to it and counts the lines. Thread-safe. */
final class TailBuffer {
  private final int limit;
  private final StringBuilder text = new StringBuilder();
  private long lines;
  private boolean truncated;

  TailBuffer(int limit) {
    this.limit = limit;
  }

  synchronized void appendLine(String line) {
    lines++;
    text.append(line).append('\n');
    if (text.length() > limit) {
      // Drop the oldest part: the end of a tool's output is where its error is.
      text.delete(0, text.length() - limit);
      truncated = true;
    }
  }

  synchronized long lines() {
    return lines;
  }

  synchronized String text() {
    return truncated ? "…" + text : text.toString();
  }
}
