package dev.lifeboat.activities.restore;

import static dev.lifeboat.activities.ssh.ShellQuote.quote;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.ssh.HostShell;

/**
 * The directory a file restore extracts into, as found on the host before extracting.
 *
 * @param state what is at the path
 * @param stamp the first line of Lifeboat's stamp file in it, or {@code null} when there is none
 * @param entries how many entries a non-empty directory has
 */
record TargetDirectory(State state, String stamp, long entries) {
  enum State {
    ABSENT,
    EMPTY,
    NOT_A_DIRECTORY,
    /** Has Lifeboat's stamp file (of this or another tarball). */
    STAMPED,
    NOT_EMPTY
  }

  static TargetDirectory inspect(HostShell shell, String path, String stampFile) {
    String script =
        String.join(
            "\n",
            "t=" + quote(path),
            "if [ ! -e \"$t\" ]; then echo ABSENT; exit 0; fi",
            "if [ ! -d \"$t\" ]; then echo NOT_A_DIRECTORY; exit 0; fi",
            "if [ -f \"$t/" + stampFile + "\" ]; then",
            "  echo STAMPED; head -n 1 \"$t/" + stampFile + "\" | head -c 200; echo; exit 0",
            "fi",
            "n=$(ls -A \"$t\" | wc -l)",
            "if [ \"$n\" -eq 0 ]; then echo EMPTY; else echo NOT_EMPTY; echo \"$n\"; fi");
    String[] lines =
        shell
            .require(script, "inspecting " + path, StepFailureType.UNAVAILABLE)
            .stdout()
            .split("\n");
    State state = State.valueOf(lines[0].strip());
    return switch (state) {
      case STAMPED -> new TargetDirectory(state, lines.length > 1 ? lines[1].strip() : "", 0);
      case NOT_EMPTY -> new TargetDirectory(state, null, Long.parseLong(lines[1].strip()));
      default -> new TargetDirectory(state, null, 0);
    };
  }

  /** Whether an earlier restore of the stamped tarball finished here. */
  boolean holds(RestoreStamp tarball) {
    return state == State.STAMPED && tarball.matches(stamp);
  }

  /** Fails with BAD_INPUT unless a restore may write here: absent or an empty directory. */
  void requireUsable(String where) {
    String problem =
        switch (state) {
          case ABSENT, EMPTY -> null;
          case NOT_A_DIRECTORY -> " exists and is not a directory";
          case STAMPED -> " holds a restore of a different tarball";
          case NOT_EMPTY -> " is not empty (" + entries + " entries) and holds no Lifeboat restore";
        };
    if (problem != null) {
      throw StepFailures.of(
          StepFailureType.BAD_INPUT,
          where
              + problem
              + "; refusing to overwrite it. Restore into a new or empty directory, or move this"
              + " one away first");
    }
  }
}
