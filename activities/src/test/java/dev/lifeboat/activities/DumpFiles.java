package dev.lifeboat.activities;

import dev.lifeboat.activities.postgres.DumpFormat;
import dev.lifeboat.activities.postgres.DumpHeader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Damages and re-dates real pg_dump files the way the field does, for tests of verify-backup. */
public final class DumpFiles {
  private static final int TAR_MEMBER_DATA = 512;

  private DumpFiles() {}

  /**
   * Rewrites the creation time in the archive header of {@code file} (a directory dump's {@code
   * toc.dat}) to {@code created}, as pg_dump would have written it in this machine's zone. Checks
   * the result by reading it back.
   */
  public static void setCreatedAt(Path file, DumpFormat format, Instant created)
      throws IOException {
    LocalDateTime wall = LocalDateTime.ofInstant(created, ZoneId.systemDefault());
    int start = format == DumpFormat.TAR ? TAR_MEMBER_DATA : 0;
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(start + 6); // after "PGDMP" and the major version
      int minor = raf.readUnsignedByte();
      raf.readUnsignedByte(); // revision
      int intSize = raf.readUnsignedByte();
      raf.readUnsignedByte(); // offset size
      raf.readUnsignedByte(); // format
      raf.skipBytes(minor >= 15 ? 1 : 1 + intSize); // compression
      int[] tm = {
        wall.getSecond(),
        wall.getMinute(),
        wall.getHour(),
        wall.getDayOfMonth(),
        wall.getMonthValue() - 1,
        wall.getYear() - 1900
      };
      for (int value : tm) {
        raf.writeByte(0); // sign
        for (int i = 0; i < intSize; i++) {
          raf.writeByte(i < 4 ? (value >>> (8 * i)) & 0xff : 0);
        }
      }
    }
    byte[] head;
    try (var in = Files.newInputStream(file)) {
      head = in.readNBytes(DumpFormat.HEAD_BYTES);
    }
    LocalDateTime written = DumpHeader.read(head, format).createdAt();
    if (!written.equals(wall.withNano(0))) {
      throw new IllegalStateException("header of " + file + " reads " + written + ", not " + wall);
    }
  }

  /**
   * Dates a real backup as if it had been started at {@code started} and written for a minute: an
   * archive's header says {@code started}, its mtime a minute later; other files have only the
   * mtime, {@code started}.
   */
  public static Path dated(Path file, Instant started) throws IOException {
    DumpFormat format = DumpFormat.detect(file);
    Path stamped = format == DumpFormat.DIRECTORY ? file.resolve("toc.dat") : file;
    if (format.isArchive()) {
      setCreatedAt(stamped, format, started);
    }
    Files.setLastModifiedTime(
        stamped, FileTime.from(format.isArchive() ? started.plusSeconds(60) : started));
    return file;
  }

  /** Inverts 16 bytes in the middle of {@code file}, where a big dump's data blocks are. */
  public static Path flipBytesInTheMiddle(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    for (int i = bytes.length / 2; i < bytes.length / 2 + 16; i++) {
      bytes[i] = (byte) ~bytes[i];
    }
    Files.write(file, bytes);
    return file;
  }
}
