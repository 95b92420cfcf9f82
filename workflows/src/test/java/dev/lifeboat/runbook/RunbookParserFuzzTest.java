package dev.lifeboat.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A property over generated input: for every mutated valid runbook (see {@link RunbookMutations}),
 * the parser answers with a plan or with problems, never with an exception, and what it says stays
 * small however large the file (tracker 9.3: 4 crashes in 359 fuzzed files). Seeds are fixed, so a
 * failure names the seed that reproduces it.
 */
class RunbookParserFuzzTest {
  private static final int CASES = 500;

  /** One more problem than are listed (the "N more" line), each well under a kilobyte. */
  private static final int MAX_OUTPUT = 101 * 1_000;

  private static final List<String> SEEDS =
      Fixtures.names("valid").stream().map(name -> Fixtures.text("valid/" + name)).toList();

  private final List<RunbookParser> parsers =
      List.of(
          new RunbookParser(),
          new RunbookParser(Map.of("db1", Optional.of("dr-east")), Set.of("local")));

  @Test
  void answersEveryMutatedRunbookWithAPlanOrBoundedProblems() {
    List<String> failures = new ArrayList<>();
    for (long seed = 0; seed < CASES && failures.size() < 5; seed++) {
      String text = new RunbookMutations(seed).mutate(SEEDS.get((int) (seed % SEEDS.size())));
      try {
        for (RunbookParser parser : parsers) {
          check(parser.parse("fuzz.yml", text), text);
          check(
              parser.resolve(
                  "fuzz.yml", text, new RunBindings("run-1", "drill", "tester", Map.of("x", "y"))),
              text);
        }
      } catch (Throwable escaped) {
        failures.add("seed " + seed + ": " + escaped + "\n" + excerpt(text));
      }
    }
    assertThat(failures).as("mutated runbooks the parser did not answer safely").isEmpty();
  }

  @Test
  void mutationsAreReproducibleFromTheirSeed() {
    String seed = SEEDS.get(0);
    assertThat(new RunbookMutations(42).mutate(seed))
        .isEqualTo(new RunbookMutations(42).mutate(seed))
        .isNotEqualTo(seed);
  }

  private static void check(ParseResult result, String text) {
    int output = result.problems().stream().mapToInt(p -> p.format().length() + 1).sum();
    if (output > MAX_OUTPUT || result.problems().size() > 101) {
      throw new AssertionError(
          result.problems().size()
              + " problems, "
              + output
              + " characters of output for a "
              + text.length()
              + "-character runbook");
    }
  }

  private static String excerpt(String text) {
    return text.length() <= 2_000 ? text : text.substring(0, 2_000) + "…";
  }
}
