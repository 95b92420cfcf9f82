package dev.lifeboat.runbook;

import java.util.Optional;

/** The type of a runbook parameter; launch values are checked against it. */
public enum ParamType {
  STRING,
  INTEGER,
  BOOLEAN,
  DURATION;

  /** Why {@code value} is not of this type, or empty when it is. */
  public Optional<String> problemWith(String value) {
    return switch (this) {
      case STRING -> Optional.empty();
      case INTEGER ->
          value.matches("-?\\d{1,18}")
              ? Optional.empty()
              : Optional.of("expected an integer, got '" + value + "'");
      case BOOLEAN ->
          value.equals("true") || value.equals("false")
              ? Optional.empty()
              : Optional.of("expected true or false, got '" + value + "'");
      case DURATION ->
          Durations.parse(value).isPresent()
              ? Optional.empty()
              : Optional.of("expected a duration such as 30s, 5m, 24h, got '" + value + "'");
    };
  }

  public String yamlName() {
    return name().toLowerCase();
  }
}
