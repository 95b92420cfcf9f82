package dev.lifeboat.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A run as the API shows it.
 *
 * @param live whether {@code steps} came from the running workflow (true) or the record (false)
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
    List<StepView> steps) {

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
