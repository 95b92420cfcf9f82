package dev.lifeboat.runbook;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration syntax of runbooks: one or more number-unit pairs, e.g. {@code 90s}, {@code 5m},
 * {@code 1h30m}, {@code 2d}, {@code 250ms}.
 */
public final class Durations {
  private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h|d))+");
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private Durations() {}

  public static Optional<Duration> parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      return Optional.empty();
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      long amount;
      try {
        amount = Long.parseLong(part.group(1));
      } catch (NumberFormatException tooLong) {
        return Optional.empty();
      }
      total =
          total.plus(
              switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
              });
    }
    return Optional.of(total);
  }

  /**
   * The runbook spelling of a duration, e.g. {@code 1h30m}; whole hours are never folded into days,
   * since objectives are read in hours ({@code rpo: 24h}, not {@code 1d}).
   */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    if (duration.toHours() > 0) text.append(duration.toHours()).append('h');
    if (duration.toMinutesPart() > 0) text.append(duration.toMinutesPart()).append('m');
    if (duration.toSecondsPart() > 0) text.append(duration.toSecondsPart()).append('s');
    if (duration.toMillisPart() > 0) text.append(duration.toMillisPart()).append("ms");
    return text.toString();
  }
}
