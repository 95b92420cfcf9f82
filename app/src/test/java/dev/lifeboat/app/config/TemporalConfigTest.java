package dev.lifeboat.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sticky execution follows the server unless the configuration says otherwise. */
class TemporalConfigTest {
  @Test
  void isStickyForAClusterAndNotForTheEmbeddedServerByDefault() {
    assertThat(read(Map.of("embedded", false)).isStickyExecution()).isTrue();
    assertThat(read(Map.of("embedded", true)).isStickyExecution()).isFalse();
  }

  @Test
  void followsAnExplicitSettingEitherWay() {
    assertThat(read(Map.of("embedded", false, "stickyExecution", false)).isStickyExecution())
        .as("a cluster that is really Temporal's Java test server run on its own")
        .isFalse();
    assertThat(read(Map.of("embedded", true, "stickyExecution", true)).isStickyExecution())
        .isTrue();
  }

  @Test
  void treatsAnEmptyValueAsUnset() {
    Map<String, Object> fields = new HashMap<>();
    fields.put("embedded", false);
    fields.put("stickyExecution", null); // `stickyExecution: ${LIFEBOAT_TEMPORAL_STICKY:-}`
    assertThat(read(fields).isStickyExecution()).isTrue();
  }

  private static TemporalConfig read(Map<String, Object> fields) {
    return new ObjectMapper().convertValue(fields, TemporalConfig.class);
  }
}
