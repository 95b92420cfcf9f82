package dev.lifeboat.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunModeTest {
  /** The mapper workflow inputs, query answers and record writes travel through. */
  static final ObjectMapper TEMPORAL = JacksonJsonPayloadConverter.newDefaultObjectMapper();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # mode    | prompts steps | spares production | notify prefix | recovery role
          TABLETOP  | true          | false             | ''            | false
          DRILL     | false         | true              | '[DRILL] '    | false
          RECOVERY  | false         | false             | ''            | true
          PRECHECK  | false         | false             | ''            | false
          """)
  void carriesItsRules(
      RunMode mode,
      boolean promptsSteps,
      boolean sparesProduction,
      String notifyPrefix,
      boolean recoveryRole) {
    assertThat(mode.promptsSteps()).as("prompts steps").isEqualTo(promptsSteps);
    assertThat(mode.sparesProduction()).as("spares production").isEqualTo(sparesProduction);
    assertThat(mode.notifyPrefix()).as("notify prefix").isEqualTo(notifyPrefix);
    assertThat(mode.requiresRecoveryRole()).as("recovery role").isEqualTo(recoveryRole);
  }

  @Nested
  class Json {
    @Test
    void writesTheRunStateEnumsByTheirApiNames() throws Exception {
      assertThat(TEMPORAL.writeValueAsString(RunMode.TABLETOP)).isEqualTo("\"tabletop\"");
      assertThat(TEMPORAL.writeValueAsString(RunStatus.SUCCEEDED_WITH_FINDINGS))
          .isEqualTo("\"succeeded_with_findings\"");
      assertThat(TEMPORAL.writeValueAsString(StepStatus.AWAITING_ACK))
          .isEqualTo("\"awaiting_ack\"");
      assertThat(TEMPORAL.writeValueAsString(RunEventType.STEP_ATTEMPT_FAILED))
          .isEqualTo("\"step.attempt_failed\"");
    }

    @Test
    void readsTheirApiNamesAndTheConstantNamesHistoriesHoldFromBefore() throws Exception {
      assertThat(read("\"drill\"", RunMode.class)).isEqualTo(RunMode.DRILL);
      assertThat(read("\"DRILL\"", RunMode.class)).isEqualTo(RunMode.DRILL);
      assertThat(read("\"succeeded_with_failures\"", RunStatus.class))
          .isEqualTo(RunStatus.SUCCEEDED_WITH_FAILURES);
      assertThat(read("\"SUCCEEDED_WITH_FAILURES\"", RunStatus.class))
          .isEqualTo(RunStatus.SUCCEEDED_WITH_FAILURES);
      assertThat(read("\"awaiting_ack\"", StepStatus.class)).isEqualTo(StepStatus.AWAITING_ACK);
      assertThat(read("\"AWAITING_ACK\"", StepStatus.class)).isEqualTo(StepStatus.AWAITING_ACK);
      assertThat(read("\"run.started\"", RunEventType.class)).isEqualTo(RunEventType.RUN_STARTED);
      assertThat(read("\"RUN_STARTED\"", RunEventType.class)).isEqualTo(RunEventType.RUN_STARTED);
    }

    @Test
    void refusesAnUnknownNameNamingTheKnownOnes() {
      assertThatThrownBy(() -> read("\"party\"", RunMode.class))
          .hasMessageContaining(
              "unknown RunMode 'party'; known: tabletop, drill, recovery, precheck");
    }

    @Test
    void aRunStateRoundTrips() throws Exception {
      RunState state =
          new RunState(
              "r",
              RunStatus.RUNNING,
              null,
              null,
              List.of(StepState.pending("s", "a", "verify-backup")),
              List.of());

      assertThat(read(TEMPORAL.writeValueAsString(state), RunState.class)).isEqualTo(state);
    }

    private static <T> T read(String json, Class<T> type) throws Exception {
      return TEMPORAL.readValue(json, type);
    }
  }
}
