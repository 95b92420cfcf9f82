package dev.lifeboat.workflow.verdict;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Whether a drill or recovery met everything it is judged on ({@link VerdictJudge}). */
public enum Verdict {
  PASS,
  FAIL;

  /** {@code pass} or {@code fail}, as the API, the record and the events spell it. */
  @JsonValue
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Verdict> fromApiName(String text) {
    return Arrays.stream(values()).filter(v -> v.apiName().equals(text)).findFirst();
  }

  /** {@code pass, fail}, for messages naming what is allowed. */
  public static String apiNames() {
    return Arrays.stream(values()).map(Verdict::apiName).collect(Collectors.joining(", "));
  }

  @JsonCreator
  static Verdict fromJson(String text) {
    return fromApiName(text)
        .orElseThrow(() -> new IllegalArgumentException("not a verdict: " + text));
  }
}
