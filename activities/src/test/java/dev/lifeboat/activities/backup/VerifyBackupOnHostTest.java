package dev.lifeboat.activities.backup;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static dev.lifeboat.activities.backup.VerifyBackupActivityImplTest.writeSidecar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.DumpFiles;
import dev.lifeboat.activities.Sha256;
import dev.lifeboat.activities.SingleAttempt;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.Tarballs;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.activities.postgres.PgTools;
import dev.lifeboat.activities.ssh.ConfiguredSshHosts;
import dev.lifeboat.activities.ssh.JschRemoteShell;
import dev.lifeboat.activities.ssh.RemoteHosts;
import dev.lifeboat.activities.ssh.SshServerExtension;
import dev.lifeboat.activities.ssh.SshSettings;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify-backup with {@code host}: the backup lives on a host reached through a real OpenSSH server
 * on loopback, and every check runs there (sha256sum, pg_restore --list, tar -t).
 */
class VerifyBackupOnHostTest {
  private static final Instant MADE_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Instant TWO_DAYS_AGO = MADE_AT.minus(Duration.ofHours(48));
  private static final Duration RPO = Duration.ofHours(24);
  @RegisterExtension static final TestPostgres pg = new TestPostgres();
  private static String source;
  @RegisterExtension static final SshServerExtension sshd = new SshServerExtension();

  @TempDir Path dir;
  private TestActivityEnvironment env;

  @BeforeAll
  static void start() throws Exception {
    source = pg.createDatabaseWithOrders("verify_remote", 50_000);
  }

  @AfterEach
  void closeEnvironment() {
    if (env != null) {
      env.close();
    }
  }

  /** The activity as a worker runs it, its clock {@code afterMade} past the files' mtime. */
  private VerifyBackupActivity verifierAt(Duration afterMade) {
    env = TestActivityEnvironment.newInstance();
    RemoteHosts hosts =
        new RemoteHosts(
            new ConfiguredSshHosts(Map.of("test-sshd", sshd.host())),
            new JschRemoteShell(SshSettings.standard(), Map.of()));
    env.registerActivitiesImplementations(
        new VerifyBackupActivityImpl(
            Clock.fixed(MADE_AT.plus(afterMade), ZoneOffset.UTC),
            PgTools.in(Path.of("/usr/bin")),
            hosts));
    return env.newActivityStub(
        VerifyBackupActivity.class, SingleAttempt.within(Duration.ofSeconds(60)).build());
  }

  private static VerifyBackupRequest onHost(Path file, boolean requireChecksum) {
    return new VerifyBackupRequest(file.toString(), RPO, 1, requireChecksum, "test-sshd");
  }

  /** A backup started at {@link #MADE_AT}: the header of an archive says so, else the mtime. */
  private Path made(Path file) throws IOException {
    return DumpFiles.dated(file, MADE_AT);
  }

  @Test
  void verifiesARealPgDumpArchiveOnTheHost() throws IOException {
    Path dump = made(pg.dump(source, "c", dir.resolve("app.dump")));
    writeSidecar(dump, Sha256.of(dump));

    VerifyBackupResult result = verifierAt(Duration.ofHours(2)).verifyBackup(onHost(dump, true));

    assertThat(result.format()).isEqualTo("custom");
    assertThat(result.sha256()).as("sha256sum on the host").isEqualTo(Sha256.of(dump));
    assertThat(result.checksumVerified()).isTrue();
    assertThat(result.sizeBytes()).isEqualTo(Files.size(dump));
    assertThat(result.observedRpo()).isEqualTo(Duration.ofHours(2));
    assertThat(result.entries())
        .as("pg_restore --list on the host sees the table, its data and its key")
        .isGreaterThanOrEqualTo(3);
    assertThat(result.summary())
        .startsWith("custom dump on host test-sshd, ")
        .contains(
            "2h old by its dump header, sha256 verified, "
                + result.entries()
                + " TOC entries, read in full (");
    assertThat(result.takenAt()).as("read in the host's zone by its date").isEqualTo(MADE_AT);
    assertThat(result.readDepth()).isEqualTo("full");
    assertThat(result.bytesRead()).isEqualTo(Files.size(dump));
  }

