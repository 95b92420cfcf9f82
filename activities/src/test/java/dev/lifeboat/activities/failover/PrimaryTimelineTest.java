package dev.lifeboat.activities.failover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrimaryTimelineTest {
  @Test
  void takesTheSwitchPointOfTheLastHistoryEntry() {
    String history =
        "1\t0/3000148\tno recovery target specified\n\n2\t0/5000A28\tno recovery target specified\n";

    assertThat(PrimaryTimeline.lastSwitchLsn(history)).isEqualTo("0/5000A28");
  }

  @Test
  void findsNoSwitchPointInAnEmptyOrCommentOnlyHistory() {
    assertThat(PrimaryTimeline.lastSwitchLsn("")).isNull();
    assertThat(PrimaryTimeline.lastSwitchLsn("# nothing 0/1 here\n")).isNull();
    assertThat(PrimaryTimeline.lastSwitchLsn(null)).isNull();
  }
}
