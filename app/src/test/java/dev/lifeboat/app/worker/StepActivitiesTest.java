package dev.lifeboat.app.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.notify.NotifyActivity;
import dev.lifeboat.activities.precheck.PrecheckActivity;
import dev.lifeboat.activities.process.ToolLedger;
import dev.lifeboat.activities.secrets.LocalSecrets;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.runbook.StepKind;
import dev.lifeboat.runbook.StepKinds;
import io.temporal.activity.ActivityInterface;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The workers' side of the step kinds: every activity a kind calls has an implementation, the
 * server's worker registers all of them, and a site's worker those of every kind that may run at a
 * site. A kind declared in {@link StepKinds} without its implementation here fails this test.
 */
class StepActivitiesTest {
  private final StepActivities steps =
      StepActivities.forSiteWorker(
          new LifeboatConfiguration(), LocalSecrets.ofProcess(), ToolLedger.NONE);

  @Test
  void theServersWorkerRegistersEveryActivityOfEveryKind() {
    Set<Class<?>> registered = interfaces(steps.serverActivities());

    for (StepKind<?> kind : StepKinds.all()) {
      assertThat(registered)
          .as("the server's worker registers the activities %s calls", kind)
          .containsAll(kind.activities());
    }
    assertThat(registered)
        .as("and the precheck, which checks steps where they would run")
        .containsExactlyInAnyOrderElementsOf(withPrecheck(StepKinds.activities()));
  }

  @Test
  void aSitesWorkerRegistersTheActivitiesOfEveryKindThatMayRunThere() {
    Set<Class<?>> registered = interfaces(steps.activities());

    for (StepKind<?> kind : StepKinds.all()) {
      if (!kind.mainWorkerOnly()) {
        assertThat(registered)
            .as("a site's worker registers the activities %s calls", kind)
            .containsAll(kind.activities());
      }
    }
    assertThat(registered)
        .as("notify always runs on the server's worker, to tell people a site is gone")
        .doesNotContain(NotifyActivity.class)
        .containsExactlyInAnyOrderElementsOf(withPrecheck(StepKinds.siteActivities()));
  }

  private static Set<Class<?>> withPrecheck(Set<Class<?>> stepActivities) {
    Set<Class<?>> all = new HashSet<>(stepActivities);
    all.add(PrecheckActivity.class);
    return all;
  }

  /** The Temporal activity interfaces the objects implement. */
  private static Set<Class<?>> interfaces(List<Object> activities) {
    return activities.stream()
        .flatMap(activity -> Arrays.stream(activity.getClass().getInterfaces()))
        .filter(type -> type.isAnnotationPresent(ActivityInterface.class))
        .collect(Collectors.toSet());
  }
}
