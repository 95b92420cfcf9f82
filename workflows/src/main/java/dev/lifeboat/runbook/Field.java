package dev.lifeboat.runbook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML value with its field path. Each conversion reports why the value does not fit and
 * returns empty, so readers can go on and find the next problem.
 */
record Field(Node node, String path, Problems problems) {

  /** Any non-empty scalar as written; numbers and booleans count as text too. */
  Optional<String> text() {
    return scalar("a string");
  }

  /** A scalar that must be written out: numbers, durations and choices take no parameters. */
  Optional<String> literal(String expected) {
    return scalar(expected)
        .filter(
            value -> {
              if (value.contains("${")) {
                fail("parameters are only allowed in text fields; write " + expected + " here");
                return false;
              }
              return true;
            });
  }

  Optional<Duration> duration() {
    return literal("a duration")
        .flatMap(
            value -> {
              Optional<Duration> duration = Durations.parse(value);
              if (duration.isEmpty() && Durations.isTooLong(value)) {
                fail(
                    Excerpt.quote(value)
                        + " is longer than the longest duration allowed, "
                        + Durations.describeMax());
              } else if (duration.isEmpty()) {
                fail(Excerpt.quote(value) + " is not a duration; use e.g. 30s, 5m, 1h30m");
              } else if (duration.get().isZero()) {
                fail("a duration must be longer than zero, got " + Excerpt.quote(value));
                return Optional.empty();
              }
              return duration;
            });
  }

  Optional<Long> integer(long min, long max) {
    return literal("an integer")
        .flatMap(
            value -> {
              if (!value.matches("-?\\d{1,18}")) {
                fail("expected an integer, got " + Excerpt.quote(value));
                return Optional.empty();
              }
              long number = Long.parseLong(value);
              if (number < min || number > max) {
                fail(
                    max == Long.MAX_VALUE
                        ? "must be at least " + min + ", got " + number
                        : "must be between " + min + " and " + max + ", got " + number);
                return Optional.empty();
              }
              return Optional.of(number);
            });
  }

  Optional<Double> decimal(double min) {
    return literal("a number")
        .flatMap(
            value -> {
              if (!value.matches("\\d{1,9}(\\.\\d{1,9})?")) {
                fail("expected a number such as 2.0, got " + Excerpt.quote(value));
                return Optional.empty();
              }
              double number = Double.parseDouble(value);
              if (number < min) {
                fail("must be at least " + min + ", got " + value);
                return Optional.empty();
              }
              return Optional.of(number);
            });
  }

  Optional<Boolean> bool() {
    return literal("true or false")
        .flatMap(
            value -> {
              if (!value.equals("true") && !value.equals("false")) {
                fail("expected true or false, got " + Excerpt.quote(value));
                return Optional.empty();
              }
              return Optional.of(Boolean.parseBoolean(value));
            });
  }

  /** One of an enum's constants, spelled in lower case as in YAML. */
  <E extends Enum<E>> Optional<E> choice(E[] constants) {
    List<String> names =
        Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    return literal("one of " + String.join(", ", names))
        .flatMap(
            value -> {
              int index = names.indexOf(value);
              if (index < 0) {
                fail(
                    "expected one of "
                        + String.join(", ", names)
                        + ", got "
                        + Excerpt.quote(value)
                        + Suggestions.closest(value, names)
                            .map(match -> "; did you mean '" + match + "'?")
                            .orElse(""));
                return Optional.empty();
              }
              return Optional.of(constants[index]);
            });
  }

  Optional<YamlMap> map() {
    if (node instanceof MappingNode mapping) {
      return Optional.of(new YamlMap(mapping, path, problems));
    }
    fail("expected a map, got " + describe());
    return Optional.empty();
  }

  /** The elements, or empty after reporting; an empty list is reported as {@code emptyMessage}. */
  Optional<List<Field>> list(String emptyMessage) {
    if (!(node instanceof SequenceNode sequence)) {
      fail("expected a list, got " + describe());
      return Optional.empty();
    }
    if (sequence.getValue().isEmpty()) {
      fail(emptyMessage);
      return Optional.empty();
    }
    List<Field> elements = new ArrayList<>();
    for (Node element : sequence.getValue()) {
      elements.add(new Field(element, path + "[" + elements.size() + "]", problems));
    }
    return Optional.of(elements);
  }

  void fail(String message) {
    problems.add(node, path, message);
  }

  private Optional<String> scalar(String expected) {
    if (node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)) {
      return Optional.of(scalar.getValue());
    }
    fail("expected " + expected + ", got " + describe());
    return Optional.empty();
  }

  private String describe() {
    if (node instanceof MappingNode) {
      return "a map";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    ScalarNode scalar = (ScalarNode) node;
    return scalar.getTag().equals(Tag.NULL) ? "nothing" : Excerpt.quote(scalar.getValue());
  }
}
