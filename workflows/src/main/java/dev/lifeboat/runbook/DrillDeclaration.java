package dev.lifeboat.runbook;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a step declares about itself for drills ({@code drill:} in YAML). A drill refuses to run a
 * step that acts on production (see {@link DrillGuard}) unless it says what it does in a drill. A
 * step may also say it does not run in drills at all ({@code modes:} without {@code drill}).
 */
public enum DrillDeclaration {
  /** {@code drill: as-is}: the author says the step is safe to run as written in a drill. */
  @JsonProperty("as-is")
  AS_IS,
  /**
   * {@code drill: {field: value, …}}: in a drill the step runs with these fields replaced (e.g.
   * another database or host); a recovery runs it as written.
   */
  @JsonProperty("overrides")
  OVERRIDES;

  /** The YAML spelling of {@link #AS_IS}, the one scalar value of {@code drill:}. */
  public String yamlName() {
    return "as-is";
  }
}
