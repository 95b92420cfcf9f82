package dev.lifeboat.app.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.lifeboat.workflow.RunMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a caller may do. Roles are ordered, each including the ones before it: a commander can do
 * everything an operator can, and an admin everything. On-call people hold one token and never have
 * to switch tokens to act above their usual level, and a rule names only the least role.
 */
public enum Role {
  /** Reads plans, runs, events. */
  VIEWER,
  /** Launches and acts on tabletop and drill runs. */
  OPERATOR,
  /** Launches, cancels and approves recoveries (the real failover). */
  COMMANDER,
  /** Manages tokens (and later plans and schedules). */
  ADMIN;

  @JsonValue
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a caller holding this role may do what {@code needed} may. */
  public boolean includes(Role needed) {
    return compareTo(needed) >= 0;
  }

  /**
   * The least role that may launch or cancel a run of {@code mode}: a commander for a run that
   * needs the recovery role (stopping a failover half-way is as consequential as starting it), an
   * operator otherwise.
   */
  public static Role neededFor(RunMode mode) {
    return mode.requiresRecoveryRole() ? COMMANDER : OPERATOR;
  }

  public static Optional<Role> fromApiName(String text) {
    return Arrays.stream(values()).filter(role -> role.apiName().equals(text)).findFirst();
  }

  /** For JSON bodies and configuration: an unknown role is refused with the known ones. */
  @JsonCreator
  public static Role parse(String text) {
    return fromApiName(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException("unknown role '" + text + "'; roles: " + apiNames()));
  }

  public static String apiNames() {
    return Arrays.stream(values()).map(Role::apiName).collect(Collectors.joining(", "));
  }
}
