package dev.lifeboat.activities.process;

/**
 * How far a running tool has got, as far as its output tells.
 *
 * @param tool the program's name
 * @param stdoutLines lines written to standard output so far
 * @param stderrLines lines written to standard error so far (pg_restore --verbose reports each
 *     object there)
 * @param elapsedMillis time since the tool started
 */
public record ToolProgress(String tool, long stdoutLines, long stderrLines, long elapsedMillis) {}
