package dev.lifeboat.activities.backup;

import dev.lifeboat.activities.postgres.PgTools;
import dev.lifeboat.activities.process.ToolCommand;
import dev.lifeboat.activities.process.ToolListener;
import dev.lifeboat.activities.process.ToolRun;
import dev.lifeboat.activities.process.ToolRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads an archive's table of contents with {@code pg_restore --list}: the proof that pg_restore
 * will be able to read the dump when it matters.
 */
final class ArchiveToc {
  private final PgTools tools;
  private final ToolRunner runner;

  ArchiveToc(PgTools tools, ToolRunner runner) {
    this.tools = tools;
    this.runner = runner;
  }

  /** The outcome: the entry count when readable, else pg_restore's complaint. */
  record Listing(boolean readable, int entries, String problem) {}

  Listing list(Path archive) {
    ToolCommand command =
        new ToolCommand(tools.pgRestore(), List.of("--list", archive.toString()), Map.of());
    AtomicInteger entries = new AtomicInteger();
    ToolRun run =
        runner.run(
            command,
            new ToolListener() {
              @Override
              public void onStdoutLine(String line) {
                // Lines starting with ';' are the listing's header comments, not TOC entries.
                if (!line.isBlank() && !line.startsWith(";")) {
                  entries.incrementAndGet();
                }
              }
            });
    if (!run.succeeded()) {
      return new Listing(false, 0, run.stderrTail(3).replace('\n', ' '));
    }
    return new Listing(true, entries.get(), "");
  }
}
