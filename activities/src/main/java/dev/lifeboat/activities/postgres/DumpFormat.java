package dev.lifeboat.activities.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The pg_dump output formats, recognised from the dump itself rather than its file name. */
public enum DumpFormat {
  CUSTOM("custom", true),
  TAR("tar", true),
  DIRECTORY("directory", true),
  PLAIN("plain", false),
  UNKNOWN("unknown", false);

  private static final byte[] ARCHIVE_MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TAR_MAGIC = "ustar".getBytes(StandardCharsets.US_ASCII);
  private static final int TAR_MAGIC_OFFSET = 257;
  private static final int HEAD_BYTES = 4096;

  private final String label;
  private final boolean archive;

  DumpFormat(String label, boolean archive) {
    this.label = label;
    this.archive = archive;
  }

  /** The name used in results and messages: {@code custom}, {@code plain}… */
  public String label() {
    return label;
  }

  /** Whether {@code pg_restore} reads it (otherwise it is an SQL script for {@code psql}). */
  public boolean isArchive() {
    return archive;
  }

  /**
   * Detects the format: archive magic {@code PGDMP} is custom, a tar header is tar, a directory
   * with {@code toc.dat} is directory, a head that looks like a pg_dump script is plain.
   */
  public static DumpFormat detect(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      return Files.isRegularFile(path.resolve("toc.dat")) ? DIRECTORY : UNKNOWN;
    }
    byte[] head = head(path);
    if (startsWith(head, ARCHIVE_MAGIC, 0)) {
      return CUSTOM;
    }
    if (startsWith(head, TAR_MAGIC, TAR_MAGIC_OFFSET)) {
      return TAR;
    }
    return isDumpScript(new String(head, StandardCharsets.UTF_8)) ? PLAIN : UNKNOWN;
  }

  /** Whether the text starts like a pg_dump SQL script (its banner comment). */
  static boolean isDumpScript(String head) {
    return head.contains("-- PostgreSQL database dump");
  }

  private static byte[] head(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes(HEAD_BYTES);
    }
  }

  private static boolean startsWith(byte[] data, byte[] prefix, int offset) {
    return data.length >= offset + prefix.length
        && Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
  }
}
