package dev.lifeboat.activities;

import java.util.regex.Pattern;

/**
 * What a site's name may be. A site is where a worker runs ({@code lifeboat worker --site NAME});
 * its name becomes part of a Temporal task queue name and of commands printed in messages, so it is
 * a DNS label.
 */
public final class SiteNames {
  public static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  public static final String RULE =
      "use lowercase letters, digits and '-', starting with a letter or digit, at most 63"
          + " characters";

  private SiteNames() {}

  public static boolean valid(String site) {
    return site != null && PATTERN.matcher(site).matches();
  }

  /** {@code site}, or an exception saying what is wrong with it. */
  public static String require(String site) {
    if (!valid(site)) {
      throw new IllegalArgumentException("'" + site + "' is not a valid site name; " + RULE);
    }
    return site;
  }
}
