package dev.lifeboat.app.compliance;

import dev.lifeboat.activities.notify.NotifyActivity;
import dev.lifeboat.activities.notify.NotifyContext;
import dev.lifeboat.activities.notify.NotifyRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link CoverageNoticeActivity} over the record: the compliance view says what is owed; each
 * notice is recorded and sent in one transaction (the send failing rolls the record back, so the
 * retry sends it; the record there already means it was sent). Sends through the notify step kind's
 * own code ({@link NotifyActivity}), so log, webhook and email behave as in a runbook.
 */
public final class CoverageNoticeActivityImpl implements CoverageNoticeActivity {
  static final String TEMPLATE =
      "Plan ${plan.name} (${plan.title}, owner ${params.owner}) owes a passing ${params.mode}"
          + " (every ${params.every}): ${params.state}. Compliance view: /api/compliance?plan="
          + "${plan.name}&format=html";
  static final String SUBJECT = "Lifeboat: ${plan.name} is overdue for a ${params.mode}";

  private final ComplianceView view;
  private final Jdbi record;
  private final Map<String, OwnerChannel> owners;
  private final NotifyActivity notifier;

  public CoverageNoticeActivityImpl(
      ComplianceView view, Jdbi record, Map<String, OwnerChannel> owners, NotifyActivity notifier) {
    this.view = view;
    this.record = record;
    this.owners = Map.copyOf(owners);
    this.notifier = notifier;
  }

  @Override
  public OverdueNotices sendOverdueNotices(OverdueCheck check) {
    List<String> sent = new ArrayList<>();
    List<String> already = new ArrayList<>();
    for (PlanCompliance plan : view.report(Optional.empty(), 1, check.at()).plans()) {
      for (ModeCoverage mode : plan.coverage()) {
        if (mode.owed()) {
          (send(check, plan, mode) ? sent : already).add(plan.plan() + "/" + mode.mode());
        }
      }
    }
    return new OverdueNotices(sent, already);
  }

  /** Whether the notice was sent now (false: it was sent earlier the same day). */
  private boolean send(OverdueCheck check, PlanCompliance plan, ModeCoverage mode) {
    OwnerChannel channel = owners.getOrDefault(plan.owner(), OwnerChannel.LOG);
    return record.inTransaction(
        handle -> {
          int recorded =
              handle
                  .attach(CoverageNoticeDao.class)
                  .record(
                      plan.plan(),
                      mode.mode(),
                      check.day(),
                      plan.owner(),
                      channel.apiName(),
                      mode.dueAt());
          if (recorded == 1) {
            notifier.notify(request(channel, plan, mode));
          }
          return recorded == 1;
        });
  }

  private static NotifyRequest request(
      OwnerChannel channel, PlanCompliance plan, ModeCoverage mode) {
    String state =
        ModeCoverage.NEVER.equals(mode.status())
            ? "never passed"
            : "overdue by " + mode.overdueDays() + " days (due " + mode.dueAt() + ")";
    NotifyContext context =
        new NotifyContext(
            "coverage-" + plan.plan(),
            mode.mode(),
            "lifeboat",
            plan.plan(),
            plan.title(),
            "coverage",
            "coverage",
            Map.of(
                "owner", plan.owner(), "mode", mode.mode(), "every", mode.every(), "state", state),
            List.of());
    return new NotifyRequest(
        channel.channel(),
        channel.url(),
        TEMPLATE,
        context,
        "",
        channel.to(),
        channel.to() == null ? null : SUBJECT);
  }
}
