package dev.lifeboat.runbook;

import dev.lifeboat.activities.postgres.DatabaseNames;
import java.util.Optional;

/**
 * A {@code database:} field. A database name is an identifier (CREATE DATABASE takes no bind
 * parameters), so it is checked against {@link DatabaseNames}' narrow alphabet: as written when the
 * plan loads, and with its references substituted when a run is launched, so a launch value such as
 * {@code x"; drop database shop; --} is refused before anything runs.
 */
final class DatabaseField {
  private DatabaseField() {}

  static Optional<String> read(Field field, References references) {
    return references
        .text(field)
        .filter(
            name -> {
              if (!references.launching() && name.contains("${")) {
                return true; // checked when a run substitutes its references
              }
              Optional<String> problem = DatabaseNames.problemWith(name);
              problem.ifPresent(field::fail);
              return problem.isEmpty();
            });
  }
}
