package dev.lifeboat.app.cli;

import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.LifeboatApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command that works on the record without the server ({@code audit verify}, {@code report}) run
 * through the application's own main, in a JVM of its own, on the shipped {@code config.yml}
 * pointed at a test database.
 */
final class OfflineCli {
  private OfflineCli() {}

  /** How the command ended and everything it printed (stdout and stderr together). */
  record Ended(int exit, String output) {}

  static Ended run(Path dir, String databaseUrl, List<String> arguments) throws Exception {
    Path config = dir.resolve("config.yml");
    if (!Files.exists(config)) {
      Files.copy(Path.of("..", "config.yml"), config);
    }
    Path log = Files.createTempFile(dir, "cli", ".log");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LifeboatApplication.class.getName()));
    command.addAll(arguments);
    command.add(config.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("LIFEBOAT_EMBEDDED_POSTGRES", "false");
    builder.environment().put("LIFEBOAT_DATABASE_URL", databaseUrl);
    builder.environment().put("LIFEBOAT_DATABASE_USER", TestPostgres.server().user());
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(arguments + " did not end within 60s:\n" + Files.readString(log));
    }
    return new Ended(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
