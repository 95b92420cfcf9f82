package dev.lifeboat.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lifeboat.app.auth.AuthConfig;
import dev.lifeboat.app.compliance.OwnerChannel;
import dev.lifeboat.app.config.EmbeddedPostgresConfig;
import dev.lifeboat.app.config.FindingsConfig;
import dev.lifeboat.app.config.PostgresServerConfig;
import dev.lifeboat.app.config.SmtpConfig;
import dev.lifeboat.app.config.SshHostConfig;
import dev.lifeboat.app.config.TemporalConfig;
import dev.lifeboat.app.notices.NoticesConfig;
import dev.lifeboat.app.schedules.SchedulesConfig;
import dev.lifeboat.runbook.ProductionTargets;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Lifeboat's configuration (config.yml). Every section has a working embedded default. */
public class LifeboatConfiguration extends Configuration {
  /** The folder of runbook YAML files. */
  @JsonProperty @NotEmpty private String runbooks = "runbooks";

  /**
   * Whether a change in the runbooks folder reloads the plans by itself; without it only {@code
   * POST /api/plans/reload} does.
   */
  @JsonProperty private boolean watchRunbooks = true;

  /** Lifeboat's own record. With the embedded server enabled its URL is set at start. */
  @JsonProperty @Valid @NotNull private DataSourceFactory database = new DataSourceFactory();

  @JsonProperty @Valid @NotNull
  private EmbeddedPostgresConfig embeddedPostgres = new EmbeddedPostgresConfig();

  @JsonProperty @Valid @NotNull private TemporalConfig temporal = new TemporalConfig();

  /** The PostgreSQL servers runbooks may name, e.g. {@code server: local}. */
  @JsonProperty @Valid @NotNull
  private Map<String, PostgresServerConfig> postgresServers = new LinkedHashMap<>();

  /**
   * The hosts steps may run on over SSH ({@code host: app-1}): command, remote verify and restore.
   */
  @JsonProperty @Valid @NotNull private Map<String, SshHostConfig> hosts = new LinkedHashMap<>();

  /** API tokens and the first start's admin token. */
  @JsonProperty @Valid @NotNull private AuthConfig auth = new AuthConfig();

  /** Findings: the due date of one made without (README, "Findings"). */
  @JsonProperty @Valid @NotNull private FindingsConfig findings = new FindingsConfig();

  /** The SMTP server of notify's email channel; absent (null) when none is configured. */
  @JsonProperty @Valid private SmtpConfig smtp;

  /** Scheduled drills: the catch-up window and the scheduler workflows' settings. */
  @JsonProperty @Valid @NotNull private SchedulesConfig schedules = new SchedulesConfig();

  /** Where each runbook owner is told that a plan is overdue ("Coverage" in the README). */
  @JsonProperty private Map<String, OwnerChannel> owners = Map.of();

  /**
   * Which run events the plan owners are told of, and the address they link to (README, E-mail).
   */
  @JsonProperty private NoticesConfig notices = NoticesConfig.defaults();

  /** A directory holding pg_dump/pg_restore/psql; empty means the PATH. */
  @JsonProperty private String pgBinDirectory = "";

  /**
   * Where this Lifeboat keeps local state that is not the record: the pid files of the tools it is
   * running ({@code tools/}, or {@code tools-<site>/} for a site worker), so that a start after a
   * crash can stop what the crashed process left running.
   */
  @JsonProperty @NotEmpty private String dataDirectory = "data";

  public String getRunbooks() {
    return runbooks;
  }

  public boolean isWatchRunbooks() {
    return watchRunbooks;
  }

  public DataSourceFactory getDatabase() {
    return database;
  }

  public EmbeddedPostgresConfig getEmbeddedPostgres() {
    return embeddedPostgres;
  }

  public TemporalConfig getTemporal() {
    return temporal;
  }

  public Map<String, PostgresServerConfig> getPostgresServers() {
    return postgresServers;
  }

  public Map<String, SshHostConfig> getHosts() {
    return hosts;
  }

  /** The SMTP server, when {@code smtp:} is configured. */
  public Map<String, OwnerChannel> getOwners() {
    return owners == null ? Map.of() : owners;
  }

  public NoticesConfig getNotices() {
    return notices == null ? NoticesConfig.defaults() : notices;
  }

  public Optional<SmtpConfig> getSmtp() {
    return Optional.ofNullable(smtp);
  }

  public SchedulesConfig getSchedules() {
    return schedules;
  }

  public FindingsConfig getFindings() {
    return findings;
  }

  public AuthConfig getAuth() {
    return auth;
  }

  public String getDataDirectory() {
    return dataDirectory;
  }

  /** The hosts and servers marked {@code production: true}, which drills may not change. */
  public ProductionTargets production() {
    return new ProductionTargets(
        names(hosts, SshHostConfig::isProduction),
        names(postgresServers, PostgresServerConfig::isProduction));
  }

  private static <T> Set<String> names(Map<String, T> entries, Predicate<T> marked) {
    return entries.entrySet().stream()
        .filter(entry -> marked.test(entry.getValue()))
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  /** Empty (never null, even when set from an empty environment variable) means the PATH. */
  public String getPgBinDirectory() {
    return pgBinDirectory == null ? "" : pgBinDirectory;
  }
}
