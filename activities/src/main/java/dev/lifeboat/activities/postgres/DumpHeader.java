package dev.lifeboat.activities.postgres;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;

/**
 * The header pg_dump writes at the start of an archive (custom format; the {@code toc.dat} of the
 * tar and directory formats): the archive version and when the dump was started. That time is the
 * dump's own, unlike the file's mtime, which a copy or a {@code touch} makes fresh.
 *
 * <p>pg_dump stores the start as the fields of a C {@code struct tm} in the local time of the
 * machine that ran it, without its zone; {@link #createdIn} reads it in a zone, as pg_restore does
 * with the zone of the machine it runs on.
 *
 * @param createdAt the wall-clock time pg_dump started, in its machine's zone
 * @param daylightSaving the {@code tm_isdst} flag: positive when that time was daylight-saving
 *     time, 0 when not, negative when unknown; it settles the hour that happens twice in autumn
 */
public record DumpHeader(
    int major, int minor, int revision, LocalDateTime createdAt, int daylightSaving) {

  private static final byte[] MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);

  /** pg_dump's tar format: the header opens {@code toc.dat}, the first member, after its header. */
  private static final int TAR_MEMBER_DATA = 512;

  /** Archive 1.4 added the creation time; 1.15 (PostgreSQL 16) made the compression one byte. */
  private static final int FIRST_WITH_TIME = 4;

  private static final int COMPRESSION_AS_BYTE = 15;

  /** The C int sizes pg_dump has used; anything else is not a header. */
  private static final int MAX_INT_SIZE = 8;

  /** {@code 1.14.0}, as pg_restore --list prints the dump version. */
  public String version() {
    return major + "." + minor + "." + revision;
  }

  /**
   * The start of the dump as an instant, reading its wall-clock time in {@code zone}. When the hour
   * happened twice (clocks going back), the daylight-saving flag picks which one.
   */
  public ZonedDateTime createdIn(ZoneId zone) {
    ZonedDateTime at = createdAt.atZone(zone);
    if (daylightSaving > 0) {
      return at.withEarlierOffsetAtOverlap();
    }
    return daylightSaving == 0 ? at.withLaterOffsetAtOverlap() : at;
  }

  /**
   * Reads the header from the first bytes of a backup of {@code format} (a directory dump's {@code
   * toc.dat} for {@link DumpFormat#DIRECTORY}). Reads only within {@code head}.
   *
   * @throws IllegalArgumentException saying what is wrong when the bytes are not a header pg_dump
   *     could have written (no magic, unsupported version, fields out of range, cut short)
   */
  public static DumpHeader read(byte[] head, DumpFormat format) {
    int start = format == DumpFormat.TAR ? TAR_MEMBER_DATA : 0;
    Cursor in = new Cursor(head, start);
    if (!Arrays.equals(in.bytes(MAGIC.length), MAGIC)) {
      throw new IllegalArgumentException("no PGDMP archive header at byte " + start);
    }
    int major = in.unsigned();
    int minor = in.unsigned();
    int revision = in.unsigned(); // every archive since 1.1 has one; 1.0 had no creation time
    if (major != 1 || minor < FIRST_WITH_TIME) {
      throw new IllegalArgumentException(
          "archive version " + major + "." + minor + " holds no creation time Lifeboat can read");
    }
    in.intSize = in.unsigned();
    if (in.intSize < 1 || in.intSize > MAX_INT_SIZE) {
      throw new IllegalArgumentException("integer size " + in.intSize + " is not 1 to 8 bytes");
    }
    in.unsigned(); // offset size (archive 1.7 and later; older ones are long gone)
    in.unsigned(); // format
    if (minor >= COMPRESSION_AS_BYTE) {
      in.unsigned(); // compression algorithm
    } else {
      in.integer(); // compression level
    }
    long sec = in.integer();
    long min = in.integer();
    long hour = in.integer();
    long day = in.integer();
    long month = in.integer();
    long year = in.integer();
    long isDst = in.integer();
    try {
      // tm_sec may be 60 (a leap second); tm_mon counts from 0; tm_year from 1900.
      LocalDateTime created =
          LocalDateTime.of(
                  Math.toIntExact(year + 1900),
                  Math.toIntExact(month + 1),
                  Math.toIntExact(day),
                  Math.toIntExact(hour),
                  Math.toIntExact(min))
              .plusSeconds(inRange(sec, 0, 60, "second"));
      return new DumpHeader(
          major, minor, revision, created, (int) Math.max(-1, Math.min(1, isDst)));
    } catch (DateTimeException | ArithmeticException e) {
      throw new IllegalArgumentException(
          String.format(
              "creation time is not a date: year %d, month %d, day %d, %d:%d:%d",
              year + 1900, month + 1, day, hour, min, sec));
    }
  }

  private static long inRange(long value, long low, long high, String what) {
    if (value < low || value > high) {
      throw new DateTimeException(what + " " + value + " out of range");
    }
    return value;
  }

  /** Bounded reading of pg_dump's encodings; running off the end is a clear error. */
  private static final class Cursor {
    private final byte[] data;
    private int at;
    private int intSize;

    Cursor(byte[] data, int at) {
      this.data = data;
      this.at = at;
    }

    byte[] bytes(int n) {
      need(n);
      at += n;
      return Arrays.copyOfRange(data, at - n, at);
    }

    int unsigned() {
      need(1);
      return data[at++] & 0xff;
    }

    /** pg_dump's WriteInt: a sign byte, then the magnitude in intSize bytes, least first. */
    long integer() {
      boolean negative = unsigned() != 0;
      need(intSize);
      long value = 0;
      for (int i = 0; i < intSize; i++) {
        value |= (long) (data[at++] & 0xff) << (8 * i);
      }
      return negative ? -value : value;
    }

    private void need(int n) {
      if (at + n > data.length) {
        throw new IllegalArgumentException(
            "header cut short: it ends after " + data.length + " bytes");
      }
    }
  }
}
