package dev.lifeboat.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code finally:} is a list of stages like {@code stages:}, sharing their ids and names. */
class FinallyStagesParserTest {
  private final RunbookParser parser = new RunbookParser();

  static String plan(String finallyBlock) {
    return """
        name: with-finally
        title: With finally
        owner: sre
        objectives: {rto: 15m, rpo: 1h}
        stages:
          - name: work
            steps:
              - id: check
                kind: verify-backup
                path: /backups/app.dump
        """
        + finallyBlock;
  }

  List<String> problems(String text) {
    return parser.parse("f.yml", text).problems().stream().map(RunbookProblem::format).toList();
  }

  @Test
  void readsFinallyStagesAfterTheOthers() {
    Runbook runbook =
        parser
            .parse(
                "f.yml",
                plan(
                    """
                    finally:
                      - name: tell
                        steps:
                          - id: tell
                            kind: notify
                            channel: log
                            message: "${run.outcome}"
                    """))
            .runbook()
            .orElseThrow();

    assertThat(runbook.stages()).extracting(Stage::name).containsExactly("work");
    assertThat(runbook.finallyStages()).extracting(Stage::name).containsExactly("tell");
    assertThat(runbook.steps().map(Step::id)).containsExactly("check", "tell");
  }

  @Test
  void aPlanWithoutFinallyHasNoFinallyStages() {
    assertThat(parser.parse("f.yml", plan("")).runbook().orElseThrow().finallyStages()).isEmpty();
  }

  @Test
  void stepIdsAndStageNamesAreUniqueAcrossStagesAndFinally() {
    assertThat(
            problems(
                plan(
                    """
                    finally:
                      - name: work
                        steps:
                          - id: check
                            kind: notify
                            channel: log
                            message: done
                    """)))
        .containsExactly(
            "f.yml:12:11: finally[0].name: duplicate stage name 'work' (first at line 6)",
            "f.yml:14:13: finally[0].steps[0].id: duplicate step id 'check' (first at line 8)");
  }

  @Test
  void anEmptyFinallyIsAProblem() {
    assertThat(problems(plan("finally: []\n")))
        .containsExactly(
            "f.yml:11:10: finally: finally needs at least one stage; remove it if nothing runs at"
                + " the end");
  }
}
