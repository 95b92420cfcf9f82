package dev.lifeboat.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the CLI finds its API token: {@code --token}, else {@code LIFEBOAT_TOKEN}, else the file
 * the first start wrote ({@code $LIFEBOAT_DATA/initial-admin-token}, {@code data/} by default).
 */
final class CliToken {
  static final String ENV = "LIFEBOAT_TOKEN";

  private CliToken() {}

  static Path defaultFile(Map<String, String> env) {
    String data = env.getOrDefault("LIFEBOAT_DATA", "");
    return Path.of(data.isBlank() ? "data" : data, "initial-admin-token");
  }

  static String resolve(String flag, Map<String, String> env, Path file) throws IOException {
    if (flag != null && !flag.isBlank()) {
      return flag.trim();
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.trim();
    }
    if (Files.isReadable(file)) {
      return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }
    throw new IOException(
        "no API token: set "
            + ENV
            + " (or pass --token), or keep the file "
            + file
            + " that the server's first start wrote");
  }
}
