package dev.lifeboat.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A step runs at the site it names, else at the configured site of the host it names, else on the
 * main worker; the parser decides this when a run is launched.
 */
class StepSitesTest {
  private static final String FIXTURE = "sites.yml";

  /** db-2 is at dr-east; app-2 has no site, so any worker may reach it. */
  private static final Map<String, Optional<String>> HOSTS =
      Map.of("db-2", Optional.of("dr-east"), "app-2", Optional.empty());

  private final RunbookParser parser = new RunbookParser(HOSTS, Set.of("dr"));

  private Runbook launch(String source, String text) {
    ParseResult result =
        parser.resolve(source, text, new RunBindings("r-1", "drill", "alice", Map.of()));
    assertThat(result.problems()).as("problems launching %s", source).isEmpty();
    return result.runbook().orElseThrow();
  }

  private String siteOf(String stepId) {
    return launch(FIXTURE, Fixtures.text("valid/" + FIXTURE))
        .steps()
        .filter(step -> step.id().equals(stepId))
        .findFirst()
        .orElseThrow()
        .policy()
        .site();
  }

  @Test
  void aStepOnAHostAtASiteRunsAtThatSite() {
    assertThat(siteOf("verify-on-db")).isEqualTo("dr-east");
    assertThat(siteOf("restore-on-db")).isEqualTo("dr-east");
    assertThat(siteOf("db-up")).as("health-check ssh.host").isEqualTo("dr-east");
  }

  @Test
  void aStepOnAHostWithoutASiteRunsOnTheMainWorker() {
    assertThat(siteOf("files-on-app")).isNull();
    assertThat(siteOf("tell")).as("notify names no host").isNull();
  }

  @Test
  void anExplicitSiteWinsOverTheHostsSite() {
    assertThat(siteOf("explicit")).isEqualTo("primary");
  }

  @Test
  void aSiteMayComeFromAParamAndNeedNoConfiguredHost() {
    assertThat(siteOf("from-param")).isEqualTo("dr-west");
  }

  @Test
  void aFailoverRunsAtTheOneSiteItsSshHostsAreAt() {
    assertThat(siteOf("fail-over"))
        .as("db-2 is at dr-east and app-2 is anywhere: dr-east serves both")
        .isEqualTo("dr-east");
  }

  @Test
  void aParserWithoutHostSitesRoutesNothing() {
    Runbook plan =
        new RunbookParser(Set.of("db-2", "app-2"), Set.of("dr"))
            .resolve(
                FIXTURE,
                Fixtures.text("valid/" + FIXTURE),
                new RunBindings("r-1", "drill", "alice", Map.of()))
            .runbook()
            .orElseThrow();

    assertThat(plan.steps().filter(step -> step.policy().site() != null).map(Step::id))
        .containsExactlyInAnyOrder("explicit", "from-param");
  }

  @Test
  void aFailoverOverHostsAtDifferentSitesMustNameItsSite() {
    String plan =
        """
        name: split
        title: Split
        owner: dba
        objectives: {rto: 30m, rpo: 24h}
        stages:
          - name: switch
            steps:
              - id: fail-over
                kind: start-failover
                actions:
                  - ssh: {host: db-1, run: touch /etc/fenced}
                  - ssh: {host: db-2, run: pg_ctl promote}
        """;
    RunbookParser split =
        new RunbookParser(
            Map.of("db-1", Optional.of("primary"), "db-2", Optional.of("dr-east")), Set.of());

    ParseResult result =
        split.resolve("split.yml", plan, new RunBindings("r-1", "drill", "alice", Map.of()));

    assertThat(result.problems().stream().map(RunbookProblem::format))
        .containsExactly(
            "split.yml:11:11: stages[0].steps[0].actions: the ssh actions run on hosts at different"
                + " sites (db-1 at primary, db-2 at dr-east); say where the step runs with site:"
                + " on the step");
    assertThat(
            split
                .resolve(
                    "split.yml",
                    plan.replace(
                        "kind: start-failover", "kind: start-failover\n        site: dr-east"),
                    new RunBindings("r-1", "drill", "alice", Map.of()))
                .problems())
        .as("an explicit site settles it")
        .isEmpty();
  }

  @Test
  void aMalformedSiteFromAParamIsAProblemAtLaunch() {
    ParseResult result =
        parser.resolve(
            FIXTURE,
            Fixtures.text("valid/" + FIXTURE),
            new RunBindings("r-1", "drill", "alice", Map.of("check_site", "DR West")));

    assertThat(result.problems().stream().map(RunbookProblem::format))
        .containsExactly(
            "sites.yml:37:15: stages[1].steps[1].site: 'DR West' is not a valid site name; use"
                + " lowercase letters, digits and '-', starting with a letter or digit, at most 63"
                + " characters");
  }
}
