package dev.lifeboat.app.plans;

import dev.lifeboat.runbook.FileReading;
import dev.lifeboat.runbook.RunbookFile;
import dev.lifeboat.runbook.RunbookFolder;
import dev.lifeboat.runbook.RunbookProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the next snapshot from the files as read now and the snapshot before. A file that loads
 * gives its plan; a file that now has problems keeps the plan it last gave (a typo saved mid-edit
 * must not take a recovery plan away); a deleted file's plan goes. Plan names stay unique: a file
 * that already had a name keeps it against a newcomer, otherwise the first file by name wins.
 */
final class PlanMerge {
  private PlanMerge() {}

  static PlanSnapshot next(PlanSnapshot before, FolderReading now) {
    Map<Path, PlanEntry> lastGood = new HashMap<>();
    before.plans().values().forEach(entry -> lastGood.put(entry.file().path(), entry));

    List<RunbookProblem> problems = new ArrayList<>(now.problems());
    List<PlanEntry> candidates = new ArrayList<>();
    for (FileReading file : now.files()) {
      Optional<PlanEntry> entry = entry(file, lastGood.get(file.path()));
      problems.addAll(file.problems());
      entry.ifPresent(candidates::add);
    }
    // Files that held their name before claim it first, so a new file cannot take it over.
    candidates.sort(
        Comparator.comparing((PlanEntry entry) -> !heldBefore(before, entry))
            .thenComparing(entry -> entry.file().path()));
    Map<String, PlanEntry> plans = new TreeMap<>();
    for (PlanEntry entry : candidates) {
      PlanEntry owner = plans.putIfAbsent(entry.name(), entry);
      if (owner != null) {
        problems.add(RunbookFolder.nameTaken(entry.file(), owner.file().path()));
      }
    }
    problems.sort(Comparator.comparing(RunbookProblem::source));
    return new PlanSnapshot(plans, problems);
  }

  private static Optional<PlanEntry> entry(FileReading file, PlanEntry lastGood) {
    if (file.runbook().isPresent()) {
      return Optional.of(new PlanEntry(file.runbook().get(), List.of()));
    }
    if (lastGood == null) {
      return Optional.empty();
    }
    return Optional.of(new PlanEntry(lastGood.file(), file.problems()));
  }

  private static boolean heldBefore(PlanSnapshot before, PlanEntry entry) {
    PlanEntry held = before.plans().get(entry.name());
    return held != null && held.file().path().equals(entry.file().path());
  }

  /** The plans of files read once, as at start-up, for a catalog that is not reloaded. */
  static PlanSnapshot of(List<RunbookFile> files, List<RunbookProblem> problems) {
    Map<String, PlanEntry> plans = new TreeMap<>();
    files.forEach(file -> plans.putIfAbsent(file.runbook().name(), new PlanEntry(file, List.of())));
    return new PlanSnapshot(plans, problems);
  }
}
