package dev.lifeboat.app.worker;

import dev.lifeboat.activities.backup.VerifyBackupActivityImpl;
import dev.lifeboat.activities.command.CommandActivityImpl;
import dev.lifeboat.activities.failover.HttpActionActivityImpl;
import dev.lifeboat.activities.failover.PromoteStandbyActivityImpl;
import dev.lifeboat.activities.health.HealthCheckActivityImpl;
import dev.lifeboat.activities.notify.NotifyActivity;
import dev.lifeboat.activities.notify.NotifyActivityImpl;
import dev.lifeboat.activities.postgres.ConfiguredPostgresServers;
import dev.lifeboat.activities.postgres.PgTools;
import dev.lifeboat.activities.postgres.PostgresServer;
import dev.lifeboat.activities.precheck.ApproverRoster;
import dev.lifeboat.activities.precheck.PrecheckActivity;
import dev.lifeboat.activities.precheck.PrecheckActivityImpl;
import dev.lifeboat.activities.process.ToolLedger;
import dev.lifeboat.activities.process.ToolRunner;
import dev.lifeboat.activities.restore.RestoreDataActivityImpl;
import dev.lifeboat.activities.secrets.Secrets;
import dev.lifeboat.activities.sql.SqlActivityImpl;
import dev.lifeboat.activities.ssh.ConfiguredSshHosts;
import dev.lifeboat.activities.ssh.JschRemoteShell;
import dev.lifeboat.activities.ssh.RemoteHosts;
import dev.lifeboat.activities.ssh.SshHost;
import dev.lifeboat.activities.ssh.SshSettings;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.runbook.StepKinds;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The activities that do the work of steps, built from the configuration: one implementation for
 * each activity interface a step kind calls ({@link StepKinds}). Which ones a worker registers
 * follows from the kinds: the server's worker all of them, {@code lifeboat worker --site} those of
 * the kinds that may run at a site (not notify, which tells people from the server when a site is
 * gone). A step does the same thing wherever it runs; every worker also registers the precheck,
 * which checks a step where it would run. The run record is not here: it stays with the server.
 */
public final class StepActivities {
  private static final Logger LOG = LoggerFactory.getLogger(StepActivities.class);

  private final ConfiguredPostgresServers servers;
  private final ConfiguredSshHosts hosts;
  private final List<Object> activities;

  private StepActivities(
      LifeboatConfiguration config,
      Map<String, PostgresServer> servers,
      Secrets secrets,
      ToolLedger ledger,
      ApproverRoster roster) {
    Clock clock = Clock.systemUTC();
    this.servers = new ConfiguredPostgresServers(servers);
    this.hosts = new ConfiguredSshHosts(sshHosts(config));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    PgTools tools =
        PgTools.in(
            config.getPgBinDirectory().isBlank() ? null : Path.of(config.getPgBinDirectory()));
    JschRemoteShell shell = new JschRemoteShell(SshSettings.standard());
    RemoteHosts remote = new RemoteHosts(hosts, shell);
    ToolRunner runner = ToolRunner.standard(ledger);
    VerifyBackupActivityImpl verifier = new VerifyBackupActivityImpl(clock, tools, remote, runner);
    this.activities =
        List.of(
            verifier,
            new RestoreDataActivityImpl(this.servers, tools, clock, remote, runner),
            new HealthCheckActivityImpl(this.servers, http, clock, remote, secrets),
            new NotifyActivityImpl(
                http, secrets, config.getSmtp().map(smtp -> smtp.toSettings(secrets))),
            new CommandActivityImpl(hosts, remote.shell()),
            new PromoteStandbyActivityImpl(this.servers, clock),
            new HttpActionActivityImpl(http, secrets),
            new SqlActivityImpl(this.servers),
            // Registered wherever steps run: a step's precheck runs on the step's own worker.
            new PrecheckActivityImpl(hosts, shell, this.servers, verifier, secrets, roster));
    // Fails at start, not when the first step of a kind is scheduled and no worker takes it.
    implementing(StepKinds.activities());
  }

