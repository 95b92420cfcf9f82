package dev.lifeboat.activities.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One external program to run. Secrets (such as {@code PGPASSWORD}) go in {@code env}, never in
 * {@code args}: arguments are visible to every user of the machine through {@code ps}, and they are
 * printed in failure messages.
 *
 * @param env variables set on top of the worker's environment; a {@code null} value removes one
 */
public record ToolCommand(Path executable, List<String> args, Map<String, String> env) {
  public ToolCommand {
    Objects.requireNonNull(executable, "executable");
    args = List.copyOf(args);
    env =
        env == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.HashMap<>(env));
  }

  /** The program's file name, e.g. {@code pg_restore}. */
  public String name() {
    return executable.getFileName().toString();
  }

  /** The command line as it can safely be shown: the program and its arguments, no environment. */
  public String display() {
    return name() + (args.isEmpty() ? "" : " " + String.join(" ", args));
  }
}
