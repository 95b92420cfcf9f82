package dev.lifeboat.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runbooks written to hurt the reader (tracker 9.3, 9.4): each is a problem of its own file, told
 * in a bounded message, never an exception or an unbounded amount of memory or output.
 */
class HostileRunbooksTest {
  private final RunbookParser parser = new RunbookParser();

  private static final String GOOD =
      """
      name: hostile
      title: Hostile
      owner: sre
      objectives: {rto: 15m, rpo: 1h}
      stages:
        - name: tell
          steps:
            - id: say
              kind: notify
              channel: log
              message: hello
      """;

  @Test
  void refusesAnRpoThatOverflowsALong() {
    ParseResult result = parser.parse("o.yml", GOOD.replace("rpo: 1h", "rpo: 106751991167301d"));

    assertThat(result.problems())
        .extracting(RunbookProblem::format)
        .containsExactly(
            "o.yml:4:29: objectives.rpo: '106751991167301d' is longer than the longest duration"
                + " allowed, 365d (one year)");
  }

  @Test
  void refusesATimeoutTemporalCouldNotHold() {
    ParseResult result =
        parser.parse(
            "t.yml",
            GOOD.replace("message: hello", "message: hello\n        timeout: 106751991167300d"));

    assertThat(result.problems())
        .extracting(RunbookProblem::format)
        .containsExactly(
            "t.yml:12:18: stages[0].steps[0].timeout: '106751991167300d' is longer than the"
                + " longest duration allowed, 365d (one year)");
  }

  @Test
  void acceptsEveryDurationUpToOneYear() {
    assertThat(parser.parse("y.yml", GOOD.replace("rpo: 1h", "rpo: 365d")).problems()).isEmpty();
    assertThat(parser.parse("y.yml", GOOD.replace("rpo: 1h", "rpo: 8760h")).problems()).isEmpty();
    assertThat(parser.parse("y.yml", GOOD.replace("rpo: 1h", "rpo: 364d24h1ms")).problems())
        .extracting(RunbookProblem::message)
        .singleElement()
        .asString()
        .contains("longer than the longest duration allowed");
  }

  @Test
  void refusesANulEscapeInATitleWithItsLine() {
    ParseResult result = parser.parse("n.yml", GOOD.replace("title: Hostile", "title: \"a\\0b\""));

    assertThat(result.problems())
        .extracting(RunbookProblem::format)
        .containsExactly(
            "n.yml:2:8: title: text cannot hold the NUL character (\\u0000 at position 1);"
                + " PostgreSQL cannot store it");
  }

  @Test
  void refusesANulEscapeInAMessageAndAnUnpairedSurrogate() {
    ParseResult result =
        parser.parse(
            "n.yml",
            GOOD.replace("message: hello", "message: \"x\\0\"")
                .replace("owner: sre", "owner: \"\\uD800\""));

    assertThat(result.problems())
        .extracting(RunbookProblem::format)
        .containsExactly(
            "n.yml:3:8: owner: text cannot hold an unpaired surrogate (\\ud800 at position 0);"
                + " it is not a character",
            "n.yml:11:18: stages[0].steps[0].message: text cannot hold the NUL character"
                + " (\\u0000 at position 1); PostgreSQL cannot store it");
  }

  @Test
  void refusesAScalarAliasBombOfTheTrackerBySize() {
    String bomb = scalarAliasBomb(2_300_000);
    assertThat(bomb.length()).isGreaterThan(2_000_000);

    ParseResult result = parser.parse("bomb.yml", bomb);

    assertThat(result.problems())
        .extracting(RunbookProblem::format)
        .containsExactly(
            "bomb.yml: the runbook is "
                + bomb.length()
                + " characters long; a runbook may have at most 262144");
  }

  @Test
  void refusesAScalarAliasBombUnderTheSizeLimitByItsAliases() {
    String bomb = scalarAliasBomb(200_000);

    ParseResult result = parser.parse("bomb.yml", bomb);

    assertThat(result.problems())
        .extracting(RunbookProblem::message)
        .containsExactly(
            "more than 100 aliases (*name); a runbook may repeat itself through at most 100");
    assertThat(result.problems().get(0).line()).isGreaterThan(1);
  }

  @Test
  void refusesNestingDeeperThanARunbookNeeds() {
    String deep = "name: " + "[".repeat(500) + "]".repeat(500) + "\n";

    ParseResult result = parser.parse("deep.yml", deep);

    assertThat(result.problems())
        .extracting(RunbookProblem::message)
        .singleElement()
        .asString()
        .contains("nested deeper than 32");
  }

  @Test
  void cutsAHugeValueInEveryMessageThatQuotesIt(@TempDir Path dir) throws IOException {
    // A 103 KB file of long values (the tracker's gave 100 MB of output through aliases; those
    // are bounded on their own, see the alias bombs): every message quotes 80 characters.
    String value = "x".repeat(17_100);
    StringBuilder text =
        new StringBuilder("name: " + value)
            .append("\ntitle: t\nowner: o\nobjectives: {rto: 1h, rpo: " + value + "}\n")
            .append("? " + value + "\n: 1\nstages:\n");
    for (int i = 0; i < 3; i++) {
      text.append("  - " + value + "\n");
    }
    Path file = Files.writeString(dir.resolve("huge.yml"), text);
    assertThat(Files.size(file)).isBetween(100_000L, 110_000L);

    List<RunbookProblem> problems =
        new RunbookCheck(new RunbookFolder(parser)).check(List.of(file));

    String output = String.join("\n", problems.stream().map(RunbookProblem::format).toList());
    assertThat(problems).hasSize(6);
    assertThat(output.length()).as(output).isLessThan(6 * 500);
    String cut = "'" + "x".repeat(80) + "…'";
    assertThat(output)
        .contains(file + ":4:28: objectives.rpo: " + cut + " is not a duration")
        .contains(file + ":8:5: stages[0]: expected a map, got " + cut)
        .contains(file + ":5:3: ")
        .contains(": unknown field " + cut);
  }

  @Test
  void listsAtMostAHundredProblemsOfOneFile() {
    StringBuilder text = new StringBuilder(GOOD);
    for (int i = 0; i < 5_000; i++) {
      text.append("unknown").append(i).append(": 1\n");
    }

    ParseResult result = parser.parse("many.yml", text.toString());

    assertThat(result.problems()).hasSize(101);
    assertThat(result.problems().get(100).format())
        .isEqualTo("many.yml: 4900 more problems not listed; fix these and check again");
  }

  /**
   * A long scalar under an anchor, then a list of aliases to it: small to write, and every message
   * quoting each alias used to copy the scalar again (OutOfMemoryError with a 6 GB heap).
   */
  static String scalarAliasBomb(int size) {
    StringBuilder text =
        new StringBuilder("name: &v " + "y".repeat(size / 2) + "\ntitle: t\nowner: o\nstages:\n");
    while (text.length() < size) {
      text.append("  - *v\n");
    }
    return text.toString();
  }
}
