package dev.lifeboat.activities.ssh;

import java.io.OutputStream;

/**
 * Takes the first line of a remote command's stdout, where our wrapper writes the process id of the
 * command's process group, and passes everything after it on untouched.
 */
final class PidLineSplitter extends OutputStream {
  private final OutputStream rest;
  private final StringBuilder firstLine = new StringBuilder();
  private volatile long pid = -1;
  private boolean firstLineDone;

  PidLineSplitter(OutputStream rest) {
    this.rest = rest;
  }

  @Override
  public synchronized void write(int b) throws java.io.IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) throws java.io.IOException {
    int i = offset;
    while (!firstLineDone && i < offset + length) {
      char c = (char) bytes[i++];
      if (c == '\n') {
        firstLineDone = true;
        pid = parse(firstLine.toString().trim());
      } else if (firstLine.length() < 32) {
        firstLine.append(c);
      }
    }
    if (i < offset + length) {
      rest.write(bytes, i, offset + length - i);
    }
  }

  /** The remote process group id, or -1 if the wrapper has not reported it (yet). */
  long pid() {
    return pid;
  }

  private static long parse(String text) {
    try {
      long value = Long.parseLong(text);
      return value > 1 ? value : -1; // never let a bad line turn into "kill -1"
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
