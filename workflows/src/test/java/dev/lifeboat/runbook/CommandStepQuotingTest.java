package dev.lifeboat.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.command.CommandActivity;
import dev.lifeboat.activities.command.CommandActivityImpl;
import dev.lifeboat.activities.command.CommandResult;
import dev.lifeboat.activities.ssh.ConfiguredSshHosts;
import dev.lifeboat.activities.ssh.JschRemoteShell;
import dev.lifeboat.activities.ssh.SshServerExtension;
import dev.lifeboat.activities.ssh.SshSettings;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end proof that a hostile param cannot inject shell commands: parse and resolve a
 * runbook, then run its command step through the real activity on a real sshd (issue 3, point 5).
 */
class CommandStepQuotingTest {
  @RegisterExtension static final SshServerExtension sshd = new SshServerExtension();

  @TempDir Path dir;

  @Test
  void aParamFullOfShellSyntaxReachesTheRemoteCommandAsOneLiteralWord() throws Exception {
    Path out = dir.resolve("out");
    Path pwned = dir.resolve("pwned");
    String hostile = "x; touch " + pwned;
    String text =
        """
        name: quoting-proof
        title: A param full of shell syntax stays one word
        owner: ops-team
        objectives: {rto: 5m, rpo: 5m}
        params:
          name: {type: string, required: true}
        stages:
          - name: write
            steps:
              - id: write
                kind: command
                host: test-sshd
                run: printf %%s ${params.name} > %s
        """
            .formatted(out);

    ParseResult resolved =
        new RunbookParser(Set.of("test-sshd"))
            .resolve(
                "quoting.yml",
                text,
                new RunBindings("r-1", "drill", "alice", Map.of("name", hostile)));
    assertThat(resolved.problems()).as("the runbook and its launch values are fine").isEmpty();
    CommandStep step =
        (CommandStep) resolved.runbook().orElseThrow().steps().findFirst().orElseThrow();

    CommandResult result = run(step);

    assertThat(result.exitCode()).isZero();
    assertThat(Files.readString(out))
        .as("printf got the whole param as its one argument")
        .isEqualTo(hostile);
    assertThat(pwned)
        .as("the '; touch' inside the param was never run as a command")
        .doesNotExist();
  }

  private static CommandResult run(CommandStep step) {
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(
          new CommandActivityImpl(
              new ConfiguredSshHosts(Map.of("test-sshd", sshd.host())),
              new JschRemoteShell(SshSettings.standard(), Map.of())));
      CommandActivity activity =
          env.newActivityStub(
              CommandActivity.class,
              ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofSeconds(30))
                  .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                  .build());
      return activity.command(step.request());
    } finally {
      env.close();
    }
  }
}
