package dev.lifeboat.activities.ssh;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Function;

/**
 * What a host says about one of its files, gathered by one small script over one connection: what
 * it is, its size and modification time, its first bytes (so the worker can tell the format the
 * same way it does for a local file), its sha256 (computed on the host: the file never crosses the
 * network) and the first line of its {@code <path>.sha256} sidecar. Needs a POSIX shell and GNU
 * coreutils ({@code stat}, {@code sha256sum}, {@code base64}) on the host.
 *
 * @param host the host the file is on
 * @param path the file's path on the host
 * @param kind what is at the path; the other fields are only set for {@link Kind#FILE}
 * @param head up to {@code headBytes} first bytes
 * @param sidecarFirstLine the sidecar's first line, or {@code null} when there is no sidecar
 */
public record RemoteFile(
    SshHost host,
    String path,
    Kind kind,
    long sizeBytes,
    Instant modifiedAt,
    byte[] head,
    String sha256,
    String sidecarFirstLine) {

  /** What a path on a host turned out to be. */
  public enum Kind {
    MISSING,
    DIRECTORY,
    /** A device, socket or pipe: nothing a backup can be. */
    SPECIAL,
    /** A file the SSH user may not read. */
    UNREADABLE,
    FILE
  }

  private static final String NO_SIDECAR = "-";

  /**
   * Inspects {@code path} on the shell's host. Reading the whole file for its digest takes as long
   * as the file is large; the shell's listener hears progress meanwhile.
   *
   * @param headBytes how many leading bytes to fetch
   */
  public static RemoteFile inspect(HostShell shell, String path, int headBytes) {
    String script =
        String.join(
            "\n",
            "p=" + ShellQuote.quote(path),
            "if [ ! -e \"$p\" ]; then echo MISSING; exit 0; fi",
            "if [ -d \"$p\" ]; then echo DIRECTORY; exit 0; fi",
            "if [ ! -f \"$p\" ]; then echo SPECIAL; exit 0; fi",
            "if [ ! -r \"$p\" ]; then echo UNREADABLE; exit 0; fi",
            "set -e",
            "echo FILE",
            "stat -L -c '%s %Y' \"$p\"",
            "head -c " + headBytes + " \"$p\" | base64 | tr -d '\\n'; echo",
            "sum=$(sha256sum < \"$p\")",
            "echo \"${sum%% *}\"",
            "s=\"$p.sha256\"",
            "if [ -f \"$s\" ] && [ -r \"$s\" ]; then",
            "  head -n 1 \"$s\" | head -c 1024 | base64 | tr -d '\\n'; echo",
            "else echo " + NO_SIDECAR + "; fi");
    RemoteResult result = shell.require(script, "inspecting " + path, StepFailureType.UNAVAILABLE);
    try {
      return parse(shell.host(), path, result.stdout());
    } catch (RuntimeException e) {
      // Not the answer of a POSIX shell with GNU coreutils: retrying will not change the host.
      throw StepFailures.of(
          StepFailureType.BAD_CONFIG,
          "host "
              + shell.host().name()
              + " answered unexpectedly while inspecting "
              + path
              + " (it needs a POSIX shell and GNU coreutils: stat, sha256sum, base64): "
              + result.stdoutTail(2).replace('\n', ' '));
    }
  }

  /** {@code /b/app.dump on host db-1}, the way messages name a file on a host. */
  public String location() {
    return path + " on host " + host.name();
  }

  /**
   * This file, when it is a readable regular file; else the failure {@code failure} makes of a
   * message such as {@code backup not found: /b/app.dump on host db-1}.
   *
   * @param what what the file should be, for the message: {@code backup}, {@code dump}
   */
  public RemoteFile requireReadable(String what, Function<String, RuntimeException> failure) {
    return switch (kind) {
      case FILE -> this;
      case MISSING -> throw failure.apply(what + " not found: " + location());
      case DIRECTORY ->
          throw failure.apply(
              what + " " + location() + " is a directory; on a host only single files are read");
      case SPECIAL -> throw failure.apply(what + " " + location() + " is not a regular file");
      case UNREADABLE ->
          throw failure.apply(
              what + " " + location() + " is not readable by " + host.user() + " there");
    };
  }

  private static RemoteFile parse(SshHost host, String path, String stdout) {
    String[] lines = stdout.split("\n", -1);
    Kind kind = Kind.valueOf(lines[0].strip());
    if (kind != Kind.FILE) {
      return new RemoteFile(host, path, kind, 0, null, new byte[0], null, null);
    }
    String[] stat = lines[1].strip().split(" ");
    Base64.Decoder base64 = Base64.getDecoder();
    String sidecar = lines[4].strip();
    return new RemoteFile(
        host,
        path,
        kind,
        Long.parseLong(stat[0]),
        Instant.ofEpochSecond(Long.parseLong(stat[1])),
        base64.decode(lines[2].strip()),
        lines[3].strip(),
        sidecar.equals(NO_SIDECAR)
            ? null
            : new String(base64.decode(sidecar), StandardCharsets.UTF_8).strip());
  }
}
