package dev.lifeboat.runbook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutates a valid runbook the ways real and hostile files go wrong: a flipped character, a lost or
 * repeated line, a value replaced by a hostile scalar, a value nested deep, a value anchored and
 * aliased many times. The same seed always gives the same text, so a failure is reproducible from
 * the seed it prints.
 */
final class RunbookMutations {
  static final List<String> HOSTILE_SCALARS =
      List.of(
          "106751991167301d",
          "106751991167300d",
          "9223372036854775807ms",
          "99999999999999999999999d",
          "0000000000000000000000001s",
          "365d1ms",
          "0s",
          "\"\\0\"",
          "\"a\\0b\"",
          "\"\\uD800\"",
          "\"\\uDC00x\"",
          "\"\\U0010FFFF\"",
          "\"\\U00110000\"",
          "\"\\x00\"",
          "\"\\e\\a\"",
          "${",
          "${params.",
          "${params.x}",
          "${secrets.x}",
          "${run.id}${run.id}",
          "-1",
          "99999999999999999999",
          "1e400",
          ".nan",
          "~",
          "null",
          "[]",
          "{}",
          "[a, [b, {c: d}]]",
          "!!binary AAAA",
          "!!int x",
          "!!float x",
          "!!timestamp 2001-12-14",
          "!!set {a, b}",
          "!!omap [a: 1]",
          "!custom x",
          "!<tag:x> y",
          "&anchor x",
          "*anchor",
          "*nowhere",
          "<<: *anchor",
          "? complex",
          "|",
          ">-",
          "'unclosed",
          "\"unclosed",
          "\u202e",
          "x".repeat(20_000),
          "9".repeat(5_000) + "d");

  private static final Pattern DURATION = Pattern.compile("[:{,] *(\\d+(ms|s|m|h|d))\\b");

  private static final char[] FLIPS = {
    ':', '-', '[', ']', '{', '}', '&', '*', '!', '"', '\'', '\\', '\n', ' ', '#', '%', '|', '>',
    '?', ',', '$', '\t', '\u0000', '\u00e9', '\ud83d', '\ufeff', '@', '`'
  };

  private final SplittableRandom random;

  RunbookMutations(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** One to six mutations of {@code text}. */
  String mutate(String text) {
    int count = 1 + random.nextInt(6);
    for (int i = 0; i < count; i++) {
      text = once(text);
    }
    return text;
  }

  private String once(String text) {
    return switch (random.nextInt(7)) {
      case 0 -> flip(text);
      case 1 -> editLine(text, (lines, i) -> lines.remove(i));
      case 2 -> repeatLine(text, 1 + random.nextInt(50));
      case 3 -> replaceValue(text, value -> pick(HOSTILE_SCALARS));
      case 4 -> nest(text, 1 + random.nextInt(200));
      case 5 -> hugeDuration(text);
      default -> alias(text, 1 + random.nextInt(300));
    };
  }

  private String flip(String text) {
    if (text.isEmpty()) return text;
    int at = random.nextInt(text.length());
    char c = random.nextBoolean() ? FLIPS[random.nextInt(FLIPS.length)] : (char) random.nextInt();
    return text.substring(0, at) + c + text.substring(at + 1);
  }

  /** Replaces one duration of the plan by a number of 1 to 25 digits of a random unit. */
  private String hugeDuration(String text) {
    Matcher durations = DURATION.matcher(text);
    List<int[]> found = new ArrayList<>();
    while (durations.find()) found.add(new int[] {durations.start(1), durations.end(1)});
    if (found.isEmpty()) return text;
    int[] at = pick(found);
    StringBuilder digits = new StringBuilder().append(1 + random.nextInt(9));
    for (int n = random.nextInt(25); n > 0; n--) digits.append(random.nextInt(10));
    String unit = pick(List.of("ms", "s", "m", "h", "d"));
    return text.substring(0, at[0]) + digits + unit + text.substring(at[1]);
  }

  private String repeatLine(String text, int times) {
    return editLine(
        text,
        (lines, i) -> {
          for (int n = 0; n < times; n++) lines.add(i, lines.get(i));
        });
  }

  /** Wraps one value in {@code depth} flow lists or maps. */
  private String nest(String text, int depth) {
    boolean lists = random.nextBoolean();
    return replaceValue(
        text,
        value ->
            lists
                ? "[".repeat(depth) + value + "]".repeat(depth)
                : "{a: ".repeat(depth) + value + "}".repeat(depth));
  }

  /** Anchors one value and refers to it from {@code count} more entries further on. */
  private String alias(String text, int count) {
    String anchored = replaceValue(text, value -> "&a " + value);
    return editLine(
        anchored,
        (lines, i) -> {
          String line = lines.get(i);
          int colon = line.indexOf(": ");
          if (colon < 0) return;
          String indent = line.substring(0, line.length() - line.stripLeading().length());
          lines.set(i, line.substring(0, colon + 2) + "*a");
          for (int n = 0; n < count; n++) lines.add(i + 1, indent + "k" + n + ": *a");
        });
  }

  private String replaceValue(String text, UnaryOperator<String> change) {
    return editLine(
        text,
        (lines, i) -> {
          String line = lines.get(i);
          int colon = line.indexOf(": ");
          if (colon >= 0) {
            lines.set(i, line.substring(0, colon + 2) + change.apply(line.substring(colon + 2)));
          }
        });
  }

  private interface LineEdit {
    void edit(List<String> lines, int index);
  }

  private String editLine(String text, LineEdit edit) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    edit.edit(lines, random.nextInt(lines.size()));
    return String.join("\n", lines);
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
