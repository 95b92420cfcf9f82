package dev.lifeboat.activities;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Sizes of dumps on disk, whether one file or a directory-format dump. */
public final class FileSizes {
  private FileSizes() {}

  /** The bytes of a file, or of every regular file under a directory. */
  public static long total(Path path) throws IOException {
    try (Stream<Path> files = Files.walk(path)) {
      long total = 0;
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        total += Files.size(file);
      }
      return total;
    }
  }
}
