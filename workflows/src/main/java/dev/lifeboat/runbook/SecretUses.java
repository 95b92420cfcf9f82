package dev.lifeboat.runbook;

import dev.lifeboat.activities.secrets.SecretPlaceholders;
import java.util.List;
import java.util.Set;

/**
 * Where {@code ${secrets.NAME}} may appear. Only in text that is sent to a system and never shown
 * (http urls, header values and bodies, webhook urls, shell command lines): everything else a step
 * holds ends up in history, run records, reports or messages, where the activity could not redact
 * it.
 */
final class SecretUses {
  /** Where a field's text goes, which decides whether it may hold a secret. */
  enum Use {
    /**
     * Sent to a system without being shown: http urls, header values and bodies, webhook urls, and
     * shell command lines (whose secrets the activity moves to the remote command's stdin).
     */
    ALLOWED,
    /** Recorded or shown (history, reports, messages): never a secret. */
    RECORDED
  }

  private final Set<String> declared;

  /**
   * @param declared the names in the plan's {@code secrets:} block
   */
  SecretUses(Set<String> declared) {
    this.declared = declared;
  }

  /** Whether secret {@code name} may be substituted in {@code field}; reports why not. */
  boolean check(Field field, String name, Use use) {
    if (use == Use.RECORDED) {
      refuse(field);
      return false;
    }
    if (declared.contains(name)) {
      return true;
    }
    field.fail(
        "unknown secret '"
            + name
            + "' in '${secrets."
            + name
            + "}'"
            + Suggestions.hint(
                name, declared, "; the plan declares no secrets", "; declared secrets: "));
    return false;
  }

  /** Reports a secret used in a field that may not hold one. */
  static void refuse(Field field) {
    String path = field.path();
    String leaf = path.substring(path.lastIndexOf('.') + 1);
    field.fail(
        "secrets may not be used in '"
            + leaf
            + "': it is recorded and shown; use them in an http url, header value or body, a"
            + " webhook url, or a shell command");
  }

  /**
   * A placeholder makes the activity read a secret, so only the plan's author may cause one: a
   * launch value that spells one out (alone or together with its neighbours) is refused.
   *
   * @param placeholders where in {@code substituted} the author's secrets were put
   */
  static void refuseForgedPlaceholders(
      Field field, String substituted, List<Integer> placeholders) {
    for (int at = substituted.indexOf(SecretPlaceholders.START);
        at >= 0;
        at = substituted.indexOf(SecretPlaceholders.START, at + 1)) {
      if (!placeholders.contains(at)) {
        field.fail(
            "a value substituted here would read as a secret placeholder ('"
                + SecretPlaceholders.START
                + "'); launch values cannot refer to secrets");
        return;
      }
    }
  }
}
