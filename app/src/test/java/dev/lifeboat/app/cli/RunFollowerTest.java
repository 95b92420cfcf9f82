package dev.lifeboat.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The last line {@code lifeboat run} prints: the run's status as the API says it, with what the
 * status alone does not say, and a non-zero exit for anything but a plain success.
 */
class RunFollowerTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ObjectMapper json = new ObjectMapper();

  private JsonNode run(String status, String steps, String findings) throws Exception {
    return json.readTree(
        "{\"id\": \"r-1\", \"status\": \""
            + status
            + "\", \"steps\": ["
            + steps
            + "], \"findings\": ["
            + findings
            + "]}");
  }

  private static String step(String id, String status) {
    return "{\"stage\": \"s\", \"id\": \"" + id + "\", \"status\": \"" + status + "\"}";
  }

  private void follow(JsonNode run) throws Exception {
    new RunFollower(new PrintStream(out, true, StandardCharsets.UTF_8))
        .follow(() -> run, Duration.ofSeconds(5));
  }

  @Test
  void aPlainSuccessEndsQuietly() throws Exception {
    follow(run("succeeded", step("a", "succeeded"), ""));

    assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("run r-1 succeeded\n");
  }

  @Test
  void aCarriedOverStepOfAResumedRunNamesTheRunItRanIn() throws Exception {
    String carried =
        "{\"stage\": \"s\", \"id\": \"a\", \"status\": \"succeeded\", \"summary\":"
            + " \"restored\", \"carriedOverFrom\": \"r-0\"}";
    follow(run("succeeded", carried + "," + step("b", "succeeded"), ""));

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("a                            succeeded  carried over from run r-0: restored\n")
        .endsWith("run r-1 succeeded\n");
  }

  @Test
  void endsWithHowCleanupWentWhenTheRunHadUndos() throws Exception {
    JsonNode run =
        json.readTree(
            "{\"id\": \"r-1\", \"status\": \"succeeded\", \"steps\": ["
                + step("a", "succeeded")
                + "], \"cleanup\": \"incomplete (a)\"}");

    follow(run);

    assertThat(out.toString(StandardCharsets.UTF_8))
        .endsWith("run r-1 succeeded; cleanup: incomplete (a)\n");
  }

  @Test
  void aSuccessWithFailuresNamesThemAndExitsNonZero() throws Exception {
    JsonNode run =
        run(
            "succeeded_with_failures",
            step("a", "succeeded") + "," + step("optional", "failed"),
            "");

    assertThatThrownBy(() -> follow(run))
        .isInstanceOf(RunFollower.RunDidNotSucceed.class)
        .hasMessage("run r-1 succeeded_with_failures (failed: optional)");
  }

  @Test
  void aTabletopWithGapsCountsItsFindings() throws Exception {
    JsonNode run =
        run("succeeded_with_findings", step("a", "acknowledged"), "{\"stepId\": \"a\"}, {}");

    assertThatThrownBy(() -> follow(run))
        .isInstanceOf(RunFollower.RunDidNotSucceed.class)
        .hasMessage("run r-1 succeeded_with_findings (2 findings)");
  }

  @Test
  void aFailedFinallyStepIsNamedEvenWhenTheRunSucceeded() throws Exception {
    follow(run("succeeded", step("a", "succeeded") + "," + step("tell", "failed"), ""));

    assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("run r-1 succeeded (failed: tell)\n");
  }

  @Test
  void showsEachApprovalAndPauseAsItHappensWithHowToAnswer() throws Exception {
    java.util.Iterator<JsonNode> states =
        List.of(
                run("running", waiting("gate", "awaiting_approval", "awaiting 2 approvals"), ""),
                run("running", waiting("gate", "awaiting_approval", "awaiting 2 approvals"), ""),
                run("running", waiting("gate", "awaiting_approval", "approved by 1 of 2"), ""),
                run("paused", waiting("load", "awaiting_decision", "disk full"), ""),
                run("succeeded", step("load", "succeeded"), ""))
            .iterator();
    new RunFollower(new PrintStream(out, true, StandardCharsets.UTF_8))
        .follow(states::next, Duration.ofSeconds(20));

    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .containsSubsequence(
            "gate",
            "awaiting 2 approvals",
            "lifeboat approve r-1 gate",
            "approved by 1 of 2",
            "load",
            "disk full",
            "run paused; decide: lifeboat decide r-1 load retry|skip|abort --reason",
            "run r-1 succeeded");
    assertThat(printed.split("awaiting 2 approvals", -1))
        .as("a waiting step is printed again only when its summary changes")
        .hasSize(2);
  }

  private static String waiting(String id, String status, String summary) {
    return "{\"stage\": \"s\", \"id\": \""
        + id
        + "\", \"status\": \""
        + status
        + "\", \"summary\": \""
        + summary
        + "\"}";
  }

  @Test
  void endsWithAPassingVerdictAndWhatWasMeasured() throws Exception {
    JsonNode run =
        json.readTree(
            "{\"id\": \"r-1\", \"mode\": \"drill\", \"status\": \"succeeded\", \"steps\": ["
                + step("a", "succeeded")
                + "], \"cleanup\": \"complete\", \"verdict\": \"pass\", \"reasons\": [],"
                + " \"objectives\": {\"rto\": \"15m\", \"rpo\": \"24h\"},"
                + " \"measured\": {\"rto\": \"4s120ms\", \"rpo\": \"2s\"}}");

    follow(run);

    assertThat(out.toString(StandardCharsets.UTF_8))
        .endsWith(
            "run r-1 succeeded; cleanup: complete\n"
                + "verdict: pass — RTO 4s120ms (objective 15m), RPO 2s (objective 24h)\n");
  }

  @Test
  void aFailedVerdictEndsWithItsReasonsAndExitsNonZeroThoughTheRunSucceeded() throws Exception {
    JsonNode run =
        json.readTree(
            "{\"id\": \"r-1\", \"mode\": \"drill\", \"status\": \"succeeded\", \"steps\": ["
                + step("a", "succeeded")
                + "], \"verdict\": \"fail\", \"reasons\": [{\"reason\": \"rto_exceeded\","
                + " \"message\": \"RTO exceeded by 3m12s (achieved 18m12s, objective 15m)\"},"
                + " {\"reason\": \"rpo_not_measured\", \"message\": \"RPO not measured\"}]}");

    assertThatThrownBy(() -> follow(run))
        .isInstanceOf(RunFollower.RunDidNotSucceed.class)
        .hasMessage(
            "run r-1 succeeded"
                + System.lineSeparator()
                + "verdict: fail — RTO exceeded by 3m12s (achieved 18m12s, objective 15m); RPO not"
                + " measured");
  }

  @Test
  void aTabletopRunSaysItHasNoVerdict() throws Exception {
    JsonNode run =
        json.readTree(
            "{\"id\": \"r-1\", \"mode\": \"tabletop\", \"status\": \"succeeded\", \"steps\": ["
                + step("a", "acknowledged")
                + "], \"verdict\": null}");

    follow(run);

    assertThat(out.toString(StandardCharsets.UTF_8))
        .endsWith("verdict: not applicable (a tabletop run has no real timings)\n");
  }
}
