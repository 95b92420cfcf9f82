package dev.lifeboat.app.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One step as the command-line tools print it: stage, id, status and summary in columns; a resumed
 * run's step that did not run again says so, naming the run it ran in.
 */
final class StepLine {
  private StepLine() {}

  static String of(JsonNode step) {
    return String.format(
        "  %-10s %-28s %-10s %s",
        step.path("stage").asText(),
        step.path("id").asText(),
        step.path("status").asText(),
        carriedOver(step) + (step.path("summary").isNull() ? "" : step.path("summary").asText()));
  }

  private static String carriedOver(JsonNode step) {
    String from = step.path("carriedOverFrom").asText("");
    return from.isEmpty() ? "" : "carried over from run " + from + ": ";
  }
}
