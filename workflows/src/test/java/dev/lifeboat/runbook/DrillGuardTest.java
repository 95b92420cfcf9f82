package dev.lifeboat.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A drill refuses the steps that act on production unless they declare {@code drill: as-is}: every
 * start-failover, and changes to hosts and servers marked {@code production: true}. Reading them is
 * allowed. Plans are judged as launched, with their params resolved.
 */
class DrillGuardTest {
  /** prod-db and the prod server are production; app-1 and scratch are not. */
  private static final ProductionTargets PRODUCTION =
      new ProductionTargets(Set.of("prod-db"), Set.of("prod"));

  private final RunbookParser parser =
      new RunbookParser(
          Map.of("prod-db", Optional.empty(), "app-1", Optional.empty()),
          Set.of("prod", "scratch"));
  private final DrillGuard guard = new DrillGuard(PRODUCTION);

  /** The guard's problems for {@code stepsYaml} (a stage's steps) launched with {@code params}. */
  private List<String> refusals(String stepsYaml, Map<String, String> params) {
    String text =
        """
        name: guarded
        title: Guarded
        owner: sre
        objectives: {rto: 1h, rpo: 1h}
        params:
          host: {type: string, default: app-1}
        stages:
          - name: only
            steps:
        """
            + stepsYaml.indent(6);
    ParseResult resolved =
        parser.resolve("guarded.yml", text, new RunBindings("r-1", "drill", "alice", params));
    assertThat(resolved.problems()).as("the plan itself is sound").isEmpty();
    return guard.check("guarded.yml", text, resolved.runbook().orElseThrow()).stream()
        .map(RunbookProblem::format)
        .toList();
  }

  private List<String> refusals(String stepsYaml) {
    return refusals(stepsYaml, Map.of());
  }

  @Test
  void refusesEveryFailoverEvenOneThatNamesNoProductionMachine() {
    assertThat(
            refusals(
                """
                - id: switch-lb
                  kind: start-failover
                  actions:
                    - http: {method: PUT, url: "https://lb.example/api/pools/db?token=x"}
                """))
        .containsExactly(
            "guarded.yml:10:9: stages[0].steps[0]: start-failover step 'switch-lb' fails"
                + " production over (PUT https://lb.example/api/pools/db),"
                + " which a drill does not do; say what the step does in a drill: drill: overrides of its"
                + " fields (e.g. another host), modes: without drill (a drill skips it), or drill:"
                + " as-is if it is safe to run as written");
  }

  @Test
  void namesTheProductionMachinesAFailoverActsOn() {
    assertThat(
            refusals(
                """
                - id: fail-over
                  kind: start-failover
                  actions:
                    - ssh: {host: prod-db, run: fence}
                    - promote: {server: prod}
                    - ssh: {host: app-1, run: reload}
                """))
        .singleElement()
        .asString()
        .contains(
            "fails production over (ssh prod-db, promote prod, ssh app-1; marked production:"
                + " host 'prod-db', server 'prod')");
  }

  @Test
  void refusesACommandOnAProductionHostOnly() {
    assertThat(
            refusals(
                """
                - id: on-prod
                  kind: command
                  host: prod-db
                  run: systemctl restart postgresql
                - id: on-app
                  kind: command
                  host: app-1
                  run: systemctl restart app
                """))
        .containsExactly(
            "guarded.yml:10:9: stages[0].steps[0]: command step 'on-prod' runs a command on"
                + " production host 'prod-db',"
                + " which a drill does not do; say what the step does in a drill: drill: overrides of its"
                + " fields (e.g. another host), modes: without drill (a drill skips it), or drill:"
                + " as-is if it is safe to run as written");
  }

  @Test
  void refusesAnSshProbeOnAProductionHostButLetsReadsThrough() {
    assertThat(
            refusals(
                """
                - id: probe-prod
                  kind: health-check
                  ssh: {host: prod-db, run: pg_isready}
                - id: query-prod
                  kind: health-check
                  sql: {server: prod, database: shop, query: select 1, expect: "1"}
                - id: verify-on-prod
                  kind: verify-backup
                  path: /backups/shop.dump
                  host: prod-db
                - id: dump-from-prod-host
                  kind: restore-data
                  source: /backups/shop.dump
                  host: prod-db
                  server: scratch
                  database: drill_shop
                """))
        .singleElement()
        .asString()
        .contains(
            "stages[0].steps[0]: health-check step 'probe-prod' runs its ssh probe's command on"
                + " production host 'prod-db'");
  }

  @Test
  void refusesRestoresOntoProduction() {
    assertThat(
            refusals(
                """
                - id: into-prod
                  kind: restore-data
                  source: /backups/shop.dump
                  server: prod
                  database: shop
                - id: files-onto-prod
                  kind: restore-data
                  source: /backups/www.tar.gz
                  host: prod-db
                  to: /srv/www
                - id: into-scratch
                  kind: restore-data
                  source: /backups/shop.dump
                  server: scratch
                  database: drill_shop
                """))
        .satisfiesExactly(
            into ->
                assertThat(into)
                    .startsWith("guarded.yml:10:9: stages[0].steps[0]: ")
                    .contains(
                        "restore-data step 'into-prod' restores into database 'shop' on"
                            + " production PostgreSQL server 'prod'"),
            files ->
                assertThat(files)
                    .startsWith("guarded.yml:15:9: stages[0].steps[1]: ")
                    .contains(
                        "restore-data step 'files-onto-prod' extracts files into /srv/www on"
                            + " production host 'prod-db'"));
  }

  @Test
  void letsAStepThatDeclaresDrillAsIsRun() {
    assertThat(
            refusals(
                """
                - id: fail-over
                  kind: start-failover
                  drill: as-is
                  actions:
                    - ssh: {host: prod-db, run: fence}
                - id: on-prod
                  kind: command
                  host: prod-db
                  run: pg_isready
                  drill: as-is
                - id: into-prod
                  kind: restore-data
                  source: /backups/shop.dump
                  server: prod
                  database: drill_shop
                  drill: as-is
                """))
        .isEmpty();
  }

  @Test
  void judgesTheHostAParamResolvesToWhenTheRunIsLaunched() {
    String step =
        """
        - id: restart
          kind: command
          host: ${params.host}
          run: systemctl restart app
        """;

    assertThat(refusals(step, Map.of("host", "prod-db")))
        .singleElement()
        .asString()
        .contains("command step 'restart' runs a command on production host 'prod-db'");
    assertThat(refusals(step, Map.of("host", "app-1"))).isEmpty();
  }

  @Test
  void refusesNothingWhenNothingIsMarkedProductionButAFailover() {
    String text = Fixtures.text("valid/restore-data.yml");
    Runbook plan =
        new RunbookParser()
            .resolve("restore-data.yml", text, new RunBindings("r-1", "drill", "alice", Map.of()))
            .runbook()
            .orElseThrow();

    assertThat(new DrillGuard(ProductionTargets.NONE).check("restore-data.yml", text, plan))
        .isEmpty();
  }
}
