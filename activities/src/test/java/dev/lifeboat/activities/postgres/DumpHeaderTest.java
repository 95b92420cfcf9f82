package dev.lifeboat.activities.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeboat.activities.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DumpHeaderTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();
  private static String source;

  @TempDir Path dir;

  @BeforeAll
  static void createSource() {
    source = pg.createDatabaseWithOrders("header_src", 10);
  }

  @ParameterizedTest
  @CsvSource({"c, CUSTOM", "t, TAR", "d, DIRECTORY"})
  void readsWhenARealDumpWasStarted(String flag, DumpFormat format) throws IOException {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Path dump = pg.dump(source, flag, dir.resolve("app." + flag));
    Instant after = Instant.now();
    Path headerFile = format == DumpFormat.DIRECTORY ? dump.resolve("toc.dat") : dump;

    DumpHeader header = DumpHeader.read(head(headerFile), format);

    assertThat(header.createdIn(ZoneId.systemDefault()).toInstant())
        .as("pg_dump wrote its start time in this machine's zone")
        .isBetween(before, after);
    assertThat(header.version()).startsWith("1.");
  }

  @Test
  void settlesTheHourThatHappensTwiceWithTheDaylightSavingFlag() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    LocalDateTime twice = LocalDateTime.of(2024, 10, 27, 2, 30);

    assertThat(new DumpHeader(1, 14, 0, twice, 1).createdIn(berlin).getOffset())
        .isEqualTo(ZoneOffset.ofHours(2));
    assertThat(new DumpHeader(1, 14, 0, twice, 0).createdIn(berlin).getOffset())
        .isEqualTo(ZoneOffset.ofHours(1));
  }

  @Test
  void refusesBytesWithoutTheArchiveMagic() {
    assertThatThrownBy(() -> DumpHeader.read("-- PostgreSQL".getBytes(), DumpFormat.CUSTOM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no PGDMP archive header at byte 0");
  }

  @Test
  void refusesAHeaderCutShort() throws IOException {
    byte[] head = head(pg.dump(source, "c", dir.resolve("cut.dump")));

    assertThatThrownBy(() -> DumpHeader.read(Arrays.copyOf(head, 20), DumpFormat.CUSTOM))
        .hasMessage("header cut short: it ends after 20 bytes");
  }

  @Test
  void refusesAnArchiveVersionItCannotRead() throws IOException {
    byte[] head = head(pg.dump(source, "c", dir.resolve("v2.dump")));
    head[5] = 2;

    assertThatThrownBy(() -> DumpHeader.read(head, DumpFormat.CUSTOM))
        .hasMessage("archive version 2.14 holds no creation time Lifeboat can read");
  }

  @Test
  void refusesAnImpossibleIntegerSize() throws IOException {
    byte[] head = head(pg.dump(source, "c", dir.resolve("int.dump")));
    head[8] = 99;

    assertThatThrownBy(() -> DumpHeader.read(head, DumpFormat.CUSTOM))
        .hasMessage("integer size 99 is not 1 to 8 bytes");
  }

  @Test
  void refusesACreationTimeThatIsNoDate() throws IOException {
    byte[] head = head(pg.dump(source, "c", dir.resolve("month.dump")));
    // 11 fixed bytes, 1.14's compression int, then sec, min, hour, mday: 5 bytes each
    int month = 11 + 5 + 4 * 5;
    head[month + 1] = 40; // month 41

    assertThatThrownBy(() -> DumpHeader.read(head, DumpFormat.CUSTOM))
        .hasMessageStartingWith("creation time is not a date: year ")
        .hasMessageContaining("month 41");
  }

  private static byte[] head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(DumpFormat.HEAD_BYTES);
    }
  }
}
