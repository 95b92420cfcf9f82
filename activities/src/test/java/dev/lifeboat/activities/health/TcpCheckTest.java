package dev.lifeboat.activities.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A runbook may give a connect timeout up to a year (tracker 9.4: whatever {@code check} accepts
 * must run); a socket takes an int of milliseconds, which a cast turned negative past 24.8 days.
 */
class TcpCheckTest {
  @Test
  void probesWithAConnectTimeoutLongerThanAnIntOfMilliseconds() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    Observation observed =
        new TcpCheck(new TcpProbe("127.0.0.1", closed, Duration.ofDays(30))).probe();

    assertThat(observed.reachable()).isFalse();
    assertThat(observed.problem()).isEqualTo("connection refused");
  }
}
