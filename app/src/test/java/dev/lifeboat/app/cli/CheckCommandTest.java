package dev.lifeboat.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.app.LifeboatApplication;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.runbook.RunbookCheck;
import dev.lifeboat.runbook.RunbookFolder;
import dev.lifeboat.runbook.RunbookParser;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lifeboat check}: silent success on good runbooks, every problem listed on bad ones. */
class CheckCommandTest {
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final List<Integer> exits = new ArrayList<>();

  @Test
  void isTheCheckCommandOfTheApplicationItself() throws Exception {
    // Fails if the command is missing or clashes with Dropwizard's own "check" (which would want a
    // configuration file, not a folder).
    Checked check = lifeboatCheck("../runbooks");

    assertThat(check.exit()).as(check.output()).isZero();
    assertThat(check.output()).contains("ok: no problems in ../runbooks");
  }

  @Test
  void theApplicationExitsOneOnProblems(@TempDir Path folder) throws Exception {
    Files.writeString(folder.resolve("bad.yml"), GOOD.replace("rto: 15m", "rto: 5x"));

    Checked check = lifeboatCheck(folder.toString());

    assertThat(check.exit()).as(check.output()).isEqualTo(CheckCommand.PROBLEMS);
    assertThat(check.output()).contains("bad.yml:4:").contains("1 problem(s)");
  }

  /** What {@code lifeboat check} printed and its exit code. */
  private record Checked(int exit, String output) {}

  /**
   * {@code lifeboat check} through the application's own main, in a JVM of its own with the test's
   * class path: the command and Dropwizard's CLI end the process with System.exit, which here ends
   * that JVM and not the one running the tests.
   */
  private static Checked lifeboatCheck(String path) throws Exception {
    Path log = Files.createTempFile("lifeboat-check", ".log");
    try {
      Process process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  LifeboatApplication.class.getName(),
                  "check",
                  path)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            "lifeboat check did not end within 60s:\n" + Files.readString(log));
      }
      return new Checked(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  @Test
  void acceptsTheShippedRunbooks() {
    Optional<Throwable> failure = cli().run("check", "../runbooks");

    assertThat(failure).as(text(stderr)).isEmpty();
    assertThat(text(stdout)).contains("no problems");
  }

  @Test
  void listsEveryProblemWithFileAndLineAndFails(@TempDir Path folder) throws Exception {
    Path broken = folder.resolve("broken.yml");
    Files.writeString(
        broken,
        """
        name: broken
        title: Broken
        owner: me
        objectives: {rto: 5x, rpo: 1h}
        stages:
          - name: one
            steps:
              - id: a
                kind: notify
                channel: log
                message: hi
                timout: 5m
        """);

    Optional<Throwable> failure = cli().run("check", folder.toString());

    assertThat(failure).as("check must fail so the exit code is non-zero").isPresent();
    assertThat(text(stderr))
        .contains(broken + ":4:19: objectives.rto:")
        .contains(broken + ":12:9: stages[0].steps[0].timout:")
        .contains("did you mean 'timeout'")
        .contains("2 problem(s)");
  }

  @Test
  void exitsWithProblemsNotACrashOnTheTrackersHostileFiles(@TempDir Path folder) throws Exception {
    Files.writeString(
        folder.resolve("overflow.yml"), GOOD.replace("rpo: 1h", "rpo: 106751991167301d"));
    Files.writeString(folder.resolve("nul.yml"), GOOD.replace("title: T", "title: \"a\\0b\""));
    StringBuilder bomb = new StringBuilder("name: &v " + "y".repeat(1_150_000) + "\nstages:\n");
    while (bomb.length() < 2_300_000) {
      bomb.append("  - *v\n");
    }
    Files.writeString(folder.resolve("bomb.yml"), bomb);

    Optional<Throwable> failure = cli().run("check", folder.toString());

    assertThat(failure).isPresent();
    assertThat(exits).as("problems are no bug: Dropwizard's exit 1, not ours").isEmpty();
    assertThat(text(stderr))
        .contains("overflow.yml:4:29: objectives.rpo: '106751991167301d' is longer than")
        .contains("nul.yml:2:8: title: text cannot hold the NUL character")
        .contains("bomb.yml: the file is ")
        .contains("3 problem(s)");
    assertThat(text(stderr).length()).isLessThan(2_000);
  }

  @Test
  void exitsWithItsOwnCodeAndSaysItIsABugWhenTheReaderFails(@TempDir Path folder) throws Exception {
    Files.writeString(folder.resolve("a.yml"), GOOD);
    Files.writeString(folder.resolve("b.yml"), GOOD.replace("name: good", "name: other"));
    RunbookCheck failing =
        new RunbookCheck(
            new RunbookFolder(
                (source, text) -> {
                  if (source.endsWith("a.yml")) {
                    throw new ArithmeticException("long overflow " + "x".repeat(1_000_000));
                  }
                  return new RunbookParser().parse(source, text);
                }));

    Optional<Throwable> failure = cli(failing).run("check", folder.toString());

    assertThat(failure).isPresent();
    assertThat(exits).containsExactly(CheckCommand.BUG);
    assertThat(text(stderr))
        .contains(
            folder.resolve("a.yml")
                + ": reading this file failed with java.lang.ArithmeticException (long overflow")
        .contains("this is a bug in Lifeboat, please report it")
        .contains("reading 1 file(s) failed");
    assertThat(text(stderr).length()).as("the exception's huge message is cut").isLessThan(1_000);
  }

  private static final String GOOD =
      """
      name: good
      title: T
      owner: o
      objectives: {rto: 15m, rpo: 1h}
      stages:
        - name: s
          steps:
            - {id: a, kind: notify, channel: log, message: hi}
      """;

  @Test
  void reportsTemplateMistakesWithFileAndLineAndFails(@TempDir Path folder) throws Exception {
    Path plan = folder.resolve("tell.yml");
    Files.writeString(
        plan,
        """
        name: tell
        title: Tell
        owner: me
        objectives: {rto: 5m, rpo: 1h}
        stages:
          - name: one
            steps:
              - id: unknown-variable
                kind: notify
                channel: log
                message: "Run ${run.id} ${run.outcom}"
        finally:
          - name: always
            steps:
              - id: syntax-error
                kind: notify
                channel: log
                message: |
                  Run ${run.id} ended ${run.outcome}
                  <#if failedStep.id?has_content>failed at ${failedStep.id}
        """);

    Optional<Throwable> failure = cli().run("check", folder.toString());

    assertThat(failure).as("check must fail so the exit code is non-zero").isPresent();
    assertThat(text(stderr))
        .contains(
            plan
                + ":11:35: stages[0].steps[0].message: template error: The following has"
                + " evaluated to null or missing: ==> run.outcom")
        .contains(plan + ":20:")
        .contains("finally[0].steps[0].message: template error: ")
        .contains("unclosed #if")
        .contains("2 problem(s)");
  }

  private Cli cli() {
    return cli(new RunbookCheck(new RunbookFolder(new RunbookParser())));
  }

  private Cli cli(RunbookCheck check) {
    Bootstrap<LifeboatConfiguration> bootstrap = new Bootstrap<>(new LifeboatApplication());
    bootstrap.addCommand(
        new CheckCommand(
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(stderr, true, StandardCharsets.UTF_8),
            exits::add,
            check));
    return new Cli(
        new JarLocation(getClass()),
        bootstrap,
        new PrintStream(stdout, true, StandardCharsets.UTF_8),
        new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
