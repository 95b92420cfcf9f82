package dev.lifeboat.activities;

import java.time.Duration;
import java.util.Locale;

/**
 * Renders durations and sizes the way operators read them in failure messages ({@code 26h}, {@code
 * 1h30m}, {@code 45s}, {@code 1.2 MB}). Hours are not folded into days on purpose: RPOs and RTOs
 * are stated in hours, so "26h old; RPO is 24h" compares at a glance.
 */
public final class HumanUnits {
  private HumanUnits() {}

  /**
   * {@code 26h}, {@code 1h30m}, {@code 2h5s}, {@code 45s}, {@code 250ms}; zero parts are left out.
   */
  public static String duration(Duration duration) {
    Duration d = duration.isNegative() ? duration.negated() : duration;
    String sign = duration.isNegative() ? "-" : "";
    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
      return sign + d.toMillis() + "ms";
    }
    long hours = d.toHours();
    int minutes = d.toMinutesPart();
    int seconds = d.toSecondsPart();
    StringBuilder out = new StringBuilder(sign);
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (minutes > 0) {
      out.append(minutes).append('m');
    }
    if (seconds > 0) {
      out.append(seconds).append('s');
    }
    return out.toString();
  }

  /** {@code 512 bytes}, {@code 4.0 KB}, {@code 1.2 MB}, {@code 3.4 GB} (powers of 1024). */
  public static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    String[] units = {"KB", "MB", "GB", "TB", "PB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
