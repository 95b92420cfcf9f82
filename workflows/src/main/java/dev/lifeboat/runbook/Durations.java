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
  /**
   * The longest duration a runbook may write: a year. Every duration becomes a Temporal timeout or
   * timer and is multiplied by attempts and added up; a year keeps all of that far inside what a
   * {@code long} of milliseconds and Temporal's protobuf durations hold, and no recovery step waits
   * longer.
   */
  public static final Duration MAX = Duration.ofDays(365);

  private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h|d))+");
  private static final Pattern PART = Pattern.compile("0*(\\d+)(ms|s|m|h|d)");

  /** As many digits as {@link #MAX} has in its smallest unit (31536000000 ms). */
  private static final int MAX_DIGITS = 11;

  private static final long TOO_LONG = -1;

  private Durations() {}

  /**
   * The duration written, or empty when {@code text} is not in the syntax or is longer than {@link
   * #MAX}. Never throws, however many digits the text has.
   */
  public static Optional<Duration> parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      return Optional.empty();
    }
    long millis = millis(text);
    return millis == TOO_LONG ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
  }

  /** Whether {@code text} is in the duration syntax but longer than {@link #MAX}. */
  public static boolean isTooLong(String text) {
    return text != null && WHOLE.matcher(text).matches() && millis(text) == TOO_LONG;
  }

  /** {@code 365d (one year)}, for messages. */
  public static String describeMax() {
    return MAX.toDays() + "d (one year)";
  }

  /** The total in milliseconds, or {@link #TOO_LONG} past {@link #MAX} (checked at every step). */
  private static long millis(String text) {
    long total = 0;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      if (part.group(1).length() > MAX_DIGITS) {
        return TOO_LONG;
      }
      long amount = Long.parseLong(part.group(1));
      long unit =
          switch (part.group(2)) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 86_400_000;
          };
      // amount < 10^11 and unit < 10^8, total <= MAX before adding: no step overflows a long.
      total += amount * unit;
      if (total > MAX.toMillis()) {
        return TOO_LONG;
      }
    }
    return total;
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
