package dev.lifeboat.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.backup.ReadDepth;
import dev.lifeboat.activities.backup.VerifyBackupRequest;
import dev.lifeboat.activities.command.CommandRequest;
import dev.lifeboat.activities.health.HealthCheckRequest;
import dev.lifeboat.activities.health.HttpProbe;
import dev.lifeboat.activities.health.SqlProbe;
import dev.lifeboat.activities.health.SqlQuery;
import dev.lifeboat.activities.health.TcpProbe;
import dev.lifeboat.activities.health.Tolerance;
import dev.lifeboat.activities.notify.NotifyChannel;
import dev.lifeboat.activities.restore.RestoreDataRequest;
import dev.lifeboat.activities.restore.RestoreFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The valid fixtures bind to the model records, with every default applied. */
class RunbookParserTest {
  private final RunbookParser parser = new RunbookParser();

  private Runbook parse(String fixture) {
    ParseResult result = parser.parse(fixture, Fixtures.text("valid/" + fixture));
    assertThat(result.problems()).as("a valid fixture should parse without problems").isEmpty();
    assertThat(result.params()).as("parse() resolves no params").isEmpty();
    return result.runbook().orElseThrow();
  }

  private static Step step(Runbook runbook, String id) {
    return runbook.steps().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  @Nested
  class FullPlan {
    private final Runbook plan = parse("full-plan.yml");

    @Test
    void bindsThePlanFieldsObjectivesAndParams() {
      assertThat(plan.name()).isEqualTo("orders-restore-drill");
      assertThat(plan.title()).isEqualTo("Orders database restore drill");
      assertThat(plan.owner()).isEqualTo("dba-team");
      assertThat(plan.objectives())
          .isEqualTo(new Objectives(Duration.ofMinutes(30), Duration.ofHours(24)));
      assertThat(plan.params())
          .containsExactly(
              new Param(
                  "backup_path",
                  ParamType.STRING,
                  "The nightly pg_dump of the orders database",
                  null,
                  true),
              new Param("expected_rows", ParamType.INTEGER, null, "1000", false),
              new Param("strict", ParamType.BOOLEAN, null, "false", false),
              new Param("grace", ParamType.DURATION, null, "2m", false));
    }

    @Test
    void keepsStagesAndStepsInPlanOrder() {
      assertThat(plan.stages())
          .extracting(Stage::name)
          .containsExactly("verify", "restore", "check", "report");
      assertThat(plan.steps().map(Step::id))
          .containsExactly("verify-dump", "restore", "rows", "api", "tell");
    }

    @Test
    void leavesReferencesInPlaceWhenOnlyParsing() {
      RestoreDataStep restore = (RestoreDataStep) step(plan, "restore");

      assertThat(restore.request())
          .isEqualTo(
              new RestoreDataRequest(
                  "${params.backup_path}", "local", "drill_${run.id}", RestoreFormat.CUSTOM));
      assertThat(restore.policy())
          .isEqualTo(new StepPolicy(Duration.ofHours(1), Retry.DEFAULT, OnFailure.ABORT));
    }

    @Test
    void readsAWrittenPolicy() {
      assertThat(step(plan, "verify-dump").policy())
          .isEqualTo(
              new StepPolicy(
                  Duration.ofMinutes(5),
                  new Retry(3, Duration.ofSeconds(2), 2.0),
                  OnFailure.ABORT));
      assertThat(step(plan, "api").policy().onFailure()).isEqualTo(OnFailure.CONTINUE);
    }
  }

  @Nested
  class VerifyBackup {
    private final Runbook plan = parse("verify-backup.yml");

    @Test
    void defaultsMaxAgeToTheRpoAndMinSizeToOneByte() {
      assertThat(((VerifyBackupStep) step(plan, "defaults")).request())
          .isEqualTo(
              new VerifyBackupRequest("/backups/orders.dump", Duration.ofHours(24), 1, false));
      assertThat(step(plan, "defaults").policy()).isEqualTo(StepPolicy.defaults());
    }

    @Test
    void readsExplicitChecks() {
      assertThat(((VerifyBackupStep) step(plan, "explicit")).request())
          .isEqualTo(
              new VerifyBackupRequest("/backups/orders.dump", Duration.ofHours(6), 1024, true));
    }

    @Test
    void readsArchivesInFullUnlessTheStepSaysDepthToc() {
      assertThat(((VerifyBackupStep) step(plan, "defaults")).request().depth())
          .isEqualTo(ReadDepth.FULL);
      assertThat(((VerifyBackupStep) step(plan, "toc-only")).request().depth())
          .isEqualTo(ReadDepth.TOC);
    }
  }

  @Nested
  class RestoreData {
    @Test
    void defaultsTheFormatToAuto() {
      Runbook plan = parse("restore-data.yml");

      assertThat(((RestoreDataStep) step(plan, "restore")).request())
          .isEqualTo(
              new RestoreDataRequest(
                  "${params.dump}", "local", "scratch_${run.id}", RestoreFormat.AUTO));
      assertThat(plan.objectives().rpo()).isEqualTo(Duration.ofDays(1));
    }
  }

  @Nested
  class HealthCheck {
    private final Runbook plan = parse("health-check.yml");

    @Test
    void readsASqlProbeRunOnce() {
      assertThat(((HealthCheckStep) step(plan, "db")).request())
          .isEqualTo(
              new HealthCheckRequest(
                  new SqlProbe("local", "orders", "select 1", null), null, null, null, null));
    }

    @Test
    void readsASqlProbeComparedWithItsSource() {
      assertThat(((HealthCheckStep) step(plan, "same-as-prod")).request().sql())
          .isEqualTo(
              new SqlProbe(
                  "drill",
                  "drill_orders_${run.id}",
                  "select count(*) from orders",
                  null,
                  List.of(),
                  new SqlQuery("local", "orders", "select count(*) from orders", List.of()),
                  Tolerance.parse("0.5%").orElseThrow()));
    }

    @Test
    void readsAnHttpProbeWithItsExpectations() {
      assertThat(((HealthCheckStep) step(plan, "web")).request().http())
          .isEqualTo(
              new HttpProbe("https://orders.example/health", 204, "up", Duration.ofSeconds(3)));
    }

    @Test
    void readsATcpProbePolledUntilHealthy() {
      HealthCheckRequest request = ((HealthCheckStep) step(plan, "port")).request();

      assertThat(request.tcp()).isEqualTo(new TcpProbe("db.example", 5432, Duration.ofSeconds(2)));
      assertThat(request.untilHealthy()).isEqualTo(Duration.ofMinutes(1));
      assertThat(request.pollInterval())
          .as("default poll interval")
          .isEqualTo(Duration.ofSeconds(5));
    }
  }

  @Nested
  class Command {
    private final Runbook plan = parse("command.yml");

    @Test
    void defaultsToExitZeroAndA64KiBOutputCapAndLeavesReferencesInPlace() {
      assertThat(step(plan, "stop"))
          .isEqualTo(
              new CommandStep(
                  "stop",
                  StepPolicy.defaults(),
                  new CommandRequest(
                      "app-1",
                      "systemctl stop ${params.service} && echo stopped ${run.id}",
                      null,
                      0,
                      65536)));
    }

    @Test
    void readsTheExpectedExitCodeAndOutputCap() {
      CommandRequest request = ((CommandStep) step(plan, "grep-absent")).request();

      assertThat(request.expectExitCode()).isEqualTo(1);
      assertThat(request.outputCapBytes()).isEqualTo(1024);
      assertThat(step(plan, "grep-absent").policy().timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void acceptsHostsTheConfigurationKnows() {
      ParseResult result =
          new RunbookParser(Set.of("app-1", "db-1"))
              .parse("command.yml", Fixtures.text("valid/command.yml"));

      assertThat(result.problems()).isEmpty();
    }

    @Test
    void reportsAHostTheConfigurationDoesNotKnowWithItsPlaceAndASuggestion() {
      ParseResult result =
          new RunbookParser(Set.of("app-2", "db-1"))
              .parse("command.yml", Fixtures.text("valid/command.yml"));

      assertThat(result.runbook()).isEmpty();
      assertThat(result.problems().stream().map(RunbookProblem::format).toList())
          .containsExactly(
              "command.yml:12:15: stages[0].steps[0].host: unknown host 'app-1'; did you mean 'app-2'?",
              "command.yml:16:15: stages[0].steps[1].host: unknown host 'app-1'; did you mean 'app-2'?");
    }

    @Test
    void saysSoWhenNoHostsAreConfigured() {
      ParseResult result =
          new RunbookParser(Set.of()).parse("command.yml", Fixtures.text("valid/command.yml"));

      assertThat(result.problems().stream().map(RunbookProblem::format).toList())
          .first()
          .isEqualTo(
              "command.yml:12:15: stages[0].steps[0].host: unknown host 'app-1'; no hosts are"
                  + " configured (hosts in config.yml)");
    }
  }

  @Nested
  class Notify {
    private final Runbook plan = parse("notify.yml");

    @Test
    void readsALogMessageAsAnUnrenderedTemplate() {
      assertThat(step(plan, "log"))
          .isEqualTo(
              new NotifyStep(
                  "log",
                  StepPolicy.defaults(),
                  NotifyChannel.LOG,
                  null,
                  "Step ${step.id} for ${params.team}"));
    }

    @Test
    void readsAWebhookWithItsUrlAndRetry() {
      NotifyStep hook = (NotifyStep) step(plan, "hook");

      assertThat(hook.channel()).isEqualTo(NotifyChannel.WEBHOOK);
      assertThat(hook.url()).isEqualTo("https://hooks.example/${params.team}");
      assertThat(hook.policy().retry()).isEqualTo(new Retry(5, Duration.ofSeconds(1), 2.0));
    }

    @Test
    void readsAnEmailWithItsRecipientsAndSubjectTemplate() {
      assertThat(step(plan, "mail"))
          .isEqualTo(
              new NotifyStep(
                  "mail",
                  StepPolicy.defaults(),
                  NotifyChannel.EMAIL,
                  null,
                  "Run ${run.id} is ${run.outcome}.",
                  List.of("oncall@example.org", "${params.team}@example.org"),
                  "${plan.title}: ${run.outcome}"));
    }

    @Test
    void readsOneRecipientAndGivesTheDefaultSubject() {
      NotifyStep mail = (NotifyStep) step(plan, "mail-one");

      assertThat(mail.to()).containsExactly("dba@example.org");
      assertThat(mail.subject()).isEqualTo("Lifeboat ${run.mode}: ${plan.title}");
    }
  }

  @Test
  void acceptsUnquotedNumbersInTextFields() {
    String text =
        """
        name: numbers
        title: Numbers
        owner: dba
        objectives: {rto: 1m, rpo: 1m}
        stages:
          - name: check
            steps:
              - id: rows
                kind: health-check
                sql: {server: local, database: orders, query: select 42, expect: 42}
        """;

    Runbook plan = parser.parse("inline", text).runbook().orElseThrow();

    assertThat(((HealthCheckStep) step(plan, "rows")).request().sql().expect()).isEqualTo("42");
  }

  @Test
  void marksTheStepThatRestoresServiceAndLeavesTheOthersUnmarked() throws Exception {
    String text =
        """
        name: restore
        title: Restore
        owner: dba
        objectives: {rto: 15m, rpo: 24h}
        stages:
          - name: restore
            steps:
              - {id: verify, kind: verify-backup, path: /backups/a.dump}
              - {id: switch, kind: wait, duration: 1s, restores_service: true}
              - {id: other, kind: wait, duration: 1s, restores_service: false}
        """;

    Runbook plan = parser.parse("inline", text).runbook().orElseThrow();

    assertThat(step(plan, "switch").policy().marksServiceRestored()).isTrue();
    assertThat(step(plan, "verify").policy().marksServiceRestored()).isFalse();
    assertThat(step(plan, "other").policy().restoresService())
        .as("false is the same as not saying it")
        .isNull();
    String json =
        new ObjectMapper()
            .findAndRegisterModules()
            .writeValueAsString(step(plan, "verify").policy());
    assertThat(json).as("unmarked steps record as before").doesNotContain("restoresService");
  }

  @Test
  void reportsNothingButTheSyntaxErrorOfMalformedYaml() {
    ParseResult result = parser.parse("inline", "name: [unclosed\n");

    assertThat(result.problems()).hasSize(1);
    assertThat(result.problems().get(0).message()).startsWith("YAML syntax error: ");
    assertThat(result.params()).isEqualTo(Map.of());
    assertThat(result.problems().get(0).line()).isEqualTo(2);
  }

  @Test
  void returnsProblemsInTheOrderOfTheFile() {
    List<RunbookProblem> problems =
        parser.parse("many", Fixtures.text("broken/many-problems.yml")).problems();

    assertThat(problems).extracting(RunbookProblem::line).isSorted();
  }
}
