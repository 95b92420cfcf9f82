package dev.lifeboat.app.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** One step as the command-line tools print it: stage, id, status and summary in columns. */
final class StepLine {
  private StepLine() {}

  static String of(JsonNode step) {
    return String.format(
        "  %-10s %-28s %-10s %s",
        step.path("stage").asText(),
        step.path("id").asText(),
        step.path("status").asText(),
        step.path("summary").isNull() ? "" : step.path("summary").asText());
  }
}
