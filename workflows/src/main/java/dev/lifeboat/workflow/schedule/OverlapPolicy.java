package dev.lifeboat.workflow.schedule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a schedule does when it fires while the run of its previous fire is still active. */
public enum OverlapPolicy {
  /** The fire is recorded as skipped; the previous run goes on. */
  SKIP,
  /**
   * The fire waits for the previous run to end, then launches. The queue holds one fire: fires that
   * come due while it waits pass (a slow drill does not pile up runs behind it).
   */
  QUEUE,
  /** The previous run is cancelled (recorded as asked by the schedule); once it ended, launches. */
  CANCEL_PREVIOUS;

  @JsonValue
  public String apiName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<OverlapPolicy> fromApiName(String text) {
    return Arrays.stream(values()).filter(policy -> policy.apiName().equals(text)).findFirst();
  }

  public static String apiNames() {
    return Arrays.stream(values()).map(OverlapPolicy::apiName).collect(Collectors.joining(", "));
  }

  @JsonCreator
  static OverlapPolicy fromJson(String text) {
    return fromApiName(text)
        .orElseThrow(() -> new IllegalArgumentException("unknown overlap policy " + text));
  }
}
