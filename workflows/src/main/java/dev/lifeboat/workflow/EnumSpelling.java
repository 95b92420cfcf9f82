package dev.lifeboat.workflow;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the run-state enums from JSON. They are written by their lower-case names, but workflow
 * histories, query answers and record details written before that carry the constant's own name
 * ({@code "DRILL"}, {@code "RUN_STARTED"}); both must decode, or a running workflow could not be
 * replayed after an upgrade.
 */
final class EnumSpelling {
  private EnumSpelling() {}

  static <E extends Enum<E>> E read(Class<E> type, String text, Function<E, String> spelling) {
    E[] constants = type.getEnumConstants();
    return Arrays.stream(constants)
        .filter(constant -> spelling.apply(constant).equals(text) || constant.name().equals(text))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown "
                        + type.getSimpleName()
                        + " '"
                        + text
                        + "'; known: "
                        + Arrays.stream(constants)
                            .map(spelling)
                            .collect(Collectors.joining(", "))));
  }
}