  /**
   * For the server, whose embedded PostgreSQL (when enabled) listens on {@code embeddedPort}.
   *
   * @param embeddedPort 0 when no embedded PostgreSQL runs: an embedded server is then an error
   * @param ledger where local tools (pg_restore, psql) are recorded while they run
   */
  public static StepActivities forServer(
      LifeboatConfiguration config, int embeddedPort, Secrets secrets, ToolLedger ledger) {
    return forServer(config, embeddedPort, secrets, ledger, ApproverRoster.NONE);
  }

  /**
   * The same, with who holds which role: the server's token record, which the precheck of an
   * approval step counts approvers in.
   */
  public static StepActivities forServer(
      LifeboatConfiguration config,
      int embeddedPort,
      Secrets secrets,
      ToolLedger ledger,
      ApproverRoster roster) {
    Map<String, PostgresServer> servers = new LinkedHashMap<>();
    config
        .getPostgresServers()
        .forEach(
            (name, server) -> {
              if (server.isEmbedded() && embeddedPort == 0) {
                throw new IllegalStateException(
                    "postgresServers."
                        + name
                        + " is embedded, but embeddedPostgres.enabled is false");
              }
              servers.put(name, server.toServer(name, embeddedPort, secrets));
            });
    return new StepActivities(config, servers, secrets, ledger, roster);
  }

  /**
   * For a worker at a site: the server's embedded PostgreSQL runs elsewhere, so the servers that
   * point at it are left out (a step using one fails saying the server is not configured here).
   */
  public static StepActivities forSiteWorker(
      LifeboatConfiguration config, Secrets secrets, ToolLedger ledger) {
    Map<String, PostgresServer> servers = new LinkedHashMap<>();
    config
        .getPostgresServers()
        .forEach(
            (name, server) -> {
              if (server.isEmbedded()) {
                LOG.info("postgresServers.{} is the server's embedded one; not used here", name);
              } else {
                servers.put(name, server.toServer(name, 0, secrets));
              }
            });
    return new StepActivities(config, servers, secrets, ledger, ApproverRoster.NONE);
  }

  /** What a worker at a site registers: the activities of the kinds that may run there. */
  public List<Object> activities() {
    return implementing(withPrecheck(StepKinds.siteActivities()));
  }

  /**
   * What the server's own worker registers on its main task queue: the activities of every kind.
   */
  public List<Object> serverActivities() {
    return implementing(withPrecheck(StepKinds.activities()));
  }

  /** The step kinds' activities and the precheck's, which checks steps of every kind. */
  private static Set<Class<?>> withPrecheck(Set<Class<?>> stepActivities) {
    Set<Class<?>> all = new java.util.LinkedHashSet<>(stepActivities);
    all.add(PrecheckActivity.class);
    return all;
  }

  /** The notify step kind's sender, for the server's own notices (overdue plans). */
  public NotifyActivity notifier() {
    return activities.stream()
        .filter(NotifyActivity.class::isInstance)
        .map(NotifyActivity.class::cast)
        .findFirst()
        .orElseThrow();
  }

  public ConfiguredPostgresServers servers() {
    return servers;
  }

  /** Every configured host's name and its site, if it has one (for the runbook parser). */
  public Map<String, Optional<String>> hostSites() {
    Map<String, Optional<String>> sites = new LinkedHashMap<>();
    hosts.names().forEach(name -> sites.put(name, hosts.find(name).map(SshHost::site)));
    return sites;
  }

  /** The implementations of {@code interfaces}, each of which must have one here. */
  private List<Object> implementing(Set<Class<?>> interfaces) {
    for (Class<?> type : interfaces) {
      if (activities.stream().noneMatch(type::isInstance)) {
        throw new IllegalStateException(
            "a step kind calls "
                + type.getSimpleName()
                + ", but StepActivities builds no implementation of it");
      }
    }
    return activities.stream()
        .filter(activity -> interfaces.stream().anyMatch(type -> type.isInstance(activity)))
        .toList();
  }

  private static Map<String, SshHost> sshHosts(LifeboatConfiguration config) {
    Map<String, SshHost> hosts = new LinkedHashMap<>();
    config.getHosts().forEach((name, host) -> hosts.put(name, host.toHost(name)));
    return hosts;
  }
}
