package dev.lifeboat.app.auth;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands over the admin token made at first start: printed once on the console, framed so it is not
 * missed, and written to a file only its owner can read (like Jenkins' initialAdminPassword), where
 * {@code bin/quickstart} and {@code lifeboat run} find it. The holder copies it somewhere safe and
 * deletes the file. The token never goes to the log.
 */
public final class InitialAdminToken {
  private static final Logger LOG = LoggerFactory.getLogger(InitialAdminToken.class);

  private final Path file;
  private final PrintStream console;

  public InitialAdminToken(Path file, PrintStream console) {
    this.file = file;
    this.console = console;
  }

  public void handOver(ApiToken token) {
    boolean written = write(token);
    String rule = "=".repeat(78);
    console.println();
    console.println(rule);
    console.println(
        "  Lifeboat had no API token, so it made an admin token. It is shown only once:");
    console.println();
    console.println("    " + token.reveal());
    console.println();
    if (written) {
      console.println("  It is also in " + file.toAbsolutePath() + " (readable only by you).");
      console.println("  Copy it somewhere safe, then delete that file.");
    } else {
      console.println("  Copy it now: it could not be written to " + file.toAbsolutePath() + ".");
    }
    console.println("  Send it as 'Authorization: Bearer <token>'. Make a token per person with");
    console.println("  POST /api/tokens, then revoke this one (docs/security.md).");
    console.println(rule);
    console.println();
    console.flush();
    LOG.info("made the first admin token {} (shown once on the console)", token);
  }

  /** Written to a private temporary file first, then moved, so it is never readable by others. */
  private boolean write(ApiToken token) {
    try {
      Path directory = file.toAbsolutePath().getParent();
      Files.createDirectories(directory);
      Path temporary =
          FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
              ? Files.createTempFile(
                  directory,
                  ".initial-admin-token",
                  ".tmp",
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")))
              : Files.createTempFile(directory, ".initial-admin-token", ".tmp");
      Files.writeString(temporary, token.reveal() + "\n", StandardCharsets.US_ASCII);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      LOG.warn("could not write the first admin token to {}: {}", file, e.toString());
      return false;
    }
  }
}
