package dev.lifeboat.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookFolderTest {
  private final RunbookFolder folder = new RunbookFolder(new RunbookParser());

  @TempDir Path dir;

  private Path copy(String fixture, String as) throws IOException {
    return Files.writeString(dir.resolve(as), Fixtures.text(fixture));
  }

  @Test
  void loadsEveryYamlFileSortedByName() throws IOException {
    copy("valid/notify.yml", "b.yaml");
    copy("valid/verify-backup.yml", "a.yml");
    Files.writeString(dir.resolve("README.md"), "not a runbook");

    LoadedRunbooks loaded = folder.load(dir);

    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.files())
        .extracting(file -> file.path().getFileName().toString())
        .containsExactly("a.yml", "b.yaml");
    assertThat(loaded.files())
        .extracting(file -> file.runbook().name())
        .as("a plan's name need not match its file name")
        .containsExactly("verify-only", "notify-only");
    assertThat(loaded.files().get(0).text()).isEqualTo(Fixtures.text("valid/verify-backup.yml"));
  }

  @Test
  void reportsBrokenFilesAndStillLoadsTheOthers() throws IOException {
    copy("valid/notify.yml", "good.yml");
    Path broken = copy("broken/unknown-kind-suggested.yml", "typo.yml");

    LoadedRunbooks loaded = folder.load(dir);

    assertThat(loaded.files()).hasSize(1);
    assertThat(loaded.problems())
        .extracting(RunbookProblem::format)
        .containsExactly(
            broken
                + ":9:15: stages[0].steps[0].kind: unknown step kind 'verify-bakup'; did you mean"
                + " 'verify-backup'?");
  }

  @Test
  void turnsAnExceptionOfOneFileIntoItsProblemAndLoadsTheOthers() throws IOException {
    copy("valid/notify.yml", "good.yml");
    Path bad = copy("valid/verify-backup.yml", "bad.yml");
    RunbookFolder failing =
        new RunbookFolder(
            (source, text) -> {
              if (source.endsWith("bad.yml")) {
                throw new StackOverflowError();
              }
              return new RunbookParser().parse(source, text);
            });

    LoadedRunbooks loaded = failing.load(dir);

    assertThat(loaded.files()).extracting(f -> f.runbook().name()).containsExactly("notify-only");
    assertThat(loaded.crashed()).isEqualTo(1);
    assertThat(loaded.problems())
        .extracting(RunbookProblem::format)
        .containsExactly(
            bad
                + ": reading this file failed with java.lang.StackOverflowError; this is a bug in"
                + " Lifeboat, please report it");
  }

  @Test
  void doesNotReadAFileLargerThanAnyRunbook() throws IOException {
    copy("valid/notify.yml", "good.yml");
    Path huge = Files.writeString(dir.resolve("huge.yml"), "#".repeat(2_000_000));

    LoadedRunbooks loaded = folder.load(dir);

    assertThat(loaded.files()).hasSize(1);
    assertThat(loaded.problems())
        .extracting(RunbookProblem::format)
        .containsExactly(
            huge
                + ": the file is 2000000 bytes long; a runbook may have at most 262144 characters");
  }

  @Test
  void rejectsAPlanNameUsedTwice() throws IOException {
    Path first = copy("valid/notify.yml", "a.yml");
    Path second = copy("valid/notify.yml", "b.yml");

    LoadedRunbooks loaded = folder.load(dir);

    assertThat(loaded.files()).extracting(RunbookFile::path).containsExactly(first);
    assertThat(loaded.problems())
        .extracting(RunbookProblem::format)
        .containsExactly(
            second + ":1:1: name: plan name 'notify-only' is already used by " + first);
  }

  @Test
  void reportsAMissingFolder() {
    LoadedRunbooks loaded = folder.load(dir.resolve("nope"));

    assertThat(loaded.ok()).isFalse();
    assertThat(loaded.problems())
        .extracting(RunbookProblem::message)
        .containsExactly("not a folder of runbooks");
  }

  @Test
  void checksFilesAndFoldersTogetherForTheCli() throws IOException {
    Path plans = Files.createDirectory(dir.resolve("plans"));
    Files.writeString(plans.resolve("one.yml"), Fixtures.text("valid/notify.yml"));
    Path loose = copy("valid/notify.yml", "loose.yml");
    RunbookCheck check = new RunbookCheck(folder);

    List<RunbookProblem> problems = check.check(List.of(plans, loose, dir.resolve("gone.yml")));

    assertThat(problems)
        .extracting(RunbookProblem::format)
        .containsExactly(
            dir.resolve("gone.yml") + ": no such file or folder",
            loose
                + ":1:1: name: plan name 'notify-only' is already used by "
                + plans.resolve("one.yml"));
  }

  @Test
  void findsNoProblemsInSoundRunbooks() {
    RunbookCheck check = new RunbookCheck(folder);

    assertThat(check.check(List.of(Fixtures.path("valid")))).isEmpty();
  }
}
