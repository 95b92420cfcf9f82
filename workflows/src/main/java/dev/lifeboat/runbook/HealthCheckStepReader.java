package dev.lifeboat.runbook;

import dev.lifeboat.activities.health.HealthCheckRequest;
import dev.lifeboat.activities.health.HttpProbe;
import dev.lifeboat.activities.health.SqlProbe;
import dev.lifeboat.activities.health.SshProbe;
import dev.lifeboat.activities.health.TcpProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code health-check}: reads {@link HealthCheckStep} and its one probe (sql, http, tcp, ssh). */
final class HealthCheckStepReader implements StepReader<HealthCheckStep> {
  static final List<String> PROBES = List.of("sql", "http", "tcp", "ssh");
  static final List<String> HTTP_FIELDS =
      List.of("url", "expect_status", "expect_body", "request_timeout", "headers");
  static final List<String> TCP_FIELDS = List.of("host", "port", "connect_timeout");
  static final List<String> SSH_FIELDS = List.of("host", "run", "expect_exit", "command_timeout");

  @Override
  public List<String> fields() {
    return List.of("sql", "http", "tcp", "ssh", "until_healthy", "poll_interval");
  }

  @Override
  public Optional<HealthCheckStep> read(Input step) {
    int mark = step.problems().count();
    YamlMap fields = step.fields();
    List<String> given = PROBES.stream().filter(fields::has).toList();
    if (given.size() != 1) {
      step.problems()
          .add(
              fields.node(),
              fields.path(),
              given.isEmpty()
                  ? "a health check needs one probe: sql, http, tcp or ssh"
                  : "a health check has exactly one probe, got " + String.join(" and ", given));
    }
    Optional<SqlProbe> sql =
        fields
            .optional("sql")
            .flatMap(f -> new SqlProbeReader(step.references(), step.knownServers()).read(f));
    Optional<HttpProbe> http = fields.optional("http").flatMap(f -> http(f, step.references()));
    Optional<TcpProbe> tcp = fields.optional("tcp").flatMap(f -> tcp(f, step.references()));
    Optional<SshProbe> ssh = fields.optional("ssh").flatMap(f -> ssh(f, step));
    Optional<Field> untilField = fields.optional("until_healthy");
    Optional<Duration> untilHealthy = untilField.flatMap(Field::duration);
    untilHealthy.ifPresent(window -> checkWindowFits(untilField.get(), window, step.policy()));
    Optional<Field> pollField = fields.optional("poll_interval");
    Optional<Duration> pollInterval = pollField.flatMap(Field::duration);
    if (pollField.isPresent() && !fields.has("until_healthy")) {
      pollField.get().fail("poll_interval only applies with until_healthy; add until_healthy");
    }
    if (step.problems().since(mark)) {
      return Optional.empty();
    }
    return Optional.of(
        new HealthCheckStep(
            step.id(),
            step.policy(),
            new HealthCheckRequest(
                sql.orElse(null),
                http.orElse(null),
                tcp.orElse(null),
                untilHealthy.orElse(null),
                pollInterval.orElse(null),
                ssh.orElse(null))));
  }

  /**
   * The window is the step's promise: one attempt polls it all, and retries only continue it (see
   * {@code HealthCheckActivityImpl}). An attempt whose timeout ends first would be cut off with a
   * timeout instead of the last observation, so such a plan is refused.
   */
  private static void checkWindowFits(Field field, Duration window, StepPolicy policy) {
    if (policy.timeout().compareTo(window) > 0) {
      return;
    }
    field.fail(
        "until_healthy ("
            + Durations.format(window)
            + ") must be shorter than the step's timeout ("
            + Durations.format(policy.timeout())
            + (policy.timeout().equals(StepPolicy.DEFAULT_TIMEOUT) ? ", the default" : "")
            + "): one attempt polls the whole window and the last probe runs at its end; set"
            + " timeout longer, e.g. "
            + Durations.format(window.plusMinutes(1)));
  }

  private Optional<HttpProbe> http(Field field, References references) {
    return field
        .map()
        .flatMap(
            map -> {
              map.allow(HTTP_FIELDS);
              // The url and header values may hold secrets: sent, never shown.
              Optional<String> url = map.required("url").flatMap(references::secretText);
              long status =
                  map.optional("expect_status").flatMap(f -> f.integer(100, 599)).orElse(200L);
              Optional<String> body = map.optional("expect_body").flatMap(references::text);
              Optional<Duration> timeout = map.optional("request_timeout").flatMap(Field::duration);
              Optional<Map<String, String>> headers =
                  map.optional("headers").flatMap(f -> HttpHeadersReader.read(f, references));
              return url.map(
                  u ->
                      new HttpProbe(
                          u,
                          (int) status,
                          body.orElse(null),
                          timeout.orElse(null),
                          headers.orElse(null)));
            });
  }

  private Optional<TcpProbe> tcp(Field field, References references) {
    return field
        .map()
        .flatMap(
            map -> {
              map.allow(TCP_FIELDS);
              Optional<String> host = map.required("host").flatMap(references::text);
              Optional<Long> port = map.required("port").flatMap(f -> f.integer(1, 65535));
              Optional<Duration> timeout = map.optional("connect_timeout").flatMap(Field::duration);
              if (host.isEmpty() || port.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(
                  new TcpProbe(host.get(), port.get().intValue(), timeout.orElse(null)));
            });
  }

  /** The command's references are substituted shell-quoted, as in a command step. */
  private Optional<SshProbe> ssh(Field field, Input step) {
    return field
        .map()
        .flatMap(
            map -> {
              map.allow(SSH_FIELDS);
              Optional<String> host =
                  map.required("host")
                      .flatMap(
                          f -> ConfiguredNames.HOSTS.read(f, step.references(), step.knownHosts()));
              Optional<String> run = map.required("run").flatMap(step.references()::shellText);
              long expectExit =
                  map.optional("expect_exit").flatMap(f -> f.integer(0, 255)).orElse(0L);
              Optional<Duration> timeout = map.optional("command_timeout").flatMap(Field::duration);
              if (host.isEmpty() || run.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(
                  new SshProbe(host.get(), run.get(), (int) expectExit, timeout.orElse(null)));
            });
  }
}
