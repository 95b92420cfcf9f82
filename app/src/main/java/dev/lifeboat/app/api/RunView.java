package dev.lifeboat.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A run as the API shows it.
 *
 * @param launcher the name of the token that launched it
 * @param live whether {@code steps} came from the running workflow (true) or the record (false)
 * @param actions what people asked of the run (e.g. cancel), by whom; empty in lists
 */
public record RunView(
    String id,
    String plan,
    String planSha256,
    String mode,
    String status,
    String launcher,
    JsonNode params,
    Instant createdAt,
    Instant startedAt,
    Instant endedAt,
    boolean live,
    List<StepView> steps,
    List<ActionView> actions) {

  public record ActionView(String action, String actor, Instant at) {}

  public record StepView(
      String stage,
      String id,
      String kind,
      String status,
      int attempt,
      Instant startedAt,
      Instant endedAt,
      String summary) {}
}
