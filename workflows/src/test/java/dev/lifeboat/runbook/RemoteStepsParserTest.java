package dev.lifeboat.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.backup.VerifyBackupRequest;
import dev.lifeboat.activities.health.SshProbe;
import dev.lifeboat.activities.restore.RestoreDataRequest;
import dev.lifeboat.activities.restore.RestoreFormat;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The over-SSH variants of verify-backup, restore-data and health-check ({@code host}, {@code to},
 * {@code ssh}) bind to their requests; their hosts are checked like a command step's.
 */
class RemoteStepsParserTest {
  private static final String FIXTURE = "remote-steps.yml";

  private static Runbook parse(Set<String> knownHosts) {
    ParseResult result =
        new RunbookParser(knownHosts).parse(FIXTURE, Fixtures.text("valid/" + FIXTURE));
    assertThat(result.problems()).as("the fixture names only configured hosts").isEmpty();
    return result.runbook().orElseThrow();
  }

  private static Step step(Runbook runbook, String id) {
    return runbook.steps().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  private final Runbook plan = parse(Set.of("db-2", "app-2"));

  @Test
  void readsTheHostOfAVerifyBackupStep() {
    assertThat(((VerifyBackupStep) step(plan, "dump-on-host")).request())
        .isEqualTo(
            new VerifyBackupRequest("/backups/orders.dump", Duration.ofHours(24), 1, true, "db-2"));
  }

  @Test
  void readsADumpRestoredOnAHostIntoADatabase() {
    assertThat(((RestoreDataStep) step(plan, "database")).request())
        .isEqualTo(
            new RestoreDataRequest(
                "/backups/orders.dump",
                "dr",
                "orders_${run.id}",
                RestoreFormat.AUTO,
                "db-2",
                null));
  }

  @Test
  void readsATarballRestoredIntoADirectoryOnAHost() {
    RestoreDataRequest request = ((RestoreDataStep) step(plan, "files")).request();

    assertThat(request)
        .isEqualTo(
            new RestoreDataRequest(
                "/backups/site.tar.gz", null, null, null, "app-2", "/srv/site-${run.id}"));
    assertThat(request.restoresFiles()).isTrue();
  }

  @Test
  void readsAnSshProbeWithItsDefaults() {
    HealthCheckStep serviceUp = (HealthCheckStep) step(plan, "service-up");
    HealthCheckStep maintenanceOff = (HealthCheckStep) step(plan, "maintenance-off");

    assertThat(serviceUp.request().ssh())
        .isEqualTo(
            new SshProbe(
                "app-2", "systemctl is-active ${params.service}", 0, Duration.ofSeconds(10)));
    assertThat(serviceUp.request().untilHealthy()).isEqualTo(Duration.ofMinutes(2));
    assertThat(maintenanceOff.request().ssh())
        .isEqualTo(new SshProbe("app-2", "test -f /etc/maintenance", 1, Duration.ofSeconds(30)));
  }

  @Test
  void reportsEveryUnknownHostWithItsPlaceAndASuggestion() {
    ParseResult result =
        new RunbookParser(Set.of("db-1", "app-2"))
            .parse(FIXTURE, Fixtures.text("valid/" + FIXTURE));

    assertThat(result.runbook()).isEmpty();
    assertThat(result.problems().stream().map(RunbookProblem::format).toList())
        .containsExactly(
            "remote-steps.yml:12:15: stages[0].steps[0].host: unknown host 'db-2'; did you mean"
                + " 'db-1'?",
            "remote-steps.yml:23:15: stages[1].steps[0].host: unknown host 'db-2'; did you mean"
                + " 'db-1'?");
  }

  @Test
  void reportsAnUnknownHostOfAnSshProbe() {
    ParseResult result =
        new RunbookParser(Set.of("db-2", "web-1"))
            .parse(FIXTURE, Fixtures.text("valid/" + FIXTURE));

    assertThat(result.problems().stream().map(RunbookProblem::format).toList())
        .contains(
            "remote-steps.yml:37:17: stages[2].steps[0].ssh.host: unknown host 'app-2'; configured"
                + " hosts: db-2, web-1");
  }

  @Test
  void substitutesParamsIntoAnSshProbeShellQuoted() {
    ParseResult resolved =
        new RunbookParser(Set.of("db-2", "app-2"))
            .resolve(
                FIXTURE,
                Fixtures.text("valid/" + FIXTURE),
                new RunBindings(
                    "r-7", "drill", "alice", Map.of("service", "orders; touch /tmp/pwned")));

    Runbook runbook = resolved.runbook().orElseThrow();
    assertThat(((HealthCheckStep) step(runbook, "service-up")).request().ssh().run())
        .isEqualTo("systemctl is-active 'orders; touch /tmp/pwned'");
    assertThat(((RestoreDataStep) step(runbook, "files")).request().to())
        .as("to is a path, substituted as written")
        .isEqualTo("/srv/site-r-7");
  }
}
