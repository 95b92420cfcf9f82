package dev.lifeboat.app.plans;

import dev.lifeboat.runbook.RunbookFile;
import dev.lifeboat.runbook.RunbookFolder;
import dev.lifeboat.runbook.RunbookProblem;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The plans of {@code runbooks/}, reloadable while the service runs. Readers get the current {@link
 * PlanSnapshot}, which never changes; {@link #reload} builds the next one and swaps it in whole. A
 * run carries the plan it resolved at launch in its workflow input, so a reload never touches a run
 * in flight. Broken files are not offered for launch (unless an earlier version of the file loaded,
 * which is kept); their problems are kept for the API and the log.
 */
public final class PlanCatalog {
  /** Reads the folder; empty for a catalog of fixed plans. */
  private final Optional<Supplier<FolderReading>> folder;

  private final AtomicReference<PlanSnapshot> current;

  private PlanCatalog(Optional<Supplier<FolderReading>> folder, PlanSnapshot first) {
    this.folder = folder;
    this.current = new AtomicReference<>(first);
  }

  /** The plans of {@code folder}, read now and again at every {@link #reload}. */
  public static PlanCatalog load(RunbookFolder reader, Path folder) {
    PlanCatalog catalog =
        new PlanCatalog(Optional.of(() -> read(reader, folder)), PlanSnapshot.EMPTY);
    catalog.reload();
    return catalog;
  }

  /** A catalog of the given plans only, for benchmarks and tests; reloading changes nothing. */
  public PlanCatalog(List<RunbookFile> files, List<RunbookProblem> problems) {
    this(Optional.empty(), PlanMerge.of(files, problems));
  }

  /**
   * Reads the folder again and swaps in what it holds now; returns what changed. Reloads are
   * serialised (the watcher and the API may ask at once); readers are never blocked.
   */
  public synchronized PlanChanges reload() {
    PlanSnapshot before = current.get();
    if (folder.isEmpty()) {
      return PlanChanges.between(before, before);
    }
    PlanSnapshot after = PlanMerge.next(before, folder.get().get());
    current.set(after);
    return PlanChanges.between(before, after);
  }

  public PlanSnapshot snapshot() {
    return current.get();
  }

  public Optional<RunbookFile> find(String name) {
    return Optional.ofNullable(current.get().plans().get(name)).map(PlanEntry::file);
  }

  public Collection<RunbookFile> all() {
    return current.get().plans().values().stream().map(PlanEntry::file).toList();
  }

  public List<RunbookProblem> problems() {
    return current.get().problems();
  }

  public String names() {
    PlanSnapshot snapshot = current.get();
    return snapshot.plans().isEmpty() ? "(none)" : String.join(", ", snapshot.plans().keySet());
  }

  private static FolderReading read(RunbookFolder reader, Path folder) {
    if (!Files.isDirectory(folder)) {
      return new FolderReading(List.of(), List.of(RunbookFolder.notAFolder(folder)));
    }
    try {
      return new FolderReading(
          RunbookFolder.runbookFiles(folder).stream().map(reader::read).toList(), List.of());
    } catch (UncheckedIOException unlistable) {
      return new FolderReading(List.of(), List.of(RunbookFolder.unlistable(folder, unlistable)));
    }
  }
}
