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
 */
record ChecksumSidecar(Path path) {
  private static final Pattern LINE = Pattern.compile("^\\s*([0-9a-fA-F]{64})(?:\\s+\\*?.*)?$");

  static ChecksumSidecar beside(Path backup) {
    return new ChecksumSidecar(backup.resolveSibling(backup.getFileName() + ".sha256"));
  }

  boolean exists() {
    return Files.isRegularFile(path);
  }

  /**
   * The expected digest in lower case, or empty when the first line is not a sha256sum line (the
   * caller reports that as a failed check).
   */
  Optional<String> expectedDigest() throws IOException {
    String first =
        Files.readString(path, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
    Matcher m = LINE.matcher(first);
    return m.matches() ? Optional.of(m.group(1).toLowerCase()) : Optional.empty();
  }

  /** The sidecar's first line, shortened for a message. */
  String firstLineExcerpt() throws IOException {
    String first = Files.readString(path, StandardCharsets.UTF_8).lines().findFirst().orElse("");
    return first.length() > 80 ? first.substring(0, 80) + "…" : first;
  }
}
