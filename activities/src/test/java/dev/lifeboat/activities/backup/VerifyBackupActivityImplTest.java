package dev.lifeboat.activities.backup;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.DumpFiles;
import dev.lifeboat.activities.HumanUnits;
import dev.lifeboat.activities.Sha256;
import dev.lifeboat.activities.SingleAttempt;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.Tarballs;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.activities.postgres.PgTools;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class VerifyBackupActivityImplTest {
  private static final Instant DUMPED_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Duration RPO = Duration.ofHours(24);
  private static final Duration TWO_DAYS = Duration.ofHours(48);
  @RegisterExtension static final TestPostgres pg = new TestPostgres();
  private static String source;

  @TempDir Path dir;
  private TestActivityEnvironment env;

  @BeforeAll
  static void createSourceDatabase() {
    // Enough rows that the data blocks dwarf the table of contents and are compressed.
    source = pg.createDatabaseWithOrders("verify_src", 50_000);
  }

  @AfterEach
  void closeEnvironment() {
    if (env != null) {
      env.close();
    }
  }

  /** The activity as a worker runs it, its clock {@code afterDump} past {@link #DUMPED_AT}. */
  private VerifyBackupActivity verifierAt(Duration afterDump) {
    if (env != null) {
      env.close();
    }
    env = TestActivityEnvironment.newInstance();
    Clock clock = Clock.fixed(DUMPED_AT.plus(afterDump), ZoneOffset.UTC);
    env.registerActivitiesImplementations(
        new VerifyBackupActivityImpl(clock, PgTools.in(Path.of("/usr/bin"))));
    return env.newActivityStub(
        VerifyBackupActivity.class, SingleAttempt.within(Duration.ofSeconds(60)).build());
  }

  /**
   * A real dump whose header says it was started at {@link #DUMPED_AT}, written a minute later; a
   * plain script has no header, only that mtime.
   */
  private Path dump(String format, String name) throws IOException {
    return DumpFiles.dated(pg.dump(source, format, dir.resolve(name)), DUMPED_AT);
  }

  /** A sha256sum-style sidecar beside {@code file}. */
  static void writeSidecar(Path file, String hex) throws IOException {
    Files.writeString(
        file.resolveSibling(file.getFileName() + ".sha256"),
        hex + "  " + file.getFileName() + "\n");
  }

  @Test
  void acceptsFreshCustomDumpWithMatchingSidecar() throws IOException {
    Path file = dump("c", "app.dump");
    writeSidecar(file, Sha256.of(file));

    VerifyBackupResult result =
        verifierAt(Duration.ofHours(3))
            .verifyBackup(new VerifyBackupRequest(file.toString(), RPO, 1024, true));

    assertThat(result.format()).isEqualTo("custom");
    assertThat(result.checksumVerified()).isTrue();
    assertThat(result.observedRpo()).isEqualTo(Duration.ofHours(3));
    assertThat(result.entries())
        .as("pg_restore --list should see at least the table, its data and its primary key")
        .isGreaterThanOrEqualTo(3);
    assertThat(result.summary())
        .startsWith("custom dump, ")
        .contains(
            "3h old by its dump header, sha256 verified, "
                + result.entries()
                + " TOC entries, read in full (");
  }

  @Test
  void acceptsPlainSqlDumpWithoutSidecarWhenChecksumIsOptional() throws IOException {
    Path file = dump("p", "app.sql");

    VerifyBackupResult result =
        verifierAt(Duration.ofMinutes(90))
            .verifyBackup(new VerifyBackupRequest(file.toString(), RPO, 100, false));

    assertThat(result.format()).isEqualTo("plain");
    assertThat(result.entries()).isZero();
    assertThat(result.checksumVerified()).isFalse();
    assertThat(result.sha256()).isEqualTo(Sha256.of(file));
    assertThat(result.summary())
        .contains("1h30m old by its mtime, no checksum sidecar")
        .endsWith("ends with pg_dump's 'dump complete' trailer");
    assertThat(result.ageSource()).as("a plain script has no header").isEqualTo("file mtime");
    assertThat(result.takenAt()).isEqualTo(DUMPED_AT);
  }

  @Test
  void acceptsShaSumSidecarHoldingOnlyTheDigest() throws IOException {
    Path file = dump("c", "bare.dump");
    Files.writeString(dir.resolve("bare.dump.sha256"), Sha256.of(file));

    VerifyBackupResult result =
        verifierAt(Duration.ofMinutes(1))
            .verifyBackup(new VerifyBackupRequest(file.toString(), RPO, 0, true));

    assertThat(result.checksumVerified()).isTrue();
  }

  @Test
  void rejectsBackupOlderThanRpo() throws IOException {
    Path file = dump("c", "old.dump");

    ApplicationFailure failure =
        failureOf(
            () ->
                verifierAt(Duration.ofHours(26))
                    .verifyBackup(new VerifyBackupRequest(file.toString(), RPO, 0, false)));

    assertThat(failure.getType()).isEqualTo(StepFailureType.CHECK_FAILED.type());
    assertThat(failure.isNonRetryable()).as("a newer backup may land before a retry").isFalse();
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "backup " + file + " failed 1 check: backup is 26h old by its dump header; RPO is 24h");
  }

  @Test
  void rejectsBackupSmallerThanMinimum() throws IOException {
    Path file = dir.resolve("tiny.sql");
    Files.writeString(
        file, "-- PostgreSQL database dump\n-- PostgreSQL database dump complete\n"); // 65 bytes
    Files.setLastModifiedTime(file, FileTime.from(DUMPED_AT));

    ApplicationFailure failure =
        failureOf(
            () ->
                verifierAt(Duration.ofMinutes(5))
                    .verifyBackup(new VerifyBackupRequest(file.toString(), RPO, 1024, false)));

    assertThat(failure.getOriginalMessage())
        .isEqualTo("backup " + file + " failed 1 check: backup is 65 bytes; minimum is 1024 bytes");
  }

  @Test
  void rejectsChecksumMismatchShowingBothDigests() throws IOException {
    Path file = dump("c", "tampered.dump");
    String wrong = "9c1b" + "0".repeat(60);
    writeSidecar(file, wrong);
    String actual = Sha256.of(file);

    ApplicationFailure failure =
        failureOf(
            () ->
                verifierAt(Duration.ofMinutes(5))
                    .verifyBackup(new VerifyBackupRequest(file.toString(), RPO, 0, false)));

    assertThat(failure.getOriginalMessage())
        .endsWith("sha256 mismatch: file " + actual.substring(0, 12) + "… sidecar 9c1b00000000…");
  }

  @Test
  void rejectsMissingSidecarWhenChecksumIsRequired() throws IOException {
    Path file = dump("c", "unsigned.dump");

    ApplicationFailure failure =
        failureOf(
            () ->
                verifierAt(Duration.ofMinutes(5))
                    .verifyBackup(new VerifyBackupRequest(file.toString(), RPO, 0, true)));

    assertThat(failure.getOriginalMessage())
        .endsWith("checksum required but no sidecar " + file + ".sha256 exists");
  }

  @Test
  void rejectsMissingBackupNamingThePath() {
    Path missing = dir.resolve("nowhere.dump");

    ApplicationFailure failure =
        failureOf(
            () ->
                verifierAt(Duration.ZERO)
                    .verifyBackup(new VerifyBackupRequest(missing.toString(), RPO, 0, false)));

    assertThat(failure.getType()).isEqualTo(StepFailureType.CHECK_FAILED.type());
    assertThat(failure.isNonRetryable()).as("a missing file is for a person to find").isTrue();
    assertThat(failure.getOriginalMessage()).isEqualTo("backup not found: " + missing);
  }

  @Test
  void rejectsCorruptArchiveThatPgRestoreCannotList() throws IOException {
    Path good = dump("c", "good.dump");
    byte[] bytes = Files.readAllBytes(good);
    Path corrupt = dir.resolve("corrupt.dump");
    // Keep the PGDMP magic but cut the archive short, like an interrupted copy.
    Files.write(corrupt, java.util.Arrays.copyOf(bytes, 40));

    ApplicationFailure failure =
        failureOf(
            () ->
                verifierAt(Duration.ZERO)
                    .verifyBackup(new VerifyBackupRequest(corrupt.toString(), RPO, 0, false)));

    assertThat(failure.getOriginalMessage())
        .startsWith("backup " + corrupt + " failed 2 checks: ")
        .contains(
            "cannot read when the dump was taken from its header: header cut short: it ends after"
                + " 40 bytes")
        .contains("; pg_restore --list cannot read the archive: pg_restore: error: ");
  }

  @Test
  void reportsEveryFailedCheckInOneMessage() throws IOException {
    Path file = dump("c", "bad.dump");
    writeSidecar(file, "0".repeat(64));
    long size = Files.size(file);

    ApplicationFailure failure =
        failureOf(
            () ->
                verifierAt(Duration.ofHours(30))
                    .verifyBackup(new VerifyBackupRequest(file.toString(), RPO, 10_000_000, true)));

    assertThat(failure.getOriginalMessage())
        .startsWith("backup " + file + " failed 3 checks: ")
        .contains("backup is 30h old by its dump header; RPO is 24h")
        .contains("backup is " + size + " bytes; minimum is 10000000 bytes")
        .contains("sha256 mismatch: file ");
  }

  @Test
  void readsAGzipTarballOfFilesWithTarAndCountsItsEntries() throws IOException {
    Path tarball =
        Tarballs.create(
            dir.resolve("etc.tar.gz"), Map.of("app.conf", "port = 8080\n", "keys/a.pem", "key\n"));
    Files.setLastModifiedTime(tarball, FileTime.from(DUMPED_AT));
    writeSidecar(tarball, Sha256.of(tarball));

    VerifyBackupResult result =
        verifierAt(Duration.ofHours(1))
            .verifyBackup(new VerifyBackupRequest(tarball.toString(), RPO, 1, true));

    assertThat(result.format()).isEqualTo("gzip tarball");
    assertThat(result.entries()).as("./, app.conf, keys/ and keys/a.pem").isEqualTo(4);
    assertThat(result.summary())
        .startsWith("gzip tarball, ")
        .contains("1h old by its mtime, sha256 verified, 4 entries, read in full (");
    assertThat(result.readDepth()).as("tar -t reads a tarball to its end").isEqualTo("full");
  }

  @Test
  void tellsAPgDumpTarArchiveFromATarballOfFiles() throws IOException {
    Path archive = dump("t", "app.tar");
    Path files = Tarballs.create(dir.resolve("files.tar"), Map.of("a.txt", "a\n"));
    Files.setLastModifiedTime(files, FileTime.from(DUMPED_AT));

    VerifyBackupResult dumpResult =
        verifierAt(Duration.ZERO)
            .verifyBackup(new VerifyBackupRequest(archive.toString(), RPO, 0, false));
    VerifyBackupResult filesResult =
        verifierAt(Duration.ZERO)
            .verifyBackup(new VerifyBackupRequest(files.toString(), RPO, 0, false));

    assertThat(dumpResult.format()).as("pg_dump -Ft starts with toc.dat").isEqualTo("tar");
    assertThat(dumpResult.summary()).contains("TOC entries");
    assertThat(filesResult.format()).isEqualTo("tarball");
    assertThat(filesResult.entries()).isEqualTo(2);
  }

  @Test
  void rejectsATruncatedTarballForGoodSayingTarCannotReadIt() throws IOException {
    Path cut = Tarballs.truncated(dir.resolve("cut.tgz"));

    ApplicationFailure failure =
        failureOf(
            () ->
                verifierAt(Duration.ZERO)
                    .verifyBackup(new VerifyBackupRequest(cut.toString(), RPO, 0, false)));

    assertThat(failure.getOriginalMessage())
        .startsWith("backup " + cut + " failed 1 check: tar -tzf cannot read the tarball: ");
    assertThat(failure.isNonRetryable())
        .as("a truncated tarball stays truncated: retrying cannot help")
        .isTrue();
  }

  @Test
  void rejectsFileThatIsNotADump() throws IOException {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "just some notes\n");

    ApplicationFailure failure =
        failureOf(
            () ->
                verifierAt(Duration.ZERO)
                    .verifyBackup(new VerifyBackupRequest(file.toString(), RPO, 0, false)));

    assertThat(failure.getOriginalMessage()).contains("not a PostgreSQL dump");
  }

  @Test
  void measuresAnArchivesAgeFromItsHeaderNotFromAFreshMtime() throws IOException {
    // Dumped two days ago, then copied (or touched): the file looks brand new.
    Path file =
        DumpFiles.dated(
            pg.dump(source, "c", dir.resolve("copied.dump")), DUMPED_AT.minus(TWO_DAYS));
    Files.setLastModifiedTime(file, FileTime.from(DUMPED_AT));

    ApplicationFailure failure =
        failureOf(
            () ->
                verifierAt(Duration.ZERO)
                    .verifyBackup(new VerifyBackupRequest(file.toString(), RPO, 0, false)));

    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "backup " + file + " failed 1 check: backup is 48h old by its dump header; RPO is 24h");
    assertThat(failure.isNonRetryable()).as("a newer backup may land before a retry").isFalse();
  }

  @Test
  void reportsWhenTheBackupWasTakenAndFromWhat() throws IOException {
    Path file = dump("c", "dated.dump");

    VerifyBackupResult result =
        verifierAt(Duration.ofHours(2))
            .verifyBackup(new VerifyBackupRequest(file.toString(), RPO, 0, false));

    assertThat(result.takenAt()).isEqualTo(DUMPED_AT);
    assertThat(result.ageSource()).isEqualTo("dump header");
    assertThat(result.modifiedAt()).isEqualTo(DUMPED_AT.plusSeconds(60));
    assertThat(result.observedRpo()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void takesTheOlderMtimeWhenTheHeaderClaimsALaterTime() throws IOException {
    Path file = dump("c", "skewed.dump");
    Files.setLastModifiedTime(file, FileTime.from(DUMPED_AT.minus(Duration.ofHours(2))));

    VerifyBackupResult result =
        verifierAt(Duration.ofHours(1))
            .verifyBackup(new VerifyBackupRequest(file.toString(), RPO, 0, false));

    assertThat(result.ageSource()).isEqualTo("file mtime");
    assertThat(result.observedRpo())
        .as("the older of the two times: the backup may look older than it is, never younger")
        .isEqualTo(Duration.ofHours(3));
    assertThat(result.summary())
        .contains("3h old by its mtime (the dump header's time ")
        .contains("is later than the file's mtime");
  }

  @Test
  void rejectsACustomDumpDamagedInTheMiddleThatItsTableOfContentsStillLists() throws IOException {
    Path file = DumpFiles.flipBytesInTheMiddle(dump("c", "damaged.dump"));
    writeSidecar(file, Sha256.of(file)); // damaged before the sidecar was made: it matches

    ApplicationFailure failure =
        failureOf(
            () ->
                verifierAt(Duration.ofHours(1))
                    .verifyBackup(new VerifyBackupRequest(file.toString(), RPO, 0, true)));

    assertThat(failure.getOriginalMessage())
        .as("pg_restore --list passes; only reading the data blocks finds the damage")
        .startsWith(
            "backup "
                + file
                + " failed 1 check: pg_restore -f /dev/null cannot read the archive in full:"
                + " pg_restore: error: ");
    assertThat(failure.isNonRetryable()).as("the damage stays however often it is read").isTrue();
  }

  @Test
  void readsOnlyTheTableOfContentsAtDepthToc() throws IOException {
    Path file = DumpFiles.flipBytesInTheMiddle(dump("c", "large.dump"));

    VerifyBackupResult result =
        verifierAt(Duration.ofHours(1))
            .verifyBackup(
                new VerifyBackupRequest(file.toString(), RPO, 0, false, null, ReadDepth.TOC));

    assertThat(result.readDepth()).isEqualTo("toc");
    assertThat(result.bytesRead()).isZero();
    assertThat(result.summary()).endsWith(", table of contents only (depth: toc)");
  }

  @Test
  void reportsTheBytesReadAndHowLongAFullReadTook() throws IOException {
    Path file = dump("c", "whole.dump");

    VerifyBackupResult result =
        verifierAt(Duration.ofHours(1))
            .verifyBackup(new VerifyBackupRequest(file.toString(), RPO, 0, false));

    assertThat(result.readDepth()).isEqualTo("full");
    assertThat(result.bytesRead()).isEqualTo(Files.size(file));
    assertThat(result.readTook()).isPositive();
    assertThat(result.summary())
        .endsWith(
            ", read in full ("
                + HumanUnits.bytes(Files.size(file))
                + " in "
                + HumanUnits.duration(result.readTook())
                + ")");
  }

  @Test
  void rejectsADirectoryDumpWithADamagedDataFile() throws IOException {
    Path dump = dump("d", "app.dir");
    Path data;
    try (Stream<Path> files = Files.list(dump)) {
      data = files.filter(f -> f.toString().endsWith(".dat.gz")).max(bySize()).orElseThrow();
    }
    DumpFiles.flipBytesInTheMiddle(data);

    ApplicationFailure failure =
        failureOf(
            () ->
                verifierAt(Duration.ofHours(1))
                    .verifyBackup(new VerifyBackupRequest(dump.toString(), RPO, 0, false)));

    assertThat(failure.getOriginalMessage())
        .startsWith(
            "backup "
                + dump
                + " failed 1 check: pg_restore -f /dev/null cannot read the archive in full: ");
  }

  @Test
  void rejectsAGzipTarballDamagedMidStreamThatItsSidecarMatches() throws IOException {
    Path tarball = DumpFiles.flipBytesInTheMiddle(Tarballs.incompressible(dir.resolve("etc.tgz")));
    Files.setLastModifiedTime(tarball, FileTime.from(DUMPED_AT));
    writeSidecar(tarball, Sha256.of(tarball));

    ApplicationFailure failure =
        failureOf(
            () ->
                verifierAt(Duration.ofHours(1))
                    .verifyBackup(new VerifyBackupRequest(tarball.toString(), RPO, 0, true)));

    assertThat(failure.getOriginalMessage())
        .startsWith("backup " + tarball + " failed 1 check: tar -tzf cannot read the tarball: ")
        .contains("gzip");
    assertThat(failure.isNonRetryable()).isTrue();
  }

  @Test
  void rejectsAPlainScriptCutShortThatItsSidecarMatches() throws IOException {
    Path whole = dump("p", "whole.sql");
    byte[] bytes = Files.readAllBytes(whole);
    Path cut =
        Files.write(dir.resolve("cut.sql"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Files.setLastModifiedTime(cut, FileTime.from(DUMPED_AT));
    writeSidecar(cut, Sha256.of(cut));

    ApplicationFailure failure =
        failureOf(
            () ->
                verifierAt(Duration.ofHours(1))
                    .verifyBackup(new VerifyBackupRequest(cut.toString(), RPO, 0, true)));

    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "backup "
                + cut
                + " failed 1 check: the SQL script does not end with pg_dump's '-- PostgreSQL"
                + " database dump complete' trailer: it was cut short, or pg_dump did not finish");
    assertThat(failure.isNonRetryable()).isTrue();
  }

  private static Comparator<Path> bySize() {
    return Comparator.comparingLong(
        f -> {
          try {
            return Files.size(f);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
