package dev.lifeboat.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.command.CommandRequest;
import dev.lifeboat.activities.failover.HttpActionRequest;
import dev.lifeboat.activities.failover.PromoteStandbyRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code start-failover} steps bind to their ordered actions; hosts are checked like commands. */
class StartFailoverStepReaderTest {
  static final String FIXTURE = "start-failover.yml";

  private static StartFailoverStep step(ParseResult result, String id) {
    assertThat(result.problems()).as("the fixture should parse without problems").isEmpty();
    return (StartFailoverStep)
        result.runbook().orElseThrow().steps().filter(s -> s.id().equals(id)).findFirst().get();
  }

  private static ParseResult parse(RunbookParser parser) {
    return parser.parse(FIXTURE, Fixtures.text("valid/" + FIXTURE));
  }

  @Test
  void bindsTheActionsInTheOrderWritten() {
    StartFailoverStep step = step(parse(new RunbookParser()), "fail-over");

    assertThat(step.policy().timeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(step.actions())
        .containsExactly(
            FailoverAction.ssh(
                new CommandRequest(
                    "standby-1",
                    "systemctl stop pgbouncer",
                    null,
                    0,
                    CommandRequest.DEFAULT_OUTPUT_CAP)),
            FailoverAction.promote(new PromoteStandbyRequest("standby", Duration.ofSeconds(60))),
            FailoverAction.http(
                new HttpActionRequest(
                    "PUT",
                    "https://lb.example/api/pools/db?force=1",
                    Map.of(
                        "Authorization",
                        "Bearer ${params.lb_token}",
                        "Content-Type",
                        "application/json"),
                    "{\"active\":\"standby\"}",
                    200,
                    Duration.ofSeconds(20))));
    assertThat(step.actions().get(2).http().headers().keySet())
        .as("headers are sent in the order written")
        .containsExactly("Authorization", "Content-Type");
  }

  @Test
  void appliesTheDefaultsOfEachAction() {
    StartFailoverStep step = step(parse(new RunbookParser()), "fence-defaults");

    assertThat(step.actions().get(0).ssh().timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(step.actions().get(1).promote().waitForWrites())
        .as("promotion waits 60s for writes unless told")
        .isEqualTo(Duration.ofSeconds(60));
    HttpActionRequest http = step.actions().get(2).http();
    assertThat(http.expectStatus()).as("0 means any 2xx").isZero();
    assertThat(http.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(http.headers()).isEmpty();
    assertThat(http.body()).isNull();
  }

  @Test
  void describesEachActionWithoutTheUrlsQueryString() {
    StartFailoverStep step = step(parse(new RunbookParser()), "fail-over");

    assertThat(step.actions())
        .extracting(FailoverAction::describe)
        .containsExactly("ssh standby-1", "promote standby", "PUT https://lb.example/api/pools/db");
  }

  @Test
  void reportsASshHostTheConfigurationDoesNotKnowWithItsPlace() {
    ParseResult result = parse(new RunbookParser(Set.of("standby-2", "primary-1")));

    assertThat(result.runbook()).isEmpty();
    assertThat(result.problems().stream().map(RunbookProblem::format).toList())
        .containsExactly(
            "start-failover.yml:15:25: stages[0].steps[0].actions[0].ssh.host: unknown host"
                + " 'standby-1'; did you mean 'standby-2'?");
  }

  @Test
  void reportsAServerTheConfigurationDoesNotKnowBeforeAnythingIsFenced() {
    ParseResult result =
        parse(new RunbookParser(Set.of("standby-1", "primary-1"), Set.of("standy", "local")));

    assertThat(result.problems().stream().map(RunbookProblem::format).toList())
        .containsExactly(
            "start-failover.yml:16:31: stages[0].steps[0].actions[1].promote.server: unknown"
                + " PostgreSQL server 'standby'; did you mean 'standy'?",
            "start-failover.yml:28:31: stages[0].steps[1].actions[1].promote.server: unknown"
                + " PostgreSQL server 'standby'; did you mean 'standy'?");
  }

  @Test
  void listsTheConfiguredServersWhenNoneIsClose() {
    ParseResult result = parse(new RunbookParser(Set.of("standby-1", "primary-1"), Set.of()));

    assertThat(result.problems().stream().map(RunbookProblem::format).toList())
        .first()
        .isEqualTo(
            "start-failover.yml:16:31: stages[0].steps[0].actions[1].promote.server: unknown"
                + " PostgreSQL server 'standby'; no PostgreSQL servers are configured"
                + " (postgresServers in config.yml)");
  }

  @Test
  void substitutesTheRunShellQuotedAndHeaderValuesAsTextWhenResolving() {
    ParseResult result =
        new RunbookParser(Set.of("standby-1", "primary-1"))
            .resolve(
                FIXTURE,
                Fixtures.text("valid/" + FIXTURE),
                new RunBindings("r-1", "recovery", "alice", Map.of("lb_token", "t0k3n; x")));

    assertThat(step(result, "fence-defaults").actions().get(0).ssh().commandLine())
        .isEqualTo("touch /etc/fenced && echo 'r-1'");
    assertThat(step(result, "fail-over").actions().get(2).http().headers())
        .containsEntry("Authorization", "Bearer t0k3n; x");
  }

  @Test
  void leavesAHostReferenceToTheLaunchWhichChecksTheValue() {
    String text =
        """
        name: by-param
        title: Host named at launch
        owner: dba-team
        objectives: {rto: 15m, rpo: 5m}
        params:
          fence_host: {type: string, required: true}
        stages:
          - name: switch
            steps:
              - id: fence
                kind: start-failover
                actions:
                  - ssh: {host: "${params.fence_host}", run: "true"}
        """;
    RunbookParser parser = new RunbookParser(Set.of("primary-1"));

    assertThat(parser.parse("by-param.yml", text).problems())
        .as("a reference is not a host name yet")
        .isEmpty();
    List<String> launched =
        parser
            .resolve(
                "by-param.yml",
                text,
                new RunBindings("r-1", "drill", "alice", Map.of("fence_host", "primary-2")))
            .problems()
            .stream()
            .map(RunbookProblem::format)
            .toList();
    assertThat(launched)
        .containsExactly(
            "by-param.yml:13:25: stages[0].steps[0].actions[0].ssh.host: unknown host"
                + " 'primary-2'; did you mean 'primary-1'?");
  }
}
