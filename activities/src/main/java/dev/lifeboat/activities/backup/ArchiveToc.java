package dev.lifeboat.activities.backup;

import dev.lifeboat.activities.postgres.PgTools;
import dev.lifeboat.activities.process.ToolCommand;
import dev.lifeboat.activities.process.ToolListener;
import dev.lifeboat.activities.process.ToolRun;
import dev.lifeboat.activities.process.ToolRunner;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lists a backup on the worker with its {@link ListingCommand}: the proof that pg_restore (or tar)
 * will be able to read it when it matters.
 */
final class ArchiveToc {
  private final PgTools tools;
  private final ToolRunner runner;

  ArchiveToc(PgTools tools, ToolRunner runner) {
    this.tools = tools;
    this.runner = runner;
  }

  Listing list(ListingCommand listing) {
    Path executable =
        listing.tool().equals(ListingCommand.PG_RESTORE)
            ? tools.pgRestore()
            : Path.of(listing.tool()); // found on the PATH when started
    AtomicInteger entries = new AtomicInteger();
    ToolRun run =
        runner.run(
            new ToolCommand(executable, listing.args(), Map.of()),
            new ToolListener() {
              @Override
              public void onStdoutLine(String line) {
                if (listing.isEntry(line)) {
                  entries.incrementAndGet();
                }
              }
            });
    if (!run.succeeded()) {
      return listing.unreadable(run.stderrTail(3).replace('\n', ' '));
    }
    return Listing.of(entries.get());
  }
}
