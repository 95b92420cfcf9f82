package dev.lifeboat.app.worker;

import dev.lifeboat.activities.backup.VerifyBackupActivityImpl;
import dev.lifeboat.activities.command.CommandActivityImpl;
import dev.lifeboat.activities.failover.HttpActionActivityImpl;
import dev.lifeboat.activities.failover.PromoteStandbyActivityImpl;
import dev.lifeboat.activities.health.HealthCheckActivityImpl;
import dev.lifeboat.activities.postgres.ConfiguredPostgresServers;
import dev.lifeboat.activities.postgres.PgTools;
import dev.lifeboat.activities.postgres.PostgresServer;
import dev.lifeboat.activities.process.ToolLedger;
import dev.lifeboat.activities.process.ToolRunner;
import dev.lifeboat.activities.restore.RestoreDataActivityImpl;
import dev.lifeboat.activities.secrets.Secrets;
import dev.lifeboat.activities.ssh.ConfiguredSshHosts;
import dev.lifeboat.activities.ssh.JschRemoteShell;
import dev.lifeboat.activities.ssh.RemoteHosts;
import dev.lifeboat.activities.ssh.SshHost;
import dev.lifeboat.activities.ssh.SshSettings;
import dev.lifeboat.app.LifeboatConfiguration;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The activities that do the work of steps (verify-backup, restore-data, health-check, command,
 * promote, http action), built from the configuration. The server's worker and {@code lifeboat
 * worker --site} register the same ones, so a step does the same thing wherever it runs. Notify and
 * the run record are not here: they stay with the server.
 */
public final class StepActivities {
  private static final Logger LOG = LoggerFactory.getLogger(StepActivities.class);

  private final ConfiguredPostgresServers servers;
  private final ConfiguredSshHosts hosts;
  private final HttpClient http;
  private final List<Object> activities;

  private StepActivities(
      LifeboatConfiguration config,
      Map<String, PostgresServer> servers,
      Secrets secrets,
      ToolLedger ledger) {
    Clock clock = Clock.systemUTC();
    this.servers = new ConfiguredPostgresServers(servers);
    this.hosts = new ConfiguredSshHosts(sshHosts(config));
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    PgTools tools =
        PgTools.in(
            config.getPgBinDirectory().isBlank() ? null : Path.of(config.getPgBinDirectory()));
    RemoteHosts remote = new RemoteHosts(hosts, new JschRemoteShell(SshSettings.standard()));
    ToolRunner runner = ToolRunner.standard(ledger);
    this.activities =
        List.of(
            new VerifyBackupActivityImpl(clock, tools, remote, runner),
            new RestoreDataActivityImpl(this.servers, tools, clock, remote, runner),
            new HealthCheckActivityImpl(this.servers, http, clock, remote, secrets),
            new CommandActivityImpl(hosts, remote.shell()),
            new PromoteStandbyActivityImpl(this.servers, clock),
            new HttpActionActivityImpl(http, secrets));
  }

  /**
   * For the server, whose embedded PostgreSQL (when enabled) listens on {@code embeddedPort}.
   *
   * @param embeddedPort 0 when no embedded PostgreSQL runs: an embedded server is then an error
   * @param ledger where local tools (pg_restore, psql) are recorded while they run
   */
  public static StepActivities forServer(
      LifeboatConfiguration config, int embeddedPort, Secrets secrets, ToolLedger ledger) {
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
    return new StepActivities(config, servers, secrets, ledger);
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
    return new StepActivities(config, servers, secrets, ledger);
  }

  /** The activity objects, to register on a Temporal worker. */
  public List<Object> activities() {
    return activities;
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

  /** The HTTP client the activities share; notify uses it too. */
  public HttpClient http() {
    return http;
  }

  private static Map<String, SshHost> sshHosts(LifeboatConfiguration config) {
    Map<String, SshHost> hosts = new LinkedHashMap<>();
    config.getHosts().forEach((name, host) -> hosts.put(name, host.toHost(name)));
    return hosts;
  }
}
