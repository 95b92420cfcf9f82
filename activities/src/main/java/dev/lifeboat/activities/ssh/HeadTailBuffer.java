package dev.lifeboat.activities.ssh;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the first and the last bytes of a stream up to a cap, and counts what falls in between. The
 * head shows what a command set out to do, the tail how it ended; the middle is usually repetition.
 * Written to by JSch's session thread, read by the caller's: synchronized.
 */
final class HeadTailBuffer extends OutputStream {
  private final byte[] head;
  private final byte[] tail;
  private int headLength;
  private long tailWritten; // total bytes ever written into the ring
  private long total;

  HeadTailBuffer(int capBytes) {
    this.head = new byte[capBytes / 2];
    this.tail = new byte[capBytes - capBytes / 2];
  }

  @Override
  public synchronized void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    total += length;
    int toHead = Math.min(length, head.length - headLength);
    System.arraycopy(bytes, offset, head, headLength, toHead);
    headLength += toHead;
    for (int i = offset + toHead; i < offset + length; i++) {
      tail[(int) (tailWritten % tail.length)] = bytes[i];
      tailWritten++;
    }
  }

  synchronized long total() {
    return total;
  }

  synchronized long bytesCut() {
    return Math.max(0, tailWritten - tail.length);
  }

  /** The kept text; when bytes were cut, a marker line in their place says how many. */
  synchronized String text() {
    String start = new String(head, 0, headLength, StandardCharsets.UTF_8);
    int kept = (int) Math.min(tailWritten, tail.length);
    byte[] end = new byte[kept];
    for (int i = 0; i < kept; i++) {
      end[i] = tail[(int) ((tailWritten - kept + i) % tail.length)];
    }
    String marker = bytesCut() == 0 ? "" : "\n[… " + bytesCut() + " bytes cut …]\n";
    return start + marker + new String(end, StandardCharsets.UTF_8);
  }
}
