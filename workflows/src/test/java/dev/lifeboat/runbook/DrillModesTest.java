package dev.lifeboat.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.command.CommandRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The modes in the language: {@code modes:} per step, {@code drill:} overrides of a step's fields
 * (the fields each kind allows), the plan's {@code drill: {params}} and {@code drills: exclusive},
 * and the load-time rule that a step acting on production says what it does in a drill.
 */
class DrillModesTest {
  /** prod-db and the prod server are production; app-1, drill-db and scratch are not. */
  private static final ProductionTargets PRODUCTION =
      new ProductionTargets(Set.of("prod-db"), Set.of("prod"));

  private final RunbookParser parser =
      new RunbookParser(
              Map.of(
                  "prod-db", Optional.empty(),
                  "app-1", Optional.empty(),
                  "drill-db", Optional.empty()),
              Set.of("prod", "scratch"))
          .withDrillRule(PRODUCTION);

  private static String plan(String stepsYaml) {
    return """
        name: modal
        title: Modal
        owner: sre
        objectives: {rto: 1h, rpo: 1h}
        params:
          host: {type: string, default: app-1}
          orders: {type: integer, default: "10"}
        stages:
          - name: only
            steps:
        """
        + stepsYaml.indent(6);
  }

  private List<String> loadProblems(String text) {
    return parser.parse("modal.yml", text).problems().stream().map(RunbookProblem::format).toList();
  }

  private Runbook resolved(String text, String mode, Map<String, String> params) {
    ParseResult result =
        parser.resolve("modal.yml", text, new RunBindings("r-1", mode, "alice", params));
    assertThat(result.problems()).as("the plan resolves").isEmpty();
    return result.runbook().orElseThrow();
  }

  private static CommandRequest command(Runbook plan) {
    return ((CommandStep) plan.steps().findFirst().orElseThrow()).request();
  }

  @Nested
  class Modes {
    @Test
    void readsTheModesAStepRunsIn() {
      Runbook plan =
          resolved(
              plan(
                  """
                  - {id: restart, kind: command, host: app-1, run: restart, modes: [recovery]}
                  """),
              "recovery",
              Map.of());
      StepPolicy policy = plan.steps().findFirst().orElseThrow().policy();
      assertThat(policy.modes()).containsExactly("recovery");
      assertThat(policy.runsIn("recovery")).isTrue();
      assertThat(policy.runsIn("drill")).isFalse();
      assertThat(plan.declaresModes()).isTrue();
    }

    @Test
    void aStepWithoutModesRunsInEveryMode() {
      StepPolicy policy =
          resolved(plan("- {id: restart, kind: command, host: app-1, run: x}"), "drill", Map.of())
              .steps()
              .findFirst()
              .orElseThrow()
              .policy();
      assertThat(policy.modes()).isNull();
      assertThat(policy.runsIn("tabletop") && policy.runsIn("drill") && policy.runsIn("recovery"))
          .isTrue();
    }

    @Test
    void reportsAnUnknownModeARepeatedOneAndAnEmptyList() {
      assertThat(
              loadProblems(
                  plan(
                      """
                      - {id: a, kind: command, host: app-1, run: x, modes: [recovry]}
                      - {id: b, kind: command, host: app-1, run: x, modes: [drill, drill]}
                      - {id: c, kind: command, host: app-1, run: x, modes: []}
                      """)))
          .containsExactly(
              "modal.yml:11:61: stages[0].steps[0].modes[0]: unknown run mode 'recovry'; did you"
                  + " mean 'recovery'?",
              "modal.yml:12:68: stages[0].steps[1].modes[1]: run mode 'drill' is listed twice",
              "modal.yml:13:60: stages[0].steps[2].modes: modes needs at least one of tabletop,"
                  + " drill, recovery; remove it for all");
    }

    @Test
    void refusesADrillDeclarationOnAStepThatDrillsSkip() {
      assertThat(
              loadProblems(
                  plan(
                      """
                      - id: a
                        kind: command
                        host: app-1
                        run: x
                        modes: [recovery]
                        drill: as-is
                      """)))
          .containsExactly(
              "modal.yml:16:16: stages[0].steps[0].drill: the step does not run in drills (modes:"
                  + " recovery), so what it does in a drill says nothing; remove drill: or add"
                  + " drill to modes");
    }
  }

  @Nested
  class Overrides {
    private final String overridden =
        plan(
            """
            - id: restart
              kind: command
              host: prod-db
              run: systemctl restart shop
              drill:
                host: drill-db
                run: systemctl restart shop-drill
            """);

    @Test
    void aDrillRunsTheStepWithItsOverrides() {
      CommandRequest request = command(resolved(overridden, "drill", Map.of()));
      assertThat(request.host()).isEqualTo("drill-db");
      assertThat(request.commandLine()).contains("shop-drill");
    }

    @Test
    void aRecoveryAndATabletopRunIgnoreThem() {
      assertThat(command(resolved(overridden, "recovery", Map.of())).host()).isEqualTo("prod-db");
      assertThat(command(resolved(overridden, "tabletop", Map.of())).host()).isEqualTo("prod-db");
    }

    @Test
    void overridesCountAsSayingWhatTheStepDoesInADrill() {
      assertThat(loadProblems(overridden)).isEmpty();
    }

    @Test
    void anOverrideIsCheckedLikeTheFieldItReplacesAtItsOwnLine() {
      assertThat(
              loadProblems(
                  plan(
                      """
                      - id: restart
                        kind: command
                        host: app-1
                        run: x
                        drill:
                          host: drill-dbb
                      """)))
          .hasSize(1)
          .first()
          .asString()
          .startsWith("modal.yml:16:17: stages[0].steps[0].host: ")
          .contains("drill-dbb");
    }

