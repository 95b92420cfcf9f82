package dev.lifeboat.activities;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every SHA-256 Lifeboat takes: of dumps (streamed, so a dump of any size fits in memory), of text
 * (plan fingerprints, API token hashes) and of bytes (SSH host key fingerprints).
 */
public final class Sha256 {
  private Sha256() {}

  /** The hex digest of {@code text}'s UTF-8 bytes. */
  public static String hex(String text) {
    return HexFormat.of().formatHex(of(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** The raw digest of {@code bytes}. */
  public static byte[] of(byte[] bytes) {
    return digest().digest(bytes);
  }

  /**
   * The hex digest of a file, as {@code sha256sum} prints it. For a directory-format dump: the
   * digest of each file's name and digest in name order, so the same dump gives the same value.
   */
  public static String of(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return HexFormat.of().formatHex(fileDigest(path));
    }
    MessageDigest all = digest();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(path)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      all.update(path.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
      all.update(fileDigest(file));
    }
    return HexFormat.of().formatHex(all.digest());
  }

  private static byte[] fileDigest(Path file) throws IOException {
    MessageDigest digest = digest();
    byte[] buffer = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
    return digest.digest();
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
