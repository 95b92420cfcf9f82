package dev.lifeboat.runbook;

import java.util.Objects;

/**
 * A typed parameter that launchers supply. Steps refer to it as {@code ${params.NAME}}.
 *
 * @param defaultValue used when the launcher gives none; null when there is no default
 * @param required a launch without a value (and without a default) is rejected
 */
public record Param(
    String name, ParamType type, String description, String defaultValue, boolean required) {
  public Param {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
