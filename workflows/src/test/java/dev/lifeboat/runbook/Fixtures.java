package dev.lifeboat.runbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The runbook fixtures under {@code src/test/resources/runbooks/}. */
final class Fixtures {
  private Fixtures() {}

  static String text(String name) {
    try {
      return Files.readString(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path path(String name) {
    try {
      return Path.of(
          Objects.requireNonNull(
                  Fixtures.class.getResource("/runbooks/" + name), "no fixture runbooks/" + name)
              .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The step with {@code id} of a result that parsed. */
  static Step step(ParseResult result, String id) {
    return result
        .runbook()
        .orElseThrow()
        .steps()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  /** The file names in one fixture folder, sorted. */
  static List<String> names(String folder) {
    try (Stream<Path> files = Files.list(path(folder))) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
