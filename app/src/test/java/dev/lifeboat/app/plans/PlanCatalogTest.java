package dev.lifeboat.app.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.app.TestPlans;
import dev.lifeboat.runbook.RunbookFolder;
import dev.lifeboat.runbook.RunbookParser;
import dev.lifeboat.runbook.RunbookProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merge rules of a reload that the API tests do not reach. */
class PlanCatalogTest {
  @TempDir Path dir;

  @Test
  void aNewFileCannotTakeTheNameOfAPlanAnotherFileHolds() throws IOException {
    Path holder = Files.writeString(dir.resolve("b.yml"), TestPlans.oneStep("shared", "Held"));
    PlanCatalog catalog = PlanCatalog.load(new RunbookFolder(new RunbookParser()), dir);

    Path newcomer =
        Files.writeString(dir.resolve("a.yml"), TestPlans.oneStep("shared", "Newcomer"));
    PlanChanges changes = catalog.reload();

    assertThat(catalog.find("shared").orElseThrow().path()).isEqualTo(holder);
    assertThat(changes.added()).isEmpty();
    assertThat(changes.updated()).isEmpty();
    assertThat(catalog.problems())
        .extracting(RunbookProblem::format)
        .containsExactly(newcomer + ":1:1: name: plan name 'shared' is already used by " + holder);
  }

  @Test
  void aFileThatBreaksBeforeItEverLoadedOffersNothing() throws IOException {
    PlanCatalog catalog = PlanCatalog.load(new RunbookFolder(new RunbookParser()), dir);
    Files.writeString(
        dir.resolve("a.yml"), TestPlans.oneStep("fresh", "Fresh").replace("rto", "rtx"));

    PlanChanges changes = catalog.reload();

    assertThat(catalog.all()).isEmpty();
    assertThat(changes.kept()).isEmpty();
    assertThat(changes.problems()).hasSize(2);
  }

  @Test
  void aPlanWhoseFileRenamesItIsRemovedUnderTheOldNameAndAddedUnderTheNew() throws IOException {
    Files.writeString(dir.resolve("a.yml"), TestPlans.oneStep("before", "A"));
    PlanCatalog catalog = PlanCatalog.load(new RunbookFolder(new RunbookParser()), dir);
    Files.writeString(dir.resolve("a.yml"), TestPlans.oneStep("after", "A"));

    PlanChanges changes = catalog.reload();

    assertThat(changes.added()).containsExactly("after");
    assertThat(changes.removed()).containsExactly("before");
  }
}
