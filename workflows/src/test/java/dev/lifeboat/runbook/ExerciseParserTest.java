package dev.lifeboat.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code exercise:}, the plan's coverage policy: read, refused when wrong, recorded compatibly. */
class ExerciseParserTest {
  private static final ObjectMapper JSON = JacksonJsonPayloadConverter.newDefaultObjectMapper();
  private final RunbookParser parser = new RunbookParser();

  static String plan(String exerciseBlock) {
    return """
        name: with-exercise
        title: With exercise
        owner: sre
        objectives: {rto: 15m, rpo: 1h}
        """
        + exerciseBlock
        + """
        stages:
          - name: work
            steps:
              - id: check
                kind: verify-backup
                path: /backups/app.dump
        """;
  }

  private Runbook read(String exerciseBlock) {
    return parser.parse("e.yml", plan(exerciseBlock)).runbook().orElseThrow();
  }

  private List<String> problems(String exerciseBlock) {
    return parser.parse("e.yml", plan(exerciseBlock)).problems().stream()
        .map(RunbookProblem::format)
        .toList();
  }

  @Test
  void readsBothIntervals() {
    Exercise exercise = read("exercise: {tabletop_every: 180d, drill_every: 90d}\n").exercise();
    assertThat(exercise.tabletopEvery()).isEqualTo(Duration.ofDays(180));
    assertThat(exercise.drillEvery()).isEqualTo(Duration.ofDays(90));
    assertThat(exercise.every("recovery")).isEmpty();
  }

  @Test
  void eitherIntervalMayBeLeftOut() {
    Exercise exercise = read("exercise:\n  drill_every: 84d\n").exercise();
    assertThat(exercise.every("drill")).contains(Duration.ofDays(84));
    assertThat(exercise.every("tabletop")).isEmpty();
  }

  @Test
  void aPlanWithoutExerciseHasNone() {
    assertThat(read("").exercise()).isNull();
  }

  @Test
  void badValuesAndUnknownKeysAreProblemsWithTheirLine() {
    assertThat(problems("exercise:\n  drill_every: quarterly\n  audit_every: 1d\n"))
        .containsExactly(
            "e.yml:6:16: exercise.drill_every: 'quarterly' is not a duration; use e.g. 30s, 5m,"
                + " 1h30m",
            "e.yml:7:3: exercise.audit_every: unknown field 'audit_every'; expected one of:"
                + " tabletop_every, drill_every");
  }

  @Test
  void anEmptyPolicyAndAnOverlongIntervalAreProblems() {
    assertThat(problems("exercise: {}\n")).singleElement().asString().contains("e.yml:5:11");
    assertThat(problems("exercise: {drill_every: 400d}\n"))
        .singleElement()
        .asString()
        .contains("exercise.drill_every", "longer than the longest duration allowed");
  }

  @Test
  void plansRecordedBeforeExerciseStillDecodeAndNewOnesRoundTrip() throws Exception {
    Runbook without = read("");
    String json = JSON.writeValueAsString(without);
    assertThat(json).doesNotContain("\"exercise\"");
    assertThat(JSON.readValue(json, Runbook.class)).isEqualTo(without);

    Runbook with = read("exercise: {drill_every: 90d}\n");
    assertThat(JSON.readValue(JSON.writeValueAsString(with), Runbook.class)).isEqualTo(with);
  }
}