    @Test
    void namesTheFieldsTheKindLetsADrillOverride() {
      assertThat(
              loadProblems(
                  plan(
                      """
                      - id: restart
                        kind: command
                        host: app-1
                        run: x
                        drill: {timeout: 1m, output_cap: 10}
                      """)))
          .containsExactly(
              "modal.yml:15:17: stages[0].steps[0].drill.timeout: field 'timeout' cannot be"
                  + " overridden in a drill; a command step may override: host, run, expect_exit",
              "modal.yml:15:30: stages[0].steps[0].drill.output_cap: field 'output_cap' cannot be"
                  + " overridden in a drill; a command step may override: host, run,"
                  + " expect_exit");
    }

    @Test
    void everyKindMayOverrideOnlyItsOwnFields() {
      for (StepKind<?> kind : StepKinds.all()) {
        assertThat(kind.fields()).as(kind.name()).containsAll(kind.drillFields());
      }
    }
  }

  @Nested
  class LoadTimeRule {
    @Test
    void aStepActingOnProductionThatSaysNothingIsAProblemAtLoad() {
      assertThat(
              loadProblems(
                  plan(
                      """
                      - {id: restart, kind: command, host: prod-db, run: x}
                      - id: switch
                        kind: start-failover
                        actions: [{http: {method: PUT, url: "https://lb.example/pool"}}]
                      """)))
          .containsExactly(
              "modal.yml:11:9: stages[0].steps[0]: command step 'restart' runs a command on"
                  + " production host 'prod-db', which a drill does not do; say what the step"
                  + " does in a drill: drill: overrides of its fields (e.g. another host), modes:"
                  + " without drill (a drill skips it), or drill: as-is if it is safe to run as"
                  + " written",
              "modal.yml:12:9: stages[0].steps[1]: start-failover step 'switch' fails production"
                  + " over (PUT https://lb.example/pool), which a drill does not do; say what the"
                  + " step does in a drill: drill: overrides of its fields (e.g. another host),"
                  + " modes: without drill (a drill skips it), or drill: as-is if it is safe to"
                  + " run as written");
    }

    @Test
    void modesWithoutDrillOrAsIsSayIt() {
      assertThat(
              loadProblems(
                  plan(
                      """
                      - {id: a, kind: command, host: prod-db, run: x, modes: [tabletop, recovery]}
                      - {id: b, kind: command, host: prod-db, run: x, drill: as-is}
                      """)))
          .isEmpty();
    }

    @Test
    void aFailoverOverriddenOntoDrillMachinesLoadsOneOntoProductionDoesNot() {
      String failover =
          """
          - id: fail-over
            kind: start-failover
            actions: [{promote: {server: prod}}]
            drill:
              actions: [{promote: {server: %s}}]
          """;
      assertThat(loadProblems(plan(failover.formatted("scratch")))).isEmpty();
      assertThat(loadProblems(plan(failover.formatted("prod"))))
          .containsExactly(
              "modal.yml:11:9: stages[0].steps[0]: start-failover step 'fail-over' acts in a"
                  + " drill on server 'prod', which a drill does not do; say what the step does"
                  + " in a drill: drill: overrides of its fields (e.g. another host), modes:"
                  + " without drill (a drill skips it), or drill: as-is if it is safe to run as"
                  + " written");
    }

    @Test
    void aHostGivenAsAParamIsLeftToTheLaunch() {
      assertThat(
              loadProblems(
                  plan("- {id: restart, kind: command, host: \"${params.host}\", run: x}")))
          .isEmpty();
    }

    @Test
    void aParserWithoutTheRuleLoadsAsBefore() {
      assertThat(
              new RunbookParser()
                  .parse("modal.yml", plan("- {id: r, kind: command, host: prod-db, run: x}"))
                  .problems())
          .isEmpty();
    }
  }

  @Nested
  class PlanDrill {
    private static final String PLAN =
        """
        name: modal
        title: Modal
        owner: sre
        objectives: {rto: 1h, rpo: 1h}
        params:
          host: {type: string, default: app-1}
        drill:
          params: {host: drill-db}
        drills: exclusive
        stages:
          - name: only
            steps:
              - {id: restart, kind: command, host: "${params.host}", run: x}
        """;

    @Test
    void aDrillRunsWithThePlansDrillValuesInPlaceOfTheDefaults() {
      assertThat(command(resolved(PLAN, "drill", Map.of())).host()).isEqualTo("drill-db");
      assertThat(command(resolved(PLAN, "drill", Map.of("host", "app-1"))).host())
          .as("a value the launcher gives still wins")
          .isEqualTo("app-1");
      assertThat(command(resolved(PLAN, "recovery", Map.of())).host()).isEqualTo("app-1");
    }

    @Test
    void readsDrillsExclusive() {
      assertThat(resolved(PLAN, "drill", Map.of()).exclusiveDrills()).isTrue();
      assertThat(
              resolved(PLAN.replace("drills: exclusive\n", ""), "drill", Map.of())
                  .exclusiveDrills())
          .isFalse();
    }

    @Test
    void reportsAnUndeclaredParamABadValueAndAnotherWord() {
      String text =
          PLAN.replace("params: {host: drill-db}", "params: {hots: drill-db}")
              .replace("drills: exclusive", "drills: one-at-a-time");
      assertThat(loadProblems(text))
          .containsExactly(
              "modal.yml:8:18: drill.params.hots: unknown param 'hots'; did you mean 'host'? (a"
                  + " drill may only set declared params)",
              "modal.yml:9:9: drills: expected exclusive (two drills of this plan may not run at"
                  + " once), got 'one-at-a-time'; leave drills: out to let drills overlap");
    }
  }
}
