package dev.lifeboat.activities.backup;

import dev.lifeboat.activities.postgres.PgTools;
import dev.lifeboat.activities.process.ToolCommand;
import dev.lifeboat.activities.process.ToolListener;
import dev.lifeboat.activities.process.ToolProgress;
import dev.lifeboat.activities.process.ToolRun;
import dev.lifeboat.activities.process.ToolRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Reads a backup on the worker with the worker's own tools; a long read reports progress on every
 * tick, and when that report throws (the step was cancelled) the tool is killed.
 */
final class WorkerReads implements BackupReading.Reader {
  private final PgTools tools;
  private final ToolRunner runner;
  private final Path backup;
  private final Consumer<ToolProgress> progress;

  WorkerReads(PgTools tools, ToolRunner runner, Path backup, Consumer<ToolProgress> progress) {
    this.tools = tools;
    this.runner = runner;
    this.backup = backup;
    this.progress = progress;
  }

  @Override
  public BackupReading.Run run(ListingCommand command) {
    Path executable =
        command.tool().equals(ListingCommand.PG_RESTORE)
            ? tools.pgRestore()
            : Path.of(command.tool()); // found on the PATH when started
    AtomicInteger entries = new AtomicInteger();
    ToolRun run =
        runner.run(
            new ToolCommand(executable, command.args(), Map.of()),
            new ToolListener() {
              @Override
              public void onStdoutLine(String line) {
                if (command.isEntry(line)) {
                  entries.incrementAndGet();
                }
              }

              @Override
              public void onTick(ToolProgress tick) {
                progress.accept(tick);
              }
            });
    return new BackupReading.Run(
        run.succeeded(),
        entries.get(),
        run.stderrTail(3).replace('\n', ' '),
        Duration.ofMillis(run.durationMillis()));
  }

  @Override
  public byte[] tail(int bytes) {
    try (SeekableByteChannel file = Files.newByteChannel(backup)) {
      long size = file.size();
      ByteBuffer end = ByteBuffer.allocate((int) Math.min(bytes, size));
      file.position(size - end.capacity());
      while (end.hasRemaining() && file.read(end) >= 0) {
        // read until the buffer is full; a file shrinking meanwhile ends the loop
      }
      return java.util.Arrays.copyOf(end.array(), end.position());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
