package dev.lifeboat.activities.precheck;

import java.util.Objects;

/**
 * A configured PostgreSQL server a step connects to.
 *
 * @param standby whether the step needs it to be a standby (a promote): a primary then fails
 */
public record ServerNeed(String server, boolean standby) {
  public ServerNeed {
    Objects.requireNonNull(server, "server");
  }
}
