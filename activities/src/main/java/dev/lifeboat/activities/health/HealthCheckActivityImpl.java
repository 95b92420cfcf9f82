package dev.lifeboat.activities.health;

import dev.lifeboat.activities.HumanUnits;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.postgres.PostgresServers;
import dev.lifeboat.activities.secrets.LocalSecrets;
import dev.lifeboat.activities.secrets.Redactor;
import dev.lifeboat.activities.secrets.Secrets;
import dev.lifeboat.activities.secrets.StepSecrets;
import dev.lifeboat.activities.ssh.RemoteHosts;
import io.temporal.activity.Activity;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Probes once, or polls until healthy within the {@code untilHealthy} window, heartbeating after
 * every probe so a cancelled step stops polling. The window is the step's promise: it is measured
 * from the first attempt's start, a retried attempt polls only what is left of it, and an unhealthy
 * end of the window is final (not retried). An unhealthy end fails with the last observation:
 * UNAVAILABLE when the target could not be reached, CHECK_FAILED when it answered wrongly. Inputs
 * that can never work (bad URL, unknown server) fail at once with BAD_INPUT, without polling.
 * Secret placeholders in an HTTP probe's URL and header values are filled when the probe is built,
 * and their values are redacted from results, heartbeats and failures.
 */
public final class HealthCheckActivityImpl implements HealthCheckActivity {
  private final PostgresServers servers;
  private final HttpClient http;
  private final Clock clock;
  private final RemoteHosts remote;
  private final Secrets secrets;

  /** Without SSH hosts (an ssh probe fails naming an unknown host); secrets from the process. */
  public HealthCheckActivityImpl(PostgresServers servers, HttpClient http, Clock clock) {
    this(servers, http, clock, RemoteHosts.none(), LocalSecrets.ofProcess());
  }

  public HealthCheckActivityImpl(
      PostgresServers servers, HttpClient http, Clock clock, RemoteHosts remote) {
    this(servers, http, clock, remote, LocalSecrets.ofProcess());
  }

  public HealthCheckActivityImpl(
      PostgresServers servers, HttpClient http, Clock clock, Secrets secrets) {
    this(servers, http, clock, RemoteHosts.none(), secrets);
  }

  public HealthCheckActivityImpl(
      PostgresServers servers, HttpClient http, Clock clock, RemoteHosts remote, Secrets secrets) {
    this.servers = servers;
    this.http = http;
    this.clock = clock;
    this.remote = remote;
    this.secrets = secrets;
  }

  @Override
  public HealthCheckResult healthCheck(HealthCheckRequest request) {
    List<String> texts = new ArrayList<>();
    if (request.http() != null) {
      texts.add(request.http().url());
      texts.addAll(request.http().headers().values());
    }
    if (request.ssh() != null) {
      texts.add(request.ssh().run());
    }
    StepSecrets used = StepSecrets.resolve(secrets, texts);
    try {
      return poll(request, checkFor(request, used), used.redactor());
    } catch (RuntimeException e) {
      throw used.redactor().redactFailure(e);
    }
  }

  private HealthCheckResult poll(HealthCheckRequest request, Check check, Redactor redactor) {
    PollWindow window =
        PollWindow.of(request.untilHealthy(), clock.instant(), Activity.getExecutionContext());
    int probes = 0;
    while (true) {
      Observation seen = check.probe();
      probes++;
      if (seen.healthy()) {
        return new HealthCheckResult(
            probes,
            seen.latencyMillis(),
            redactor.redact(seen.observed()),
            redactor.redact(
                check.describe()
                    + ": healthy ("
                    + seen.observed()
                    + ") in "
                    + seen.latencyMillis()
                    + "ms"
                    + (probes > 1 ? " after " + probes + " probes" : "")));
      }
      Instant now = clock.instant();
      if (window.isOver(now)) {
        throw unhealthy(check, seen, probes, window, now);
      }
      Activity.getExecutionContext()
          .heartbeat(
              new HealthProgress(
                  probes, redactor.redact(seen.observed()), window.started().toEpochMilli()));
      sleep(window.pause(now, request.pollInterval()));
    }
  }

  private Check checkFor(HealthCheckRequest request, StepSecrets used) {
    if (request.sql() != null) {
      return new SqlCheck(servers, request.sql());
    }
    HttpProbe probe = request.http();
    if (probe != null) {
      HttpProbe filled =
          new HttpProbe(
              used.fill(probe.url()),
              probe.expectStatus(),
              probe.expectBody(),
              probe.requestTimeout(),
              used.fillValues(probe.headers()));
      return new HttpCheck(http, filled, used.redactor());
    }
    if (request.ssh() != null) {
      return new SshCheck(
          remote,
          request.ssh(),
          used.forShell(request.ssh().run()),
          Activity.getExecutionContext());
    }
    return new TcpCheck(request.tcp());
  }

  /**
   * The failure of an unhealthy end. Once a window is over it is final: another attempt would only
   * break the window's promise, so it is not retried whatever its type.
   */
  private static RuntimeException unhealthy(
      Check check, Observation last, int probes, PollWindow window, Instant now) {
    String message =
        check.describe()
            + ": "
            + last.problem()
            + " after "
            + probes
            + (probes == 1 ? " probe" : " probes")
            + (window.length() == null
                ? ""
                : " over " + HumanUnits.duration(Duration.between(window.started(), now)));
    StepFailureType type =
        last.reachable() ? StepFailureType.CHECK_FAILED : StepFailureType.UNAVAILABLE;
    return window.length() == null
        ? StepFailures.of(type, message)
        : StepFailures.permanent(type, message);
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }
}
