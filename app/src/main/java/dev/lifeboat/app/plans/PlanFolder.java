package dev.lifeboat.app.plans;

import dev.lifeboat.runbook.RunbookFolder;
import dev.lifeboat.runbook.RunbookParser;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runbooks folder as the service serves it: loaded at start, reloaded on every change when
 * watched, and every problem of a file that did not load logged.
 */
public final class PlanFolder {
  private static final Logger LOG = LoggerFactory.getLogger(PlanFolder.class);

  private PlanFolder() {}

  /**
   * @param watch whether a change in the folder reloads the plans by itself (the watcher starts and
   *     stops with the service)
   */
  public static PlanCatalog serve(
      RunbookParser parser, Path folder, boolean watch, LifecycleEnvironment lifecycle) {
    PlanCatalog catalog = PlanCatalog.load(new RunbookFolder(parser), folder);
    catalog.problems().forEach(problem -> LOG.error("runbook problem: {}", problem.format()));
    LOG.info("loaded {} plan(s) from {}", catalog.all().size(), folder.toAbsolutePath());
    if (watch) {
      lifecycle.manage(new RunbookWatcher(folder, catalog, PlanFolder::logReload));
    }
    return catalog;
  }

  private static void logReload(PlanChanges changes) {
    changes.problems().forEach(problem -> LOG.error("runbook problem: {}", problem));
    LOG.info("runbooks changed on disk and were reloaded: {}", changes.summary());
  }
}
