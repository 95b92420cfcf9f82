package dev.lifeboat.activities.health;

import java.time.Duration;
import java.util.Objects;

/** Healthy when a TCP connection to {@code host:port} opens within {@code connectTimeout}. */
public record TcpProbe(String host, int port, Duration connectTimeout) {
  public TcpProbe {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535, was " + port);
    }
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
  }
}
