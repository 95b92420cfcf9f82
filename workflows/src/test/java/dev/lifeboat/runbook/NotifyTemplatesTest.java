package dev.lifeboat.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Notify templates are rendered with sample data when a plan loads, so a mistake is a problem of
 * the file with its line, not a failed step at the end of a drill.
 */
class NotifyTemplatesTest {
  private final RunbookParser parser = new RunbookParser();

  /** A plan whose only step (in stage {@code tell}) is a notify step with {@code message}. */
  static String plan(String message) {
    return """
        name: tell-plan
        title: Tell
        owner: sre
        objectives: {rto: 15m, rpo: 1h}
        params:
          team: {type: string, default: dba}
          expected: {type: integer}
        stages:
          - name: tell
            steps:
              - id: hello
                kind: notify
                channel: log
        """
        + "        message: "
        + message
        + "\n";
  }

  List<String> problems(String text) {
    return parser.parse("tell.yml", text).problems().stream().map(RunbookProblem::format).toList();
  }

  @Test
  void acceptsTemplatesThatUseTheWholeModel() {
    String message =
        "|\n"
            + "          ${plan.name} (${plan.title}) run ${run.id} ${run.mode} by ${run.launcher}:"
            + " ${run.outcome}\n"
            + "          step ${step.id} in ${step.stage} for ${params.team}, ${params.expected?number + 1}\n"
            + "          <#if failedStep.id?has_content>${failedStep.id} ${failedStep.status}"
            + " ${failedStep.summary}</#if>\n"
            + "          <#list steps as s>${s.id} ${s.status} ${s.summary}</#list>";

    assertThat(problems(plan(message))).isEmpty();
  }

  @Test
  void reportsAnUnknownVariableAtItsColumnInAOneLineMessage() {
    assertThat(problems(plan("Run ${run.outcom} ended")))
        .containsExactly(
            "tell.yml:14:24: stages[0].steps[0].message: template error: The following has"
                + " evaluated to null or missing: ==> run.outcom");
  }

  @Test
  void reportsASyntaxErrorAtItsLineInABlock() {
    String message = "|\n          Run ${run.id}\n          <#if run.outcome == \"failed\">oh no\n";

    assertThat(problems(plan(message)))
        .singleElement()
        .asString()
        .startsWith("tell.yml:16:")
        .contains("stages[0].steps[0].message: template error: ")
        .contains("#if");
  }

  @Test
  void findsAMistakeOnlyTheFailedOutcomeReaches() {
    String message = "\"<#if run.outcome == 'failed'>${failedStep.reason}</#if>\"";

    assertThat(problems(plan(message)))
        .singleElement()
        .asString()
        .startsWith("tell.yml:14:50: stages[0].steps[0].message: template error: ")
        .contains("failedStep.reason");
  }

  @Test
  void namesTheTemplatesLineWhenTheYamlFoldsIt() {
    String message = ">-\n          Run ${run.id}\n          ended ${oops}";

    assertThat(problems(plan(message)))
        .singleElement()
        .asString()
        .startsWith(
            "tell.yml:14:18: stages[0].steps[0].message: template error at template line 1,")
        .contains("oops");
  }

  @Test
  void checksTheTemplatesOfFinallyStagesToo() {
    String text =
        plan("ok")
            + """
            finally:
              - name: always
                steps:
                  - id: bye
                    kind: notify
                    channel: log
                    message: "${run.outcome} ${failedStep.oops}"
            """;

    assertThat(problems(text))
        .singleElement()
        .asString()
        .startsWith("tell.yml:21:36: finally[0].steps[0].message: template error: ")
        .contains("failedStep.oops");
  }

  @Test
  void stopsATemplateThatLoopsForEver() {
    Instant start = Instant.now();

    List<String> found =
        problems(plan("\"<#list 1..2000000000 as i><#list 1..2000000000 as j></#list></#list>\""));

    assertThat(found)
        .singleElement()
        .asString()
        .contains("template error: still rendering after 2s with sample data");
    assertThat(Duration.between(start, Instant.now()))
        .as("the loader must not hang on a runaway template")
        .isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void refusesATemplateThatRendersMoreThanAMessage() {
    assertThat(problems(plan("\"<#list 1..2000000 as i>xxxxxxxxxx</#list>\"")))
        .singleElement()
        .asString()
        .contains("template error: the message is longer than 1000000 characters");
  }
}
