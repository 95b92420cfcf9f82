package dev.lifeboat.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A notify step with {@code channel: email}: drill overrides and addresses given at launch. */
class EmailNotifyStepTest {
  private static final String PLAN =
      """
      name: mail
      title: Mail
      owner: sre
      objectives: {rto: 1h, rpo: 1h}
      params:
        oncall: {type: string, default: oncall@example.org}
      stages:
        - name: only
          steps:
            - id: tell
              kind: notify
              channel: email
              to: ["${params.oncall}", dba@example.org]
              subject: "Failover of ${plan.title}"
              message: Run ${run.id}
              drill:
                to: drill-team@example.org
                subject: "Drill of ${plan.title}"
      """;

  private final RunbookParser parser = new RunbookParser();

  private NotifyStep resolved(String mode, Map<String, String> params) {
    ParseResult result =
        parser.resolve("mail.yml", PLAN, new RunBindings("r-1", mode, "alice", params));
    assertThat(result.problems()).isEmpty();
    return (NotifyStep) Fixtures.step(result, "tell");
  }

  @Test
  void aDrillSendsToItsOwnRecipientsUnderItsOwnSubject() {
    NotifyStep drill = resolved("drill", Map.of());

    assertThat(drill.to()).containsExactly("drill-team@example.org");
    assertThat(drill.subject()).isEqualTo("Drill of ${plan.title}");
  }

  @Test
  void aRecoverySendsAsWrittenWithTheLaunchValuesFilledIn() {
    NotifyStep recovery = resolved("recovery", Map.of("oncall", "pager@example.org"));

    assertThat(recovery.to()).containsExactly("pager@example.org", "dba@example.org");
    assertThat(recovery.subject()).isEqualTo("Failover of ${plan.title}");
  }

  @Test
  void anAddressGivenAtLaunchIsCheckedThen() {
    ParseResult result =
        parser.resolve(
            "mail.yml",
            PLAN,
            new RunBindings("r-1", "recovery", "alice", Map.of("oncall", "not an address")));

    assertThat(result.problems())
        .map(RunbookProblem::format)
        .containsExactly(
            "mail.yml:13:14: stages[0].steps[0].to[0]: 'not an address' is not a valid e-mail"
                + " address: Local address contains control or whitespace");
  }

  @Test
  void withoutSmtpConfiguredAnEmailStepIsAProblemOfItsPlan() {
    assertThat(new RunbookParser().withSmtp(false).parse("mail.yml", PLAN).problems())
        .map(RunbookProblem::format)
        .containsExactly(
            "mail.yml:12:18: stages[0].steps[0].channel: channel email sends through the smtp:"
                + " server of config.yml, and none is configured");
    assertThat(new RunbookParser().withSmtp(true).parse("mail.yml", PLAN).problems()).isEmpty();
  }
}