  @Test
  void verifiesARealTarballOnTheHostCountingItsEntries() throws IOException {
    Path tarball =
        made(
            Tarballs.create(
                dir.resolve("site.tgz"), Map.of("index.html", "<h1>up</h1>\n", "a/b.txt", "b")));

    VerifyBackupResult result =
        verifierAt(Duration.ofMinutes(5)).verifyBackup(onHost(tarball, false));

    assertThat(result.format()).isEqualTo("gzip tarball");
    assertThat(result.entries()).as("./, index.html, a/ and a/b.txt").isEqualTo(4);
    assertThat(result.summary()).contains("on host test-sshd").contains("no checksum sidecar");
  }

  @Test
  void rejectsAChecksumMismatchForGoodNamingHostAndPath() throws IOException {
    Path dump = made(pg.dump(source, "c", dir.resolve("tampered.dump")));
    writeSidecar(dump, "9c1b" + "0".repeat(60));

    ApplicationFailure failure =
        failureOf(() -> verifierAt(Duration.ZERO).verifyBackup(onHost(dump, false)));

    assertThat(failure.getType()).isEqualTo(StepFailureType.CHECK_FAILED.type());
    assertThat(failure.isNonRetryable()).as("the same bytes will not match next time").isTrue();
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "backup "
                + dump
                + " on host test-sshd failed 1 check: sha256 mismatch: file "
                + Sha256.of(dump).substring(0, 12)
                + "… sidecar 9c1b00000000…");
  }

  @Test
  void rejectsAMissingFileForGoodNamingHostAndPath() {
    Path missing = dir.resolve("nowhere.dump");

    ApplicationFailure failure =
        failureOf(() -> verifierAt(Duration.ZERO).verifyBackup(onHost(missing, false)));

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .isEqualTo("backup not found: " + missing + " on host test-sshd");
  }

  @Test
  void rejectsAnArchiveThatPgRestoreOnTheHostCannotList() throws IOException {
    byte[] good = Files.readAllBytes(pg.dump(source, "c", dir.resolve("good.dump")));
    Path corrupt = Files.write(dir.resolve("corrupt.dump"), Arrays.copyOf(good, 40));
    Files.setLastModifiedTime(corrupt, FileTime.from(MADE_AT)); // its header is cut, too

    ApplicationFailure failure =
        failureOf(() -> verifierAt(Duration.ZERO).verifyBackup(onHost(corrupt, false)));

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .startsWith("backup " + corrupt + " on host test-sshd failed 2 checks: ")
        .contains("cannot read when the dump was taken from its header: header cut short")
        .contains("; pg_restore --list cannot read the archive: pg_restore: error: ");
  }

  @Test
  void retriesABackupThatIsOnlyTooOld() throws IOException {
    Path dump = made(pg.dump(source, "c", dir.resolve("old.dump")));

    ApplicationFailure failure =
        failureOf(() -> verifierAt(Duration.ofHours(26)).verifyBackup(onHost(dump, false)));

    assertThat(failure.isNonRetryable()).as("a newer backup may land before a retry").isFalse();
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "backup "
                + dump
                + " on host test-sshd failed 1 check: backup is 26h old by its dump header; RPO is"
                + " 24h");
  }

  @Test
  void rejectsAHostThatIsNotConfigured() {
    ApplicationFailure failure =
        failureOf(
            () ->
                verifierAt(Duration.ZERO)
                    .verifyBackup(new VerifyBackupRequest("/b.dump", RPO, 1, false, "db-9")));

    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
    assertThat(failure.getOriginalMessage())
        .isEqualTo("unknown host 'db-9'; configured hosts: test-sshd");
  }

  @Test
  void measuresTheAgeOfADumpOnTheHostFromItsHeaderNotItsFreshMtime() throws IOException {
    Path dump = DumpFiles.dated(pg.dump(source, "c", dir.resolve("copied.dump")), TWO_DAYS_AGO);
    Files.setLastModifiedTime(dump, FileTime.from(MADE_AT)); // copied, or touched

    ApplicationFailure failure =
        failureOf(() -> verifierAt(Duration.ZERO).verifyBackup(onHost(dump, false)));

    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "backup "
                + dump
                + " on host test-sshd failed 1 check: backup is 48h old by its dump header; RPO is"
                + " 24h");
  }

  @Test
  void rejectsADumpDamagedInTheMiddleWhoseSidecarMatchesOnTheHost() throws IOException {
    Path dump = DumpFiles.flipBytesInTheMiddle(made(pg.dump(source, "c", dir.resolve("bad.dump"))));
    writeSidecar(dump, Sha256.of(dump));

    ApplicationFailure failure =
        failureOf(() -> verifierAt(Duration.ofHours(1)).verifyBackup(onHost(dump, true)));

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .startsWith(
            "backup "
                + dump
                + " on host test-sshd failed 1 check: pg_restore -f /dev/null cannot read the"
                + " archive in full: pg_restore: error: ");
  }

  @Test
  void readsOnlyTheTableOfContentsOnTheHostAtDepthToc() throws IOException {
    Path dump = DumpFiles.flipBytesInTheMiddle(made(pg.dump(source, "c", dir.resolve("big.dump"))));

    VerifyBackupResult result =
        verifierAt(Duration.ofHours(1))
            .verifyBackup(
                new VerifyBackupRequest(
                    dump.toString(), RPO, 1, false, "test-sshd", ReadDepth.TOC));

    assertThat(result.readDepth()).isEqualTo("toc");
    assertThat(result.summary()).endsWith(", table of contents only (depth: toc)");
  }

  @Test
  void rejectsAGzipTarballDamagedMidStreamOnTheHost() throws IOException {
    Path tarball =
        made(DumpFiles.flipBytesInTheMiddle(Tarballs.incompressible(dir.resolve("site.tgz"))));
    writeSidecar(tarball, Sha256.of(tarball));

    ApplicationFailure failure =
        failureOf(() -> verifierAt(Duration.ZERO).verifyBackup(onHost(tarball, true)));

    assertThat(failure.getOriginalMessage())
        .startsWith(
            "backup "
                + tarball
                + " on host test-sshd failed 1 check: tar -tzf cannot read the tarball: ")
        .contains("gzip");
  }

  @Test
  void rejectsAPlainScriptCutShortOnTheHost() throws IOException {
    byte[] bytes = Files.readAllBytes(pg.dump(source, "p", dir.resolve("whole.sql")));
    Path cut = made(Files.write(dir.resolve("cut.sql"), Arrays.copyOf(bytes, bytes.length / 2)));

    ApplicationFailure failure =
        failureOf(() -> verifierAt(Duration.ZERO).verifyBackup(onHost(cut, false)));

    assertThat(failure.getOriginalMessage())
        .startsWith("backup " + cut + " on host test-sshd failed 1 check: the SQL script does not")
        .contains("'-- PostgreSQL database dump complete' trailer");
  }

  @Test
  void acceptsAWholePlainScriptOnTheHost() throws IOException {
    Path script = made(pg.dump(source, "p", dir.resolve("app.sql")));

    VerifyBackupResult result = verifierAt(Duration.ofHours(1)).verifyBackup(onHost(script, false));

    assertThat(result.ageSource()).isEqualTo("file mtime");
    assertThat(result.summary())
        .contains("1h old by its mtime")
        .endsWith("ends with pg_dump's 'dump complete' trailer");
  }
}
