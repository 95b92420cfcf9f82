package dev.lifeboat.activities.precheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.DumpFiles;
import dev.lifeboat.activities.Sha256;
import dev.lifeboat.activities.SingleAttempt;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.activities.backup.VerifyBackupActivityImpl;
import dev.lifeboat.activities.backup.VerifyBackupRequest;
import dev.lifeboat.activities.failover.StreamingPair;
import dev.lifeboat.activities.notify.NotifyChannel;
import dev.lifeboat.activities.notify.NotifyContext;
import dev.lifeboat.activities.notify.NotifyRequest;
import dev.lifeboat.activities.postgres.ConfiguredPostgresServers;
import dev.lifeboat.activities.postgres.PgTools;
import dev.lifeboat.activities.postgres.PostgresServer;
import dev.lifeboat.activities.secrets.LocalSecrets;
import dev.lifeboat.activities.ssh.ConfiguredSshHosts;
import dev.lifeboat.activities.ssh.JschRemoteShell;
import dev.lifeboat.activities.ssh.RemoteHosts;
import dev.lifeboat.activities.ssh.SshServerExtension;
import dev.lifeboat.activities.ssh.SshServerFixture;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The precheck of one step against real parts: OpenSSH on loopback (with its real and a rotated
 * host key), the test PostgreSQL (a primary), real pg_dump archives with sha256 sidecars, the
 * worker's environment for secrets, and the resolver for host names.
 */
class PrecheckActivityImplTest {
  private static final Instant DUMPED_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Duration RPO = Duration.ofHours(24);
  private static final String SECRET_VALUE = "s3cret-value-never-printed";

  @RegisterExtension static final TestPostgres pg = new TestPostgres();
  @RegisterExtension static final SshServerExtension sshd = new SshServerExtension();
  private static String source;

  @TempDir Path dir;
  private TestActivityEnvironment env;

  @BeforeAll
  static void createSource() {
    source = pg.createDatabaseWithOrders("precheck_src", 1_000);
  }

  @AfterEach
  void close() {
    if (env != null) {
      env.close();
    }
  }

  /** The activity as a worker runs it, its clock {@code afterDump} past the dump's start. */
  private PrecheckActivity precheckAt(Duration afterDump, Map<String, PostgresServer> servers) {
    env = TestActivityEnvironment.newInstance();
    Path rotated = sshd.dir().resolve("known_hosts_changed");
    ConfiguredSshHosts hosts =
        new ConfiguredSshHosts(
            Map.of(
                "good",
                sshd.host(),
                "rotated",
                sshd.server().host(sshd.dir().resolve("user_key"), null, rotated)));
    JschRemoteShell shell = new JschRemoteShell(SshServerFixture.QUICK, Map.of());
    env.registerActivitiesImplementations(
        new PrecheckActivityImpl(
            hosts,
            shell,
            new ConfiguredPostgresServers(servers),
            new VerifyBackupActivityImpl(
                Clock.fixed(DUMPED_AT.plus(afterDump), ZoneOffset.UTC),
                PgTools.in(Path.of("/usr/bin")),
                new RemoteHosts(hosts, shell)),
            new LocalSecrets(Map.of("LB_TOKEN", SECRET_VALUE)),
            role -> role.equals("commander") ? 1 : 3));
    return env.newActivityStub(
        PrecheckActivity.class, SingleAttempt.within(Duration.ofSeconds(60)).build());
  }

  private static PrecheckRequest request(
      List<String> hosts,
      List<ServerNeed> servers,
      List<VerifyBackupRequest> backups,
      List<String> urls,
      List<String> secrets,
      ApproverNeed approvers) {
    return new PrecheckRequest(
        "s1", "command", hosts, servers, backups, urls, secrets, approvers, List.of());
  }

  private Path backup(boolean goodChecksum) throws IOException {
    Path dump = DumpFiles.dated(pg.dump(source, "c", dir.resolve("app.dump")), DUMPED_AT);
    String hex = goodChecksum ? Sha256.of(dump) : "0".repeat(64);
    Files.writeString(
        dump.resolveSibling(dump.getFileName() + ".sha256"), hex + "  " + dump.getFileName());
    return dump;
  }

  private CheckLine backupLineAt(Duration afterDump, Path dump) {
    return precheckAt(afterDump, Map.of())
        .precheck(request(List.of(), List.of(), List.of(verify(dump)), List.of(), List.of(), null))
        .checks()
        .get(0);
  }

  private static VerifyBackupRequest verify(Path dump) {
    return new VerifyBackupRequest(dump.toString(), RPO, 1, true);
  }

  @Test
  void logsInToAHostWithTheExpectedKeyAndFailsARotatedKeyNamingItsFingerprint() throws Exception {
    PrecheckResult result =
        precheckAt(Duration.ZERO, Map.of())
            .precheck(
                request(
                    List.of("good", "rotated"), List.of(), List.of(), List.of(), List.of(), null));

    assertThat(result.checks())
        .extracting(CheckLine::status)
        .containsExactly(CheckStatus.OK, CheckStatus.FAIL);
    assertThat(result.checks().get(0).measured()).contains("login as");
    assertThat(result.checks().get(1).format())
        .startsWith("fail  s1  ssh rotated: ")
        .contains(sshd.server().hostKeyFingerprint())
        .contains("does NOT match");
    assertThat(result.worst()).isEqualTo(CheckStatus.FAIL);
  }

