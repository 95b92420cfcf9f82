package dev.lifeboat.activities.secrets;

import dev.lifeboat.activities.ssh.SecretReference;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stand-in a parsed plan carries where a runbook wrote {@code ${secrets.NAME}}: {@code
 * ${secret:env:LB_API_TOKEN}}. It holds the reference only, so plans, workflow inputs and run
 * records never hold a value; an activity swaps it for the value at the moment of use.
 */
public final class SecretPlaceholders {
  /** What every placeholder starts with; the runbook parser keeps launch values from forging it. */
  public static final String START = "${secret:";

  static final Pattern PLACEHOLDER =
      Pattern.compile(
          "\\$\\{secret:(" + SecretSyntax.ENV_REGEX + "|" + SecretSyntax.FILE_REGEX + ")}");

  private SecretPlaceholders() {}

  /** The placeholder for {@code reference}. */
  public static String of(SecretReference reference) {
    return START + reference + "}";
  }

  /** The references of every placeholder in {@code text} (null counts as no text). */
  public static Set<SecretReference> in(String text) {
    Set<SecretReference> found = new LinkedHashSet<>();
    if (text != null) {
      Matcher placeholder = PLACEHOLDER.matcher(text);
      while (placeholder.find()) {
        found.add(new SecretReference(placeholder.group(1)));
      }
    }
    return found;
  }
}
