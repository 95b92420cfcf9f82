package dev.lifeboat.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Polls a run and prints each step's transitions once, then the verdict. */
final class RunFollower {
  /** Fetches the run's current JSON. */
  interface RunSource {
    JsonNode fetch() throws Exception;
  }

  /** Signals a run that did not succeed, so the command exits non-zero. */
  static final class RunDidNotSucceed extends RuntimeException {
    RunDidNotSucceed(String message) {
      super(message, null, false, false);
    }
  }

  private final PrintStream out;

  RunFollower(PrintStream out) {
    this.out = out;
  }

  void follow(RunSource source, Duration timeout) throws Exception {
    Map<String, String> printed = new HashMap<>();
    Instant giveUp = Instant.now().plus(timeout);
    while (true) {
      JsonNode run = source.fetch();
      for (JsonNode step : run.path("steps")) {
        String key = step.path("id").asText();
        String status = step.path("status").asText();
        if (!status.equals(printed.get(key)) && !status.equals("pending")) {
          printed.put(key, status);
          out.printf(
              "  %-10s %-28s %-10s %s%n",
              step.path("stage").asText(),
              key,
              status,
              step.path("summary").isNull() ? "" : step.path("summary").asText());
        }
      }
      String status = run.path("status").asText();
      if (status.equals("succeeded")) {
        out.printf("run %s succeeded%n", run.path("id").asText());
        return;
      }
      if (status.equals("failed") || status.equals("cancelled") || status.equals("interrupted")) {
        throw new RunDidNotSucceed("run " + run.path("id").asText() + " " + status);
      }
      if (Instant.now().isAfter(giveUp)) {
        throw new RunDidNotSucceed(
            "stopped following run " + run.path("id").asText() + " (still " + status + ")");
      }
      Thread.sleep(500);
    }
  }
}
