package dev.lifeboat.runbook;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a step declares about itself for drills ({@code drill:} in YAML). A drill refuses to run a
 * step that acts on production (see {@link DrillGuard}) unless it says what it does in a drill.
 * Overrides of the step's fields for drills ({@code drill: {…}}) are a later part of the language.
 */
public enum DrillDeclaration {
  /** {@code drill: as-is}: the author says the step is safe to run as written in a drill. */
  @JsonProperty("as-is")
  AS_IS;

  public String yamlName() {
    return "as-is";
  }
}
