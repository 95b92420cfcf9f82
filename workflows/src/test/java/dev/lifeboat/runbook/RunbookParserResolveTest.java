package dev.lifeboat.runbook;

import static dev.lifeboat.runbook.Fixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** resolve(): launch values checked against the plan's params, then substituted. */
class RunbookParserResolveTest {
  private static final String PLAN = "full-plan.yml";
  private final RunbookParser parser = new RunbookParser();

  private ParseResult resolve(Map<String, String> params) {
    return parser.resolve(
        PLAN, Fixtures.text("valid/" + PLAN), new RunBindings("r-42", "drill", "alice", params));
  }

  private static List<String> formatted(ParseResult result) {
    return result.problems().stream().map(RunbookProblem::format).toList();
  }

  @Nested
  class WithGoodLaunchValues {
    private final ParseResult result =
        resolve(Map.of("backup_path", "/backups/orders.dump", "expected_rows", "1200"));

    @Test
    void returnsEveryDeclaredParamWithDefaultsApplied() {
      assertThat(result.problems()).as("launch values that fit the plan").isEmpty();
      assertThat(result.params())
          .isEqualTo(
              Map.of(
                  "backup_path", "/backups/orders.dump",
                  "expected_rows", "1200",
                  "strict", "false",
                  "grace", "2m"));
    }

    @Test
    void substitutesParamsAndRunValuesInTextFields() {
      RestoreDataStep restore = (RestoreDataStep) step(result, "restore");
      HealthCheckStep rows = (HealthCheckStep) step(result, "rows");

      assertThat(restore.request().source()).isEqualTo("/backups/orders.dump");
      assertThat(restore.request().database()).isEqualTo("drill_r-42");
      assertThat(rows.request().sql().database()).isEqualTo("drill_r-42");
      assertThat(rows.request().sql().expect()).isEqualTo("1200");
      assertThat(((VerifyBackupStep) step(result, "verify-dump")).request().path())
          .isEqualTo("/backups/orders.dump");
    }

    @Test
    void leavesTheNotifyMessageForTheNotifyActivityToRender() {
      assertThat(((NotifyStep) step(result, "tell")).message())
          .isEqualTo(
              "Drill ${run.id} of ${plan.name} finished (expected ${params.expected_rows} rows)");
    }
  }

  @Test
  void substitutesModeLauncherAndPlanName() {
    String text =
        """
        name: who-ran-it
        title: Who
        owner: dba
        objectives: {rto: 1m, rpo: 1m}
        stages:
          - name: s
            steps:
              - id: web
                kind: health-check
                http: {url: "http://h/${plan.name}/${run.mode}?by=${run.launcher}&r=${ run.id }"}
        """;

    ParseResult result =
        parser.resolve("inline", text, new RunBindings("r1", "tabletop", "bob", Map.of()));

    assertThat(((HealthCheckStep) step(result, "web")).request().http().url())
        .isEqualTo("http://h/who-ran-it/tabletop?by=bob&r=r1");
  }

  @Test
  void insertsValuesVerbatimEvenWithDollarSignsAndBackslashes() {
    ParseResult result = resolve(Map.of("backup_path", "C:\\dumps\\$1.dump"));

    assertThat(((RestoreDataStep) step(result, "restore")).request().source())
        .isEqualTo("C:\\dumps\\$1.dump");
  }

  @Test
  void rejectsAMissingRequiredParamAtItsDeclaration() {
    assertThat(formatted(resolve(Map.of())))
        .containsExactly(
            "full-plan.yml:7:3: params.backup_path: required param 'backup_path' was not given");
  }

  @Test
  void rejectsAnUnknownParamSuggestingTheDeclaredOne() {
    assertThat(formatted(resolve(Map.of("backup_path", "/b", "expected_row", "5"))))
        .containsExactly(
            "full-plan.yml: params.expected_row: unknown param 'expected_row'; did you mean"
                + " 'expected_rows'?");
  }

  @Test
  void rejectsValuesThatDoNotFitTheirTypes() {
    assertThat(
            formatted(
                resolve(
                    Map.of(
                        "backup_path", "/b",
                        "expected_rows", "lots",
                        "strict", "yes",
                        "grace", "soon"))))
        .containsExactly(
            "full-plan.yml:11:3: params.expected_rows: bad launch value: expected an integer, got"
                + " 'lots'",
            "full-plan.yml:12:3: params.strict: bad launch value: expected true or false, got"
                + " 'yes'",
            "full-plan.yml:13:3: params.grace: bad launch value: expected a duration such as 30s,"
                + " 5m, 24h, got 'soon'");
  }

  @Test
  void reportsLaunchProblemsTogetherWithProblemsInTheText() {
    ParseResult result =
        parser.resolve(
            "undeclared-param.yml",
            Fixtures.text("broken/undeclared-param.yml"),
            new RunBindings("r1", "drill", "alice", Map.of()));

    assertThat(formatted(result))
        .containsExactly(
            "undeclared-param.yml:6:3: params.backup_path: required param 'backup_path' was not"
                + " given",
            "undeclared-param.yml:12:15: stages[0].steps[0].path: unknown param 'backup_pth' in"
                + " '${params.backup_pth}'; did you mean 'backup_path'?",
            "undeclared-param.yml:16:18: stages[0].steps[1].message: unknown param 'target' in"
                + " '${params.target}'; declared params: backup_path");
  }

  @Test
  void givesAnOptionalParamWithoutDefaultTheEmptyText() {
    String text =
        """
        name: optional
        title: Optional
        owner: dba
        objectives: {rto: 1m, rpo: 1m}
        params:
          suffix: {description: appended to the database name}
        stages:
          - name: s
            steps:
              - {id: r, kind: restore-data, source: /d, server: local, database: "db${params.suffix}"}
        """;

    ParseResult result =
        parser.resolve("inline", text, new RunBindings("r1", "drill", "alice", Map.of()));

    assertThat(result.params()).isEqualTo(Map.of("suffix", ""));
    assertThat(((RestoreDataStep) step(result, "r")).request().database()).isEqualTo("db");
  }

  @Nested
  class CommandLines {
    private ParseResult resolveCommand(String service) {
      return parser.resolve(
          "command.yml",
          Fixtures.text("valid/command.yml"),
          new RunBindings("r-42", "drill", "alice", Map.of("service", service)));
    }

    @Test
    void substitutesEveryValueShellQuotedSoItStaysOneWord() {
      CommandStep stop = (CommandStep) step(resolveCommand("x; touch pwned"), "stop");

      assertThat(stop.request().commandLine())
          .isEqualTo("systemctl stop 'x; touch pwned' && echo stopped 'r-42'");
    }

    @Test
    void quotesEmbeddedSingleQuotesTheWayPosixShellsReadThem() {
      CommandStep stop = (CommandStep) step(resolveCommand("it's"), "stop");

      assertThat(stop.request().commandLine()).startsWith("systemctl stop 'it'\\''s' && ");
    }

    @Test
    void refusesAValueWithANulCharacterAsAProblemOfTheCommandLine() {
      ParseResult result = resolveCommand("a\0b");

      assertThat(result.runbook()).isEmpty();
      assertThat(formatted(result))
          .containsExactly(
              "command.yml:13:14: stages[0].steps[0].run: a value substituted into a command cannot"
                  + " contain a NUL character");
    }
  }
}
