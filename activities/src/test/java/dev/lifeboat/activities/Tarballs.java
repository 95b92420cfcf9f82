package dev.lifeboat.activities;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Real tarballs made with the machine's tar, for tests of backups that are files, not dumps. */
public final class Tarballs {
  private Tarballs() {}

  /**
   * Writes {@code files} (relative name → content) into a fresh folder and packs it with {@code tar
   * -c} (and {@code -z} when the name ends in {@code .gz} or {@code .tgz}) into {@code tarball}.
   */
  public static Path create(Path tarball, Map<String, String> files) throws IOException {
    Path content = Files.createTempDirectory(tarball.getParent(), "content");
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = content.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue());
    }
    String name = tarball.getFileName().toString();
    String flags = name.endsWith(".gz") || name.endsWith(".tgz") ? "-czf" : "-cf";
    run(List.of("tar", "-C", content.toString(), flags, tarball.toString(), "."));
    return tarball;
  }

  /**
   * A gzip tarball cut in half, like an interrupted copy: its start is a valid gzip tarball, so
   * only reading it to the end ({@code tar -t}, {@code tar -x}) finds the damage.
   */
  public static Path truncated(Path tarball) throws IOException {
    Path whole = incompressible(tarball.resolveSibling("whole-" + tarball.getFileName()));
    byte[] bytes = Files.readAllBytes(whole);
    Files.write(tarball, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Files.delete(whole);
    return tarball;
  }

  /** A gzip tarball of 20 files of barely compressible text, about 600 KB. */
  public static Path incompressible(Path tarball) throws IOException {
    Map<String, String> files = new java.util.HashMap<>();
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 20; i++) {
      StringBuilder text = new StringBuilder();
      for (int j = 0; j < 2000; j++) {
        text.append(Long.toHexString(random.nextLong()));
      }
      files.put("file" + i + ".txt", text.toString());
    }
    return create(tarball, files);
  }

  private static void run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
