package dev.lifeboat.activities.health;

import dev.lifeboat.activities.HumanUnits;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.postgres.PostgresServers;
import dev.lifeboat.activities.ssh.RemoteHosts;
import io.temporal.activity.Activity;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Probes once, or polls until healthy within the {@code untilHealthy} window, heartbeating after
 * every probe so a cancelled step stops polling. An unhealthy end fails with the last observation:
 * UNAVAILABLE when the target could not be reached, CHECK_FAILED when it answered wrongly. Inputs
 * that can never work (bad URL, unknown server) fail at once with BAD_INPUT, without polling.
 */
public final class HealthCheckActivityImpl implements HealthCheckActivity {
  private final PostgresServers servers;
  private final HttpClient http;
  private final Clock clock;
  private final RemoteHosts remote;

  /** Without SSH hosts: an ssh probe fails as naming an unknown host. */
  public HealthCheckActivityImpl(PostgresServers servers, HttpClient http, Clock clock) {
    this(servers, http, clock, RemoteHosts.none());
  }

  public HealthCheckActivityImpl(
      PostgresServers servers, HttpClient http, Clock clock, RemoteHosts remote) {
    this.servers = servers;
    this.http = http;
    this.clock = clock;
    this.remote = remote;
  }

  @Override
  public HealthCheckResult healthCheck(HealthCheckRequest request) {
    Check check = checkFor(request);
    Instant started = clock.instant();
    Instant deadline =
        request.untilHealthy() == null ? started : started.plus(request.untilHealthy());
    int probes = 0;
    while (true) {
      Observation seen = check.probe();
      probes++;
      if (seen.healthy()) {
        return new HealthCheckResult(
            probes,
            seen.latencyMillis(),
            seen.observed(),
            check.describe()
                + ": healthy ("
                + seen.observed()
                + ") in "
                + seen.latencyMillis()
                + "ms"
                + (probes > 1 ? " after " + probes + " probes" : ""));
      }
      Instant now = clock.instant();
      if (!now.isBefore(deadline)) {
        throw unhealthy(
            check,
            seen,
            probes,
            request.untilHealthy() == null ? null : Duration.between(started, now));
      }
      Activity.getExecutionContext().heartbeat(new HealthProgress(probes, seen.observed()));
      Duration pause = Duration.between(now, deadline);
      pause = pause.compareTo(request.pollInterval()) < 0 ? pause : request.pollInterval();
      sleep(pause);
    }
  }

  private Check checkFor(HealthCheckRequest request) {
    if (request.sql() != null) {
      return new SqlCheck(servers, request.sql());
    }
    if (request.http() != null) {
      return new HttpCheck(http, request.http());
    }
    if (request.ssh() != null) {
      return new SshCheck(remote, request.ssh(), Activity.getExecutionContext());
    }
    return new TcpCheck(request.tcp());
  }

  private static RuntimeException unhealthy(
      Check check, Observation last, int probes, Duration over) {
    String message =
        check.describe()
            + ": "
            + last.problem()
            + " after "
            + probes
            + (probes == 1 ? " probe" : " probes")
            + (over == null ? "" : " over " + HumanUnits.duration(over));
    return StepFailures.of(
        last.reachable() ? StepFailureType.CHECK_FAILED : StepFailureType.UNAVAILABLE, message);
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
