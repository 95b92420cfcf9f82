package dev.lifeboat.activities.postgres;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The backup formats Lifeboat recognises, from the file's first bytes rather than its name: the
 * pg_dump formats, and tarballs of files (plain or gzip-compressed).
 */
public enum DumpFormat {
  CUSTOM("custom", true),
  TAR("tar", true),
  DIRECTORY("directory", true),
  PLAIN("plain", false),
  /** A tar archive of files (not a pg_dump): {@code tar -tf} reads it. */
  TARBALL("tarball", false),
  /** A gzip-compressed tar archive of files ({@code .tar.gz}, {@code .tgz}). */
  GZIP_TARBALL("gzip tarball", false),
  UNKNOWN("unknown", false);

  /** How many leading bytes {@link #detect(byte[])} needs to see. */
  public static final int HEAD_BYTES = 4096;

  private static final byte[] ARCHIVE_MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TAR_MAGIC = "ustar".getBytes(StandardCharsets.US_ASCII);
  private static final int TAR_MAGIC_OFFSET = 257;
  private static final int TAR_NAME_LENGTH = 100;
  private static final byte[] GZIP_MAGIC = {(byte) 0x1f, (byte) 0x8b};

  /** pg_dump's tar format always starts with its table of contents. */
  private static final String PG_DUMP_TAR_FIRST_ENTRY = "toc.dat";

  private final String label;
  private final boolean archive;

  DumpFormat(String label, boolean archive) {
    this.label = label;
    this.archive = archive;
  }

  /** The name used in results and messages: {@code custom}, {@code plain}, {@code tarball}… */
  public String label() {
    return label;
  }

  /** Whether {@code pg_restore} reads it (otherwise it is an SQL script for {@code psql}). */
  public boolean isArchive() {
    return archive;
  }

  /** Whether it is a tarball of files, read with {@code tar} rather than a PostgreSQL tool. */
  public boolean isTarball() {
    return this == TARBALL || this == GZIP_TARBALL;
  }

  /**
   * Detects the format of a file or directory on the worker; see {@link #detect(byte[])}. A
   * directory with {@code toc.dat} is a directory-format dump.
   */
  public static DumpFormat detect(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      return Files.isRegularFile(path.resolve("toc.dat")) ? DIRECTORY : UNKNOWN;
    }
    try (InputStream in = Files.newInputStream(path)) {
      return detect(in.readNBytes(HEAD_BYTES));
    }
  }

  /**
   * Detects the format from a file's first {@link #HEAD_BYTES} bytes (fewer for a short file):
   * archive magic {@code PGDMP} is custom; a tar header is pg_dump's tar format when its first
   * entry is {@code toc.dat}, else a tarball of files; gzip holding a tar header is a gzip tarball;
   * a head that looks like a pg_dump script is plain.
   */
  public static DumpFormat detect(byte[] head) {
    if (startsWith(head, ARCHIVE_MAGIC, 0)) {
      return CUSTOM;
    }
    if (startsWith(head, TAR_MAGIC, TAR_MAGIC_OFFSET)) {
      return firstEntryName(head).equals(PG_DUMP_TAR_FIRST_ENTRY) ? TAR : TARBALL;
    }
    if (startsWith(head, GZIP_MAGIC, 0)) {
      return startsWith(gunzipHead(head), TAR_MAGIC, TAR_MAGIC_OFFSET) ? GZIP_TARBALL : UNKNOWN;
    }
    return isDumpScript(new String(head, StandardCharsets.UTF_8)) ? PLAIN : UNKNOWN;
  }

  /** Whether the text starts like a pg_dump SQL script (its banner comment). */
  static boolean isDumpScript(String head) {
    return head.contains("-- PostgreSQL database dump");
  }

  private static String firstEntryName(byte[] tarHeader) {
    int end = 0;
    while (end < TAR_NAME_LENGTH && tarHeader[end] != 0) {
      end++;
    }
    return new String(tarHeader, 0, end, StandardCharsets.US_ASCII);
  }

  /** As much of the start of the compressed stream as the head holds, up to one tar header. */
  private static byte[] gunzipHead(byte[] head) {
    byte[] out = new byte[512];
    int filled = 0;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(head))) {
      int n;
      while (filled < out.length && (n = in.read(out, filled, out.length - filled)) > 0) {
        filled += n;
      }
    } catch (IOException e) {
      // The head ends mid-stream (EOF) or is not gzip after all: keep what was inflated.
    }
    return Arrays.copyOf(out, filled);
  }

  private static boolean startsWith(byte[] data, byte[] prefix, int offset) {
    return data.length >= offset + prefix.length
        && Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
  }
}
