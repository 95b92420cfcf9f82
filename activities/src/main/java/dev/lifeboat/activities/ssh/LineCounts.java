package dev.lifeboat.activities.ssh;

/**
 * Counts a command's output lines on the host instead of sending them over: listing a big tarball
 * prints millions of names, and only their number matters.
 */
public final class LineCounts {
  private LineCounts() {}

  /**
   * Shell text that runs {@code command}, prints only how many of its stdout lines match the awk
   * pattern {@code pattern}, and exits with the command's own status. The status survives the pipe
   * as a marker line after the output, which awk turns back into its exit status. Works with and
   * without {@code set -e}.
   *
   * @param command shell text, its values already quoted
   * @param pattern an awk pattern such as {@code NF} (non-blank lines)
   */
  public static String of(String command, String pattern) {
    // "|| s=$?" rather than "; s=$?": under set -e a failing command would end the subshell
    // before the marker is written.
    return "( s=0; "
        + command
        + " || s=$?; echo \"lifeboat-exit-status $s\" ) | awk '/^lifeboat-exit-status /{rc=$2; next} "
        + pattern
        + " {n++} END {print n+0; exit rc}'";
  }
}
