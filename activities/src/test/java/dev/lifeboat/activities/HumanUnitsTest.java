package dev.lifeboat.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HumanUnitsTest {
  @Test
  void writesDurationsAsOperatorsSayThem() {
    assertThat(HumanUnits.duration(Duration.ofHours(26))).isEqualTo("26h");
    assertThat(HumanUnits.duration(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(HumanUnits.duration(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(HumanUnits.duration(Duration.ofSeconds(7205))).isEqualTo("2h5s");
    assertThat(HumanUnits.duration(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(HumanUnits.duration(Duration.ofMillis(1999))).isEqualTo("1s");
  }

  @Test
  void writesSizesInBinaryUnits() {
    assertThat(HumanUnits.bytes(12)).isEqualTo("12 bytes");
    assertThat(HumanUnits.bytes(1024)).isEqualTo("1.0 KB");
    assertThat(HumanUnits.bytes(1_258_291)).isEqualTo("1.2 MB");
  }
}
