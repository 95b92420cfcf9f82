package dev.lifeboat.app.plans;

import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the plans when a file of the runbooks folder is created, changed or deleted. Events are
 * debounced: an editor saving a file makes several, and a copy of many files makes many, so the
 * reload waits until the folder has been quiet for {@link #QUIET}. Runs on one daemon thread,
 * started and stopped with the service.
 */
public final class RunbookWatcher implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(RunbookWatcher.class);

  /** How long the folder must stay unchanged before the reload. */
  static final Duration QUIET = Duration.ofMillis(300);

  private final Path folder;
  private final PlanCatalog catalog;
  private final Consumer<PlanChanges> report;
  private WatchService watcher;
  private Thread thread;

  /**
   * @param report told what every reload changed (the app logs it)
   */
  public RunbookWatcher(Path folder, PlanCatalog catalog, Consumer<PlanChanges> report) {
    this.folder = folder;
    this.catalog = catalog;
    this.report = report;
  }

  @Override
  public void start() throws IOException {
    if (!Files.isDirectory(folder)) {
      LOG.warn("not watching {}: not a folder; POST /api/plans/reload once it exists", folder);
      return;
    }
    watcher = folder.getFileSystem().newWatchService();
    folder.register(
        watcher,
        StandardWatchEventKinds.ENTRY_CREATE,
        StandardWatchEventKinds.ENTRY_MODIFY,
        StandardWatchEventKinds.ENTRY_DELETE);
    thread = new Thread(this::watch, "runbook-watcher");
    thread.setDaemon(true);
    thread.start();
    LOG.info("watching {} for changed runbooks", folder.toAbsolutePath());
  }

  @Override
  public void stop() throws IOException, InterruptedException {
    if (watcher != null) {
      watcher.close();
      thread.join(TimeUnit.SECONDS.toMillis(5));
    }
  }

  private void watch() {
    try {
      while (true) {
        drain(watcher.take());
        WatchKey more;
        while ((more = watcher.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS)) != null) {
          drain(more);
        }
        reloadAndReport();
      }
    } catch (ClosedWatchServiceException | InterruptedException stopped) {
      LOG.debug("runbook watcher stopped");
    }
  }

  /** Any change to any entry means: read the folder again (the reload finds what changed). */
  private void drain(WatchKey key) {
    key.pollEvents();
    if (!key.reset()) {
      LOG.warn("{} can no longer be watched (deleted?); POST /api/plans/reload to reload", folder);
    }
  }

  private void reloadAndReport() {
    try {
      report.accept(catalog.reload());
    } catch (RuntimeException e) {
      // A reload that fails keeps the plans as they were; the watcher goes on for the next change.
      LOG.error("reloading {} failed; the plans stay as they were", folder, e);
    }
  }
}
