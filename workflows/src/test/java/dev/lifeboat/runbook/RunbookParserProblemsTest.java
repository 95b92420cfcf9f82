package dev.lifeboat.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every broken fixture under {@code runbooks/broken/} with the exact problems an author sees, in
 * the order of the file. The wording is part of the product: change it here on purpose only.
 */
class RunbookParserProblemsTest {
  private final RunbookParser parser = new RunbookParser();

  static Stream<Arguments> brokenRunbooks() {
    return Stream.of(
        broken(
            "bad-duration.yml",
            "bad-duration.yml:11:18: stages[0].steps[0].timeout: '5x' is not a duration; use e.g. 30s, 5m, 1h30m",
            "bad-duration.yml:12:18: stages[0].steps[0].max_age: a duration must be longer than zero, got '0s'"),
        broken(
            "bad-enum.yml",
            "bad-enum.yml:13:17: stages[0].steps[0].format: expected one of auto, custom, plain, got 'zip'",
            "bad-enum.yml:14:21: stages[0].steps[0].on_failure: expected one of abort, continue, pause, got 'abrt'; did you mean 'abort'?"),
        broken(
            "bad-names.yml",
            "bad-names.yml:1:7: name: 'Orders_Drill' is not a valid plan name; use lowercase letters, digits and '-', starting with a letter or digit, at most 63 characters",
            "bad-names.yml:8:14: stages[0].steps[0].id: 'Check Dump' is not a valid step id; use lowercase letters, digits, '-' and '_', starting with a letter or digit"),
        broken(
            "bad-objectives.yml",
            "bad-objectives.yml:5:8: objectives.rto: '30 minutes' is not a duration; use e.g. 30s, 5m, 1h30m",
            "bad-objectives.yml:6:8: objectives.rpo: expected a duration, got a list"),
        broken(
            "bad-param-spec.yml",
            "bad-param-spec.yml:6:34: params.rows.default: expected an integer, got 'many'",
            "bad-param-spec.yml:7:34: params.path.required: a param with a default is never missing; remove 'required' or 'default'",
            "bad-param-spec.yml:8:16: params.mode.type: expected one of string, integer, boolean, duration, got 'enum'",
            "bad-param-spec.yml:9:3: params.2fast: '2fast' is not a valid param name; use letters, digits and '_', not starting with a digit"),
        broken(
            "bad-references.yml",
            "bad-references.yml:10:17: stages[0].steps[0].source: unknown reference '${backup}'; use ${params.NAME}, ${secrets.NAME}, ${run.id}, ${run.mode}, ${run.launcher} or ${plan.name}",
            "bad-references.yml:12:19: stages[0].steps[0].database: '${' is not closed with '}' in 'drill_${run.id'"),
        broken(
            "bad-site.yml",
            "bad-site.yml:10:15: stages[0].steps[0].site: 'DR_East' is not a valid site name; use lowercase letters, digits and '-', starting with a letter or digit, at most 63 characters",
            "bad-site.yml:14:15: stages[0].steps[1].site: notify steps always run on the main worker; remove site"),
        broken(
            "command-fields.yml",
            "command-fields.yml:8:9: stages[0].steps[0].host: missing required field 'host'",
            "command-fields.yml:14:14: stages[0].steps[1].run: unknown param 'who' in '${params.who}'; the plan declares no params",
            "command-fields.yml:15:22: stages[0].steps[1].expect_exit: must be between 0 and 255, got 256",
            "command-fields.yml:16:21: stages[0].steps[1].output_cap: must be between 2 and 524288, got 1"),
        broken(
            "duplicate-key.yml",
            "duplicate-key.yml:12:9: stages[0].steps[0].path: duplicate field 'path' (first at line 10)"),
        broken(
            "duplicate-step-id.yml",
            "duplicate-step-id.yml:11:14: stages[1].steps[0].id: duplicate step id 'check' (first at line 8)"),
        broken(
            "restores-service.yml",
            "restores-service.yml:14:108: stages[0].steps[0].undo.restores_service: an undo does not restore service (it runs at the end of a drill); mark the step of a stage whose end is when service is back",
            "restores-service.yml:20:27: stages[0].steps[1].restores_service: only one step may restore service (the run's RTO is measured to its end); step 'restore-a' already says restores_service: true (line 13)",
            "restores-service.yml:21:83: stages[0].steps[2].restores_service: expected true or false, got 'yes'",
            "restores-service.yml:25:81: finally[0].steps[0].restores_service: a finally: step runs after the recovery, so its end is not when service is back; mark a step of stages:"),
        broken(
            "empty-lists.yml",
            "empty-lists.yml:7:12: stages[0].steps: a stage needs at least one step",
            "empty-lists.yml:8:5: stages[1].steps: missing required field 'steps'"),
        broken(
            "empty.yml",
            "empty.yml: the runbook is empty; it needs at least name, title, owner, objectives and stages"),
        broken(
            "health-check-probes.yml",
            "health-check-probes.yml:8:9: stages[0].steps[0]: a health check has exactly one probe, got sql and tcp",
            "health-check-probes.yml:11:39: stages[0].steps[0].tcp.port: must be between 1 and 65535, got 70000",
            "health-check-probes.yml:12:9: stages[0].steps[1]: a health check needs one probe: sql, http, tcp or ssh",
            "health-check-probes.yml:14:24: stages[0].steps[1].poll_interval: poll_interval only applies with until_healthy; add until_healthy",
            "health-check-probes.yml:17:15: stages[0].steps[2].http.url: missing required field 'url'",
            "health-check-probes.yml:17:31: stages[0].steps[2].http.expect_status: must be between 100 and 599, got 99",
            "health-check-probes.yml:17:35: stages[0].steps[2].http.expect: unknown field 'expect'; expected one of: url, expect_status, expect_body, request_timeout, headers"),
        broken(
            "many-problems.yml",
            "many-problems.yml:1:1: title: missing required field 'title'",
            "many-problems.yml:1:7: name: 'orders drill' is not a valid plan name; use lowercase letters, digits and '-', starting with a letter or digit, at most 63 characters",
            "many-problems.yml:3:29: objectives.rpo: '1 day' is not a duration; use e.g. 30s, 5m, 1h30m",
            "many-problems.yml:9:15: stages[0].steps[0].path: unknown param 'dump' in '${params.dump}'; the plan declares no params",
            "many-problems.yml:10:18: stages[0].steps[0].timeout: '10 minutes' is not a duration; use e.g. 30s, 5m, 1h30m",
            "many-problems.yml:11:9: stages[0].steps[1].server: missing required field 'server'",
            "many-problems.yml:11:13: stages[0].steps[1].id: duplicate step id 'dump' (first at line 7)",
            "many-problems.yml:14:9: stages[0].steps[1].servr: unknown field 'servr'; did you mean 'server'?",
            "many-problems.yml:16:11: stages[1].name: duplicate stage name 'verify' (first at line 5)",
            "many-problems.yml:19:15: stages[1].steps[0].kind: unknown step kind 'notfy'; did you mean 'notify'?"),
        broken(
            "missing-required.yml",
            "missing-required.yml:1:1: title: missing required field 'title'",
            "missing-required.yml:1:1: owner: missing required field 'owner'",
            "missing-required.yml:1:1: objectives: missing required field 'objectives'",
            "missing-required.yml:3:5: stages[0].name: missing required field 'name'",
            "missing-required.yml:4:9: stages[0].steps[0].id: missing required field 'id'",
            "missing-required.yml:4:9: stages[0].steps[0].source: missing required field 'source'",
            "missing-required.yml:4:9: stages[0].steps[0].database: missing required field 'database'"),
        broken(
            "multiple-documents.yml",
            "multiple-documents.yml:9:1: YAML syntax error: but found another document (expected a single document in the stream)"),
        broken("no-stages.yml", "no-stages.yml:5:9: stages: a runbook needs at least one stage"),
        broken(
            "not-a-map.yml",
            "not-a-map.yml:1:1: a runbook is a map of name, title, owner, objectives, params, secrets, stages and finally; this is not a map"),
        broken(
            "notify-url-rules.yml",
            "notify-url-rules.yml:8:9: stages[0].steps[0].url: missing required field 'url': channel webhook posts to it",
            "notify-url-rules.yml:15:14: stages[0].steps[1].url: a url is only for channel webhook; remove it or use channel: webhook",
            "notify-url-rules.yml:17:9: stages[0].steps[2].message: missing required field 'message'",
            "notify-url-rules.yml:19:18: stages[0].steps[2].channel: expected one of log, webhook, email, got 'pager'"),
        broken(
            "notify-email-rules.yml",
            "notify-email-rules.yml:8:9: stages[0].steps[0].to: missing required field 'to': channel email sends to these addresses",
            "notify-email-rules.yml:15:34: stages[0].steps[1].to[1]: 'not an address' is not a valid e-mail address: Local address contains control or whitespace",
            "notify-email-rules.yml:20:13: stages[0].steps[2].to: 'to' is only for channel email; remove it",
            "notify-email-rules.yml:21:18: stages[0].steps[2].subject: 'subject' is only for channel email; remove it",
            "notify-email-rules.yml:27:30: stages[0].steps[3].subject: template error: Unexpected end of file reached. You have an unclosed \"{\". Check if the FreeMarker end-tags are present, and aren't malformed. (Note that FreeMarker end-tags must have # or @ after the / character.)"),
        broken(
            "param-in-literal-field.yml",
            "param-in-literal-field.yml:14:18: stages[0].steps[0].timeout: parameters are only allowed in text fields; write a duration here",
            "param-in-literal-field.yml:15:19: stages[0].steps[0].min_size: parameters are only allowed in text fields; write an integer here"),
        broken(
            "remote-steps-fields.yml",
            "remote-steps-fields.yml:11:13: stages[0].steps[0].to: to (the directory to extract a tarball into) needs host: the configured host to restore on",
            "remote-steps-fields.yml:16:13: stages[0].steps[1].to: to must be an absolute directory path on the host other than /, got 'srv/site'",
            "remote-steps-fields.yml:17:17: stages[0].steps[1].server: server does not go with to: to extracts a tarball into a directory, server belongs to a dump restored into a database",
            "remote-steps-fields.yml:18:19: stages[0].steps[1].database: database does not go with to: to extracts a tarball into a directory, database belongs to a dump restored into a database",
            "remote-steps-fields.yml:19:9: stages[0].steps[2].database: missing required field 'database'",
            "remote-steps-fields.yml:26:14: stages[0].steps[3].ssh.run: missing required field 'run'",
            "remote-steps-fields.yml:26:41: stages[0].steps[3].ssh.expect_exit: must be between 0 and 255, got 300",
            "remote-steps-fields.yml:26:46: stages[0].steps[3].ssh.timeout: unknown field 'timeout'; expected one of: host, run, expect_exit, command_timeout"),
        broken(
            "retry-out-of-range.yml",
            "retry-out-of-range.yml:11:19: stages[0].steps[0].min_size: must be at least 0, got -1",
            "retry-out-of-range.yml:12:27: stages[0].steps[0].require_checksum: expected true or false, got 'yes'",
            "retry-out-of-range.yml:13:27: stages[0].steps[0].retry.attempts: must be between 1 and 100, got 0",
            "retry-out-of-range.yml:13:61: stages[0].steps[0].retry.backoff: must be at least 1.0, got 0.5",
            "retry-out-of-range.yml:13:66: stages[0].steps[0].retry.jitter: unknown field 'jitter'; expected one of: attempts, initial_interval, backoff"),
        broken(
            "secret-declarations.yml",
            "secret-declarations.yml:6:13: secrets.lb_token: secrets must be references like env:NAME or file:/path, never the secret itself (the value written is not shown)",
            "secret-declarations.yml:7:3: secrets.ops-hook: 'ops-hook' is not a valid secret name; use letters, digits and '_', not starting with a digit",
            "secret-declarations.yml:8:13: secrets.relative: file: must be followed by an absolute path (starting with '/', without '}')",
            "secret-declarations.yml:9:12: secrets.bad_env: env: must be followed by an environment variable name (letters, digits and '_', not starting with a digit)",
            "secret-declarations.yml:10:11: secrets.nested: expected a reference like env:NAME or file:/path, got a map",
            "secret-declarations.yml:11:14: secrets.templated: parameters are only allowed in text fields; write a reference like env:NAME or file:/path here",
            "secret-declarations.yml:20:28: stages[0].steps[0].http.headers.Authorization: unknown secret 'lb_tokn' in '${secrets.lb_tokn}'; did you mean 'lb_token'?",
            "secret-declarations.yml:21:22: stages[0].steps[0].http.headers.X-Other: unknown secret 'unknown_thing' in '${secrets.unknown_thing}'; declared secrets: bad_env, lb_token, nested, relative, templated",
            "secret-declarations.yml:22:13: stages[0].steps[0].http.headers.Bad Name: 'Bad Name' is not a valid HTTP header name",
            "secret-declarations.yml:23:13: stages[0].steps[0].http.headers.Host: header 'Host' is set by the HTTP client itself; remove it"),
        broken(
            "secret-uses.yml",
            "secret-uses.yml:13:18: stages[0].steps[0].message: secrets may not be used in 'message': it is recorded and shown; use them in an http url, header value or body, a webhook url, or a shell command",
            "secret-uses.yml:16:52: stages[0].steps[1].sql.query: secrets may not be used in 'query': it is recorded and shown; use them in an http url, header value or body, a webhook url, or a shell command",
            "secret-uses.yml:19:56: stages[0].steps[2].http.expect_body: secrets may not be used in 'expect_body': it is recorded and shown; use them in an http url, header value or body, a webhook url, or a shell command",
            "secret-uses.yml:22:15: stages[0].steps[3].host: secrets may not be used in 'host': it is recorded and shown; use them in an http url, header value or body, a webhook url, or a shell command",
            "secret-uses.yml:26:15: stages[0].steps[4].path: secrets may not be used in 'path': it is recorded and shown; use them in an http url, header value or body, a webhook url, or a shell command"),
        broken(
            "start-failover-actions.yml",
            "start-failover-actions.yml:10:18: stages[0].steps[0].actions: a failover needs at least one action: ssh, promote or http, run in order",
            "start-failover-actions.yml:15:13: stages[0].steps[1].actions[0].sh: unknown field 'sh'; did you mean 'ssh'?",
            "start-failover-actions.yml:16:13: stages[0].steps[1].actions[1]: an action needs one of ssh, promote or http",
            "start-failover-actions.yml:17:13: stages[0].steps[1].actions[2]: an action does one thing, got ssh and promote; make each its own list item, in the order they should run",
            "start-failover-actions.yml:19:18: stages[0].steps[1].actions[3].ssh.run: missing required field 'run'",
            "start-failover-actions.yml:19:36: stages[0].steps[1].actions[3].ssh.command: unknown field 'command'; expected one of: host, run, expect_exit, timeout",
            "start-failover-actions.yml:19:60: stages[0].steps[1].actions[3].ssh.timeout: must be shorter than the step's timeout (1m); raise the step's timeout or lower this",
            "start-failover-actions.yml:20:22: stages[0].steps[1].actions[4].promote.server: missing required field 'server'",
            "start-failover-actions.yml:20:23: stages[0].steps[1].actions[4].promote.srever: unknown field 'srever'; did you mean 'server'?",
            "start-failover-actions.yml:21:28: stages[0].steps[1].actions[5].http.method: expected one of GET, HEAD, POST, PUT, PATCH, DELETE, got 'put'; did you mean 'PUT'?",
            "start-failover-actions.yml:21:38: stages[0].steps[1].actions[5].http.url: 'ftp://lb.example/pools' is not an http or https URL",
            "start-failover-actions.yml:21:92: stages[0].steps[1].actions[5].http.expect_status: must be between 100 and 599, got 99",
            "start-failover-actions.yml:22:78: stages[0].steps[1].actions[6].http.timeout: must be shorter than the step's timeout (1m); raise the step's timeout or lower this",
            "start-failover-actions.yml:22:91: stages[0].steps[1].actions[6].http.headers: expected a map, got a list",
            "start-failover-actions.yml:23:13: stages[0].steps[1].actions[7]: expected a map, got 'run a command'"),
        broken(
            "syntax-error.yml",
            "syntax-error.yml:5:7: YAML syntax error: expected ',' or '}', but got : (while parsing a flow mapping)"),
        broken(
            "undeclared-param.yml",
            "undeclared-param.yml:12:15: stages[0].steps[0].path: unknown param 'backup_pth' in '${params.backup_pth}'; did you mean 'backup_path'?",
            "undeclared-param.yml:16:18: stages[0].steps[1].message: unknown param 'target' in '${params.target}'; declared params: backup_path"),
        broken(
            "unknown-field-listed.yml",
            "unknown-field-listed.yml:5:1: colour: unknown field 'colour'; expected one of: name, title, owner, objectives, params, secrets, drill, drills, stages, finally, exercise"),
        broken(
            "unknown-field-suggested.yml",
            "unknown-field-suggested.yml:11:9: stages[0].steps[0].timout: unknown field 'timout'; did you mean 'timeout'?"),
        broken(
            "unknown-kind-listed.yml",
            "unknown-kind-listed.yml:9:15: stages[0].steps[0].kind: unknown step kind 'teleport'; expected one of: verify-backup, restore-data, health-check, notify, command, start-failover, sql, wait, approval"),
        broken(
            "unknown-kind-suggested.yml",
            "unknown-kind-suggested.yml:9:15: stages[0].steps[0].kind: unknown step kind 'verify-bakup'; did you mean 'verify-backup'?"),
        broken(
            "verify-backup-depth.yml",
            "verify-backup-depth.yml:11:16: stages[0].steps[0].depth: expected one of full, toc, got 'tocc'; did you mean 'toc'?"),
        broken(
            "wrong-types.yml",
            "wrong-types.yml:2:8: title: expected a string, got a list",
            "wrong-types.yml:4:13: objectives: expected a map, got '30m'",
            "wrong-types.yml:5:9: params: expected a map, got a list",
            "wrong-types.yml:6:9: stages: expected a list, got 'verify'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenRunbooks")
  void reportsEveryProblemWithItsPlace(String fixture, List<String> expected) {
    ParseResult result = parser.parse(fixture, Fixtures.text("broken/" + fixture));

    assertThat(result.runbook()).as("a broken runbook must not be bound to a plan").isEmpty();
    assertThat(result.problems().stream().map(RunbookProblem::format).toList())
        .as("the problems reported for %s, formatted as the CLI prints them", fixture)
        .containsExactlyElementsOf(expected);
  }

  @Test
  void coversEveryBrokenFixture() {
    List<String> covered = brokenRunbooks().map(row -> (String) row.get()[0]).toList();

    assertThat(covered)
        .as("each file in runbooks/broken/ needs a row in this table")
        .containsExactlyInAnyOrderElementsOf(Fixtures.names("broken"));
  }

  private static Arguments broken(String fixture, String... problems) {
    return Arguments.of(fixture, List.of(problems));
  }
}
