package dev.lifeboat.runbook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads {@code exercise: {tabletop_every: 180d, drill_every: 90d}}, the plan's coverage policy. */
final class ExerciseReader {
  static final List<String> FIELDS = List.of(Exercise.TABLETOP_EVERY, Exercise.DRILL_EVERY);

  private ExerciseReader() {}

  /** The policy, or empty with a problem reported (a bad duration, an unknown key, no key). */
  static Optional<Exercise> read(Field exercise) {
    return exercise
        .map()
        .flatMap(
            map -> {
              map.allow(FIELDS);
              if (!map.has(Exercise.TABLETOP_EVERY) && !map.has(Exercise.DRILL_EVERY)) {
                exercise.fail(
                    "exercise: names tabletop_every, drill_every or both (e.g. drill_every: 90d);"
                        + " leave exercise: out when the plan owes no exercise");
                return Optional.empty();
              }
              Optional<Duration> tabletop = every(map, Exercise.TABLETOP_EVERY);
              Optional<Duration> drill = every(map, Exercise.DRILL_EVERY);
              boolean bad =
                  (map.has(Exercise.TABLETOP_EVERY) && tabletop.isEmpty())
                      || (map.has(Exercise.DRILL_EVERY) && drill.isEmpty());
              return bad
                  ? Optional.empty()
                  : Optional.of(new Exercise(tabletop.orElse(null), drill.orElse(null)));
            });
  }

  private static Optional<Duration> every(YamlMap map, String key) {
    return map.optional(key).flatMap(Field::duration);
  }
}
