package dev.lifeboat.activities.backup;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.Tarballs;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.activities.postgres.PgTools;
import dev.lifeboat.activities.postgres.Sha256;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyBackupActivityImplTest {
  private static final Instant DUMPED_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Duration RPO = Duration.ofHours(24);
  private static final TestPostgres pg = new TestPostgres();
  private static String source;

  @TempDir Path dir;

  @BeforeAll
  static void createSourceDatabase() {
    source = pg.createDatabaseWithOrders("verify_src", 100);
  }

  @AfterAll
  static void dropDatabases() {
    pg.close();
  }

  private VerifyBackupActivityImpl verifierAt(Duration afterDump) {
    Clock clock = Clock.fixed(DUMPED_AT.plus(afterDump), ZoneOffset.UTC);
    return new VerifyBackupActivityImpl(clock, PgTools.in(Path.of("/usr/bin")));
  }

  private Path dump(String format, String name) throws IOException {
    Path file = pg.dump(source, format, dir.resolve(name));
    Files.setLastModifiedTime(file, FileTime.from(DUMPED_AT));
    return file;
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
        .contains("3h old, sha256 verified, " + result.entries() + " TOC entries");
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
    assertThat(result.summary()).contains("1h30m old, no checksum sidecar");
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
        .isEqualTo("backup " + file + " failed 1 check: backup is 26h old; RPO is 24h");
  }

  @Test
  void rejectsBackupSmallerThanMinimum() throws IOException {
    Path file = dir.resolve("tiny.sql");
    Files.writeString(file, "-- PostgreSQL database dump\n"); // 28 bytes
    Files.setLastModifiedTime(file, FileTime.from(DUMPED_AT));

    ApplicationFailure failure =
        failureOf(
            () ->
                verifierAt(Duration.ofMinutes(5))
                    .verifyBackup(new VerifyBackupRequest(file.toString(), RPO, 1024, false)));

    assertThat(failure.getOriginalMessage())
        .isEqualTo("backup " + file + " failed 1 check: backup is 28 bytes; minimum is 1024 bytes");
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
        .startsWith(
            "backup " + corrupt + " failed 1 check: pg_restore --list cannot read the archive: ")
        .contains("pg_restore");
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
        .contains("backup is 30h old; RPO is 24h")
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
        .endsWith("1h old, sha256 verified, 4 entries");
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
}
