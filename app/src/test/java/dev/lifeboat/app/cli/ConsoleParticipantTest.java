package dev.lifeboat.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code lifeboat run --mode tabletop} at a terminal: the participant answers each prompt. */
class ConsoleParticipantTest {
  private static final String STEP =
      """
      {"id": "verify-dump", "status": "awaiting_ack",
       "prompt": {"kind": "verify-backup", "owner": "dba-team",
                  "fields": {"path": "${params.backup_path}", "max_age": "24h",
                             "sql": {"server": "local"}, "actions": ["a", {"ssh": {"host": "h"}}]}}}
      """;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final List<String> sent = new ArrayList<>();

  private void answer(String typed, String refusal) throws Exception {
    JsonNode step = new ObjectMapper().readTree(STEP);
    new ConsoleParticipant(
            new BufferedReader(new StringReader(typed)),
            new PrintStream(printed, true, StandardCharsets.UTF_8),
            (id, body) -> {
              sent.add(id + " " + body);
              return refusal;
            })
        .prompted(step);
  }

  private String printed() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void showsTheFieldsAsWrittenAndSendsOk() throws Exception {
    answer("ok\n\n", null);

    assertThat(printed())
        .contains("verify-dump (verify-backup), owner dba-team:")
        .contains("      max_age: 24h")
        .contains("      path: ${params.backup_path}")
        .contains("      sql:\n        server: local");
    assertThat(sent).containsExactly("verify-dump {\"outcome\":\"ok\"}");
  }

  @Test
  void asksAgainForAnUnknownAnswerAndForAGapWithoutNotes() throws Exception {
    answer("yes\ngap\n\ngap\nnobody knows where the sidecar lives\n", null);

    assertThat(printed())
        .contains("answer ok, or gap when something is missing")
        .contains("a gap needs notes saying what is missing");
    assertThat(sent)
        .containsExactly(
            "verify-dump {\"outcome\":\"gap\",\"notes\":\"nobody knows where the sidecar lives\"}");
  }

  @Test
  void printsARefusalAndLeavesTheStep() throws Exception {
    answer("ok\n\n", "refused (409): step verify-dump was already acknowledged");

    assertThat(printed()).contains("not taken: refused (409): step verify-dump was already");
    assertThat(sent).hasSize(1);
  }

  @Test
  void leavesTheStepToOthersWhenInputEnds() throws Exception {
    answer("", null);
    assertThat(sent).isEmpty();
  }
}
