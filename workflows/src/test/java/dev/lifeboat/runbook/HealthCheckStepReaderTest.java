package dev.lifeboat.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A health check's until_healthy window must fit in one attempt. */
class HealthCheckStepReaderTest {
  private static ParseResult parse(String policy) {
    String text =
        """
        name: window
        title: A window
        owner: sre
        objectives: {rto: 15m, rpo: 1h}
        stages:
          - name: check
            steps:
              - id: port
                kind: health-check
                tcp: {host: db.example, port: 5432}
        """
            + policy;
    return new RunbookParser().parse("window.yml", text);
  }

  @Test
  void refusesAWindowTheStepsTimeoutWouldCutShort() {
    assertThat(parse("        until_healthy: 10m\n").problems())
        .extracting(RunbookProblem::format)
        .containsExactly(
            "window.yml:11:24: stages[0].steps[0].until_healthy: until_healthy (10m) must be"
                + " shorter than the step's timeout (10m, the default): one attempt polls the whole"
                + " window and the last probe runs at its end; set timeout longer, e.g. 11m");
    assertThat(parse("        until_healthy: 2m\n        timeout: 1m\n").problems())
        .extracting(RunbookProblem::message)
        .singleElement()
        .asString()
        .startsWith("until_healthy (2m) must be shorter than the step's timeout (1m):");
  }

  @Test
  void acceptsAWindowWithinTheTimeoutWhateverTheRetries() {
    assertThat(
            parse(
                    "        until_healthy: 10s\n"
                        + "        timeout: 1m\n"
                        + "        retry: {attempts: 5, initial_interval: 10s}\n")
                .problems())
        .isEmpty();
  }
}
