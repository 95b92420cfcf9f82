package dev.lifeboat.activities.secrets;

/**
 * A shell command line whose secrets travel on standard input: each placeholder in the line became
 * a double-quoted variable expansion ({@code "$LIFEBOAT_SECRET_1"}), and the line starts by reading
 * those variables from stdin. The values are then never part of a command line, so neither {@code
 * ps} on the host nor sshd's logs can show them.
 *
 * @param commandLine the line to run; holds no secret value
 * @param stdin the values, one per line, or {@code null} when the line uses no secret; never
 *     printed by {@link #toString}
 */
public record ShellScript(String commandLine, String stdin) {
  @Override
  public String toString() {
    return "ShellScript[commandLine="
        + commandLine
        + (stdin == null ? "" : ", stdin=(secrets, not shown)")
        + "]";
  }
}
