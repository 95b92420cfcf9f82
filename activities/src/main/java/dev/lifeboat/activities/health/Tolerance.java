package dev.lifeboat.activities.health;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How far a single numeric value may differ from its source's (rows written to production while a
 * drill restored last night's dump): an absolute amount ({@code 10}) or a percentage of the source
 * value ({@code 0.5%}).
 */
public record Tolerance(BigDecimal amount, boolean percent) {
  private static final Pattern FORM = Pattern.compile("(\\d{1,15}(\\.\\d{1,6})?)(%?)");

  public Tolerance {
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("a tolerance cannot be negative");
    }
  }

  /** {@code 10}, {@code 2.5} or {@code 0.5%}; empty when the text is none of these. */
  public static Optional<Tolerance> parse(String text) {
    var match = FORM.matcher(text.strip());
    if (!match.matches()) {
      return Optional.empty();
    }
    return Optional.of(new Tolerance(new BigDecimal(match.group(1)), !match.group(3).isEmpty()));
  }

  /** The largest difference allowed from {@code source}. */
  BigDecimal allowedFrom(BigDecimal source) {
    return percent
        ? source.abs().multiply(amount).divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP)
        : amount;
  }

  @Override
  public String toString() {
    return amount.toPlainString() + (percent ? "%" : "");
  }
}
