package dev.lifeboat.activities.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code <backup>.sha256} file next to a backup, in {@code sha256sum} format ({@code <hex>
 * <name>}) or just the hex digest.
 *
 * @param path where the sidecar is (or would be)
 * @param firstLine its first line, or {@code null} when there is no sidecar
 */
record ChecksumSidecar(String path, String firstLine) {
  private static final Pattern LINE = Pattern.compile("^\\s*([0-9a-fA-F]{64})(?:\\s+\\*?.*)?$");

  /** The sidecar's path for a backup at {@code backupPath}. */
  static String pathBeside(String backupPath) {
    return backupPath + ".sha256";
  }

  /** Reads the sidecar of a backup on the worker's filesystem. */
  static ChecksumSidecar beside(Path backup) throws IOException {
    Path sidecar = backup.resolveSibling(backup.getFileName() + ".sha256");
    if (!Files.isRegularFile(sidecar)) {
      return new ChecksumSidecar(sidecar.toString(), null);
    }
    String first = Files.readString(sidecar, StandardCharsets.UTF_8).lines().findFirst().orElse("");
    return new ChecksumSidecar(sidecar.toString(), first);
  }

  boolean exists() {
    return firstLine != null;
  }

  /**
   * The expected digest in lower case, or empty when the first line is not a sha256sum line (the
   * caller reports that as a failed check).
   */
  Optional<String> expectedDigest() {
    Matcher m = LINE.matcher(firstLine.strip());
    return m.matches() ? Optional.of(m.group(1).toLowerCase()) : Optional.empty();
  }

  /** The sidecar's first line, shortened for a message. */
  String firstLineExcerpt() {
    return firstLine.length() > 80 ? firstLine.substring(0, 80) + "…" : firstLine;
  }
}
