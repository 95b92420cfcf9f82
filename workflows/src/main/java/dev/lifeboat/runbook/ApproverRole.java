package dev.lifeboat.runbook;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * The role an approver must hold, at least. Roles are ordered (viewer, operator, commander, admin),
 * each including the one before; the workflow knows them by name only, as the API hands them over.
 */
public enum ApproverRole {
  OPERATOR,
  COMMANDER,
  ADMIN;

  /** Every role name, lowest first; a viewer may never approve. */
  private static final List<String> RANKS = List.of("viewer", "operator", "commander", "admin");

  @JsonValue
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether someone holding the role named {@code held} (e.g. {@code "admin"}) is enough. */
  public boolean heldBy(String held) {
    return RANKS.indexOf(held) >= RANKS.indexOf(apiName());
  }
}
