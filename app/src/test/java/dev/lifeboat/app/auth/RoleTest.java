package dev.lifeboat.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.workflow.RunMode;
import org.junit.jupiter.api.Test;

class RoleTest {
  @Test
  void aRecoveryNeedsACommanderAndTheOtherModesAnOperator() {
    assertThat(Role.neededFor(RunMode.TABLETOP)).isEqualTo(Role.OPERATOR);
    assertThat(Role.neededFor(RunMode.DRILL)).isEqualTo(Role.OPERATOR);
    assertThat(Role.neededFor(RunMode.RECOVERY)).isEqualTo(Role.COMMANDER);
  }

  @Test
  void rolesIncludeTheOnesBeforeThem() {
    assertThat(Role.ADMIN.includes(Role.COMMANDER)).isTrue();
    assertThat(Role.OPERATOR.includes(Role.COMMANDER)).isFalse();
  }
}
