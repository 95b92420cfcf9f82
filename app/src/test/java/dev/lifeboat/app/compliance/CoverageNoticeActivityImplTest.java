package dev.lifeboat.app.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.activities.notify.NotifyChannel;
import dev.lifeboat.app.TestRecord;
import dev.lifeboat.app.plans.PlanCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The day's overdue notices against a real record: one per plan, mode and day whatever the retries,
 * to the owner's configured channel, none once a passing run exists.
 */
class CoverageNoticeActivityImplTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final Instant DAY_ONE = Instant.parse("2026-06-30T00:01:00Z");

  final Jdbi record = TestRecord.create(pg, "lifeboat_coverage_notices").jdbi();
  final FakeNotifier notifier = new FakeNotifier();
  final CoverageNoticeActivityImpl notices =
      new CoverageNoticeActivityImpl(
          new ComplianceView(
              new PlanCatalog(
                  List.of(
                      PastRuns.plan("shop", "Shop", "exercise: {drill_every: 30d}"),
                      PastRuns.plan("wiki", "Wiki", "")),
                  List.of()),
              record.onDemand(ComplianceDao.class),
              new NoFindingsYet(),
              new NoSchedulesYet(),
              Clock.systemUTC()),
          record,
          Map.of("dba-team", new OwnerChannel(NotifyChannel.WEBHOOK, "env:DBA_WEBHOOK", null)),
          notifier);

  int recorded() {
    return record.onDemand(CoverageNoticeDao.class).count("shop", "drill");
  }

  @Test
  void sendsOneNoticePerPlanModeAndDayToTheOwnersChannel() {
    OverdueNotices first = notices.sendOverdueNotices(new OverdueCheck(DAY_ONE));
    OverdueNotices retried =
        notices.sendOverdueNotices(new OverdueCheck(DAY_ONE.plus(Duration.ofHours(5))));

    assertThat(first.sent()).containsExactly("shop/drill");
    assertThat(retried.sent()).isEmpty();
    assertThat(retried.alreadySent()).containsExactly("shop/drill");
    assertThat(notifier.sent)
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.channel()).isEqualTo(NotifyChannel.WEBHOOK);
              assertThat(request.url()).isEqualTo("env:DBA_WEBHOOK");
              assertThat(request.context().planName()).isEqualTo("shop");
              assertThat(request.context().params()).containsEntry("state", "never passed");
            });
    assertThat(recorded()).isEqualTo(1);

    notices.sendOverdueNotices(new OverdueCheck(DAY_ONE.plus(Duration.ofDays(1))));
    assertThat(notifier.sent).hasSize(2);
    assertThat(recorded()).isEqualTo(2);
  }

  @Test
  void aFailedSendIsNotRecordedSoTheRetrySendsIt() {
    notifier.failing.set(true);
    assertThatThrownBy(() -> notices.sendOverdueNotices(new OverdueCheck(DAY_ONE)))
        .hasMessageContaining("503");
    assertThat(recorded()).isZero();

    notifier.failing.set(false);
    assertThat(notices.sendOverdueNotices(new OverdueCheck(DAY_ONE)).sent())
        .containsExactly("shop/drill");
    assertThat(recorded()).isEqualTo(1);
  }

  @Test
  void aPassingRunOfTheModeStopsTheNotices() {
    new PastRuns(record)
        .add(
            new PastRuns.PastRun(
                "shop",
                "drill",
                "succeeded",
                "pass",
                DAY_ONE.minus(Duration.ofDays(2)),
                Duration.ofMinutes(10),
                Duration.ofMinutes(5),
                Duration.ofMinutes(5)))
        .write();

    OverdueNotices day = notices.sendOverdueNotices(new OverdueCheck(DAY_ONE));

    assertThat(day.sent()).isEmpty();
    assertThat(day.alreadySent()).isEmpty();
    assertThat(notifier.sent).isEmpty();
  }

  @Test
  void overdueNoticesSayByHowMuch() {
    new PastRuns(record)
        .add("shop", "drill", "succeeded", "pass", DAY_ONE.minus(Duration.ofDays(40)))
        .write();

    notices.sendOverdueNotices(new OverdueCheck(DAY_ONE));

    assertThat(notifier.sent.get(0).context().params().get("state"))
        .startsWith("overdue by 10 days (due 2026-06-20T00:11:00Z)");
  }
}