  @Test
  void failsAPromoteOfAPrimaryAndPassesAReachableServer() {
    PrecheckResult result =
        precheckAt(Duration.ZERO, Map.of("main", TestPostgres.server()))
            .precheck(
                request(
                    List.of(),
                    List.of(new ServerNeed("main", false), new ServerNeed("main", true)),
                    List.of(),
                    List.of(),
                    List.of(),
                    null));

    assertThat(result.checks().get(0).status()).isEqualTo(CheckStatus.OK);
    assertThat(result.checks().get(0).measured()).contains("reachable, a primary");
    assertThat(result.checks().get(1).status()).isEqualTo(CheckStatus.FAIL);
    assertThat(result.checks().get(1).measured())
        .contains("pg_is_in_recovery false")
        .contains("promote needs a standby");
  }

  @Test
  void passesAPromoteOfARealStreamingStandby() throws IOException {
    try (StreamingPair pair = StreamingPair.start()) {
      PrecheckResult result =
          precheckAt(Duration.ZERO, Map.of("replica", pair.standby()))
              .precheck(
                  request(
                      List.of(),
                      List.of(new ServerNeed("replica", true)),
                      List.of(),
                      List.of(),
                      List.of(),
                      null));

      assertThat(result.checks().get(0).status()).isEqualTo(CheckStatus.OK);
      assertThat(result.checks().get(0).measured()).contains("a standby (pg_is_in_recovery true");
    }
  }

  @Test
  void measuresTheBackupAgeAgainstTheRpo() throws IOException {
    Path dump = backup(true);

    CheckLine fresh = backupLineAt(Duration.ofHours(3).plusMinutes(12), dump);
    assertThat(fresh.status()).isEqualTo(CheckStatus.OK);
    assertThat(fresh.measured()).isEqualTo("backup age 3h12m (rpo 24h), sha256 verified");

    CheckLine nearRpo = backupLineAt(Duration.ofHours(20), dump);
    assertThat(nearRpo.status()).isEqualTo(CheckStatus.WARN);
    assertThat(nearRpo.measured()).startsWith("backup age 20h (rpo 24h)");

    CheckLine stale = backupLineAt(Duration.ofHours(48), dump);
    assertThat(stale.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(stale.measured()).contains("backup is 48h old").contains("RPO is 24h");
  }

  @Test
  void failsABackupWhoseChecksumDoesNotMatch() throws IOException {
    Path dump = backup(false);

    CheckLine line = backupLineAt(Duration.ofHours(1), dump);

    assertThat(line.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(line.measured()).contains("sha256 mismatch");
  }

  @Test
  void resolvesSecretsWithoutPrintingThemAndFailsAMissingOne() {
    PrecheckResult result =
        precheckAt(Duration.ZERO, Map.of())
            .precheck(
                request(
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of("env:LB_TOKEN", "env:LB_MISSING"),
                    null));

    assertThat(result.checks())
        .extracting(CheckLine::status)
        .containsExactly(CheckStatus.OK, CheckStatus.FAIL);
    assertThat(result.checks().get(1).format())
        .contains("secret env:LB_MISSING")
        .contains("not set");
    assertThat(result.toString()).doesNotContain(SECRET_VALUE);
  }

  @Test
  void resolvesEndpointNamesWithoutSendingAndFailsAnUnknownName() {
    PrecheckResult result =
        precheckAt(Duration.ZERO, Map.of())
            .precheck(
                request(
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(
                        "http://localhost:9/hooks/${secret:env:LB_TOKEN}",
                        "https://no-such-host.invalid/api"),
                    List.of(),
                    null));

    assertThat(result.checks().get(0).format()).startsWith("ok    s1  http localhost: resolves to");
    assertThat(result.checks().get(1).status()).isEqualTo(CheckStatus.FAIL);
    assertThat(result.checks().get(1).check()).isEqualTo("https no-such-host.invalid");
  }

  @Test
  void rendersMessagesWithTheRunsValuesAndFailsABrokenTemplate() {
    NotifyContext run =
        new NotifyContext(
            "r1",
            "precheck",
            "alice",
            "plan",
            "Plan",
            "s1",
            "tell",
            Map.of(),
            List.of(),
            NotifyContext.RUNNING,
            null);
    PrecheckRequest request =
        new PrecheckRequest(
            "s1",
            "notify",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of(
                new NotifyRequest(
                    NotifyChannel.LOG, null, "run ${run.id} of ${plan.name}", run, "", null, null),
                new NotifyRequest(
                    NotifyChannel.LOG, null, "broken <#if run.id>", run, "", null, null)));

    List<CheckLine> lines = precheckAt(Duration.ZERO, Map.of()).precheck(request).checks();

    assertThat(lines.get(0).format())
        .isEqualTo("ok    s1  template: renders with this run's values");
    assertThat(lines.get(1).status()).isEqualTo(CheckStatus.FAIL);
    assertThat(lines.get(1).measured()).startsWith("line 1, column ");
  }

  @Test
  void countsDistinctApproversHoldingTheRole() {
    PrecheckActivity precheck = precheckAt(Duration.ZERO, Map.of());

    CheckLine tooFew =
        precheck
            .precheck(
                request(
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    new ApproverNeed("commander", 2)))
            .checks()
            .get(0);
    CheckLine enough =
        precheck
            .precheck(
                request(
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    new ApproverNeed("operator", 2)))
            .checks()
            .get(0);

    assertThat(tooFew.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(tooFew.measured())
        .isEqualTo("1 person holds commander or above with a live token; 2 distinct needed");
    assertThat(enough.status()).isEqualTo(CheckStatus.OK);
  }
}
