package dev.lifeboat.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code drill:} on a step: {@code as-is} is read into the step's policy and kept in the recorded
 * plan; anything else is a problem of the file naming the allowed value.
 */
class DrillDeclarationTest {
  private static final String PLAN =
      """
      name: declared
      title: Declared
      owner: sre
      objectives: {rto: 1h, rpo: 1h}
      stages:
        - name: only
          steps:
            - id: fence
              kind: command
              host: db-2
              run: fence-postgres
              drill: %s
      """;

  private final RunbookParser parser =
      new RunbookParser(Map.of("db-2", Optional.of("dr-east")), Set.of());

  private ParseResult parse(String drill) {
    return parser.parse("declared.yml", PLAN.formatted(drill));
  }

  /** The problems of the plan with {@code drill: <drill>}, as the CLI prints them. */
  private List<String> problemsOf(String drill) {
    return parse(drill).problems().stream().map(RunbookProblem::format).toList();
  }

  @Test
  void readsDrillAsIsIntoThePolicyAlongsideTheHostsSite() {
    ParseResult result =
        parser.resolve(
            "declared.yml",
            PLAN.formatted("as-is"),
            new RunBindings("r-1", "drill", "alice", Map.of()));

    assertThat(result.problems()).isEmpty();
    StepPolicy policy = Fixtures.step(result, "fence").policy();
    assertThat(policy.drill()).isEqualTo(DrillDeclaration.AS_IS);
    assertThat(policy.runsAsIsInDrills()).isTrue();
    assertThat(policy.site()).as("site routing keeps the declaration").isEqualTo("dr-east");
  }

  @Test
  void recordsTheDeclarationAndLeavesItOutWhenThereIsNone() throws Exception {
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    StepPolicy declared = Fixtures.step(parse("as-is"), "fence").policy();

    String recorded = json.writeValueAsString(declared);
    assertThat(recorded).contains("\"drill\":\"as-is\"");
    assertThat(json.readValue(recorded, StepPolicy.class)).isEqualTo(declared);
    assertThat(json.writeValueAsString(StepPolicy.defaults()))
        .as("plans without drill: record as they did before it existed")
        .doesNotContain("drill");
    assertThat(
            json.readValue(
                    "{\"timeout\":60.0,\"retry\":{\"attempts\":3,\"initialInterval\":1.0,"
                        + "\"backoff\":2.0},\"onFailure\":\"ABORT\"}",
                    StepPolicy.class)
                .drill())
        .as("a policy recorded before drill: existed reads as declaring nothing")
        .isNull();
  }

  @Test
  void theSchemaAcceptsAsIsAndNothingElse() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonSchema schema = RunbookSchemaTest.load();

    assertThat(schema.validate(yaml.readTree(PLAN.formatted("as-is")))).isEmpty();
    assertThat(schema.validate(yaml.readTree(PLAN.formatted("yes")))).isNotEmpty();
    assertThat(schema.validate(yaml.readTree(PLAN.formatted("{database: drill_shop}"))))
        .isNotEmpty();
  }

  @Test
  void refusesAnyOtherWordNamingTheAllowedValue() {
    assertThat(problemsOf("yes"))
        .containsExactly(
            "declared.yml:12:16: stages[0].steps[0].drill: expected as-is (the step is safe to"
                + " run as written in a drill) or a map of the step's fields to override in a"
                + " drill, got 'yes'");
    assertThat(problemsOf("as_is"))
        .containsExactly(
            "declared.yml:12:16: stages[0].steps[0].drill: expected as-is (the step is safe to"
                + " run as written in a drill) or a map of the step's fields to override in a"
                + " drill, got 'as_is'; did you mean 'as-is'?");
  }

  @Test
  void namesTheFieldsAKindMayOverrideWhenAMapOverridesAnother() {
    assertThat(problemsOf("{database: drill_shop}"))
        .containsExactly(
            "declared.yml:12:17: stages[0].steps[0].drill.database: field 'database' cannot be"
                + " overridden in a drill; a command step may override: host, run, expect_exit");
  }

  @Test
  void refusesAParamAListAndNothing() {
    assertThat(problemsOf("${run.mode}"))
        .containsExactly(
            "declared.yml:12:16: stages[0].steps[0].drill: parameters are only allowed in text"
                + " fields; write as-is here");
    assertThat(problemsOf("[as-is]"))
        .containsExactly(
            "declared.yml:12:16: stages[0].steps[0].drill: expected as-is, got a list");
    assertThat(problemsOf(""))
        .containsExactly(
            "declared.yml:12:15: stages[0].steps[0].drill: expected as-is, got nothing");
  }
}
