package dev.lifeboat.app.packaged;

import dev.lifeboat.activities.FreePorts;
import dev.lifeboat.activities.ssh.SshServerFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder laid out as an operator's after unpacking Lifeboat: the shipped {@code config.yml} (with
 * anything a test appends, such as a {@code hosts:} block), the shipped runbooks plus the test's
 * own, and a {@code data/} folder. What listens gets a free port through the environment variables
 * the shipped configuration reads, so nothing else in it changes.
 */
final class LifeboatHome {
  private final Path dir;
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final int apiPort = FreePorts.next();
  private final int adminPort = FreePorts.next();
  private final int postgresPort = FreePorts.next();

  private LifeboatHome(Path dir) {
    this.dir = dir;
    environment.put("LIFEBOAT_PORT", Integer.toString(apiPort));
    environment.put("LIFEBOAT_ADMIN_PORT", Integer.toString(adminPort));
    environment.put("LIFEBOAT_EMBEDDED_POSTGRES_PORT", Integer.toString(postgresPort));
    environment.put("LIFEBOAT_TEMPORAL_PORT", Integer.toString(FreePorts.next()));
  }

  /** The shipped configuration followed by {@code moreConfig} (YAML of top-level keys). */
  static LifeboatHome create(String moreConfig) throws IOException {
    LifeboatHome home = new LifeboatHome(Files.createTempDirectory("lifeboat-home"));
    Path repository = Path.of("..").toAbsolutePath().normalize();
    Files.writeString(
        home.config(), Files.readString(repository.resolve("config.yml")) + "\n" + moreConfig);
    Files.createDirectories(home.runbooks());
    try (Stream<Path> shipped = Files.list(repository.resolve("runbooks"))) {
      for (Path plan : shipped.filter(p -> p.toString().endsWith(".yml")).toList()) {
        Files.copy(plan, home.runbooks().resolve(plan.getFileName()));
      }
    }
    Files.createDirectories(home.data());
    return home;
  }

  /**
   * A {@code hosts:} block naming {@code sshd} as host {@code test-sshd}: its ed25519 user key and
   * the known_hosts file with its ed25519 host key, set up as the README tells an operator to.
   */
  static String hostsFor(SshServerFixture sshd) {
    return """
        hosts:
          test-sshd:
            address: 127.0.0.1
            port: %d
            user: %s
            keyFile: %s
            knownHostsFile: %s
        """
        .formatted(
            sshd.port(),
            System.getProperty("user.name"),
            sshd.dir().resolve("user_key"),
            sshd.knownHosts());
  }

  LifeboatHome runbook(String fileName, String yaml) throws IOException {
    Files.writeString(runbooks().resolve(fileName), yaml);
    return this;
  }

  /** Sets an environment variable of the Lifeboat started from this home. */
  LifeboatHome environment(String name, String value) {
    environment.put(name, value);
    return this;
  }

  Map<String, String> environment() {
    return Map.copyOf(environment);
  }

  Path dir() {
    return dir;
  }

  Path config() {
    return dir.resolve("config.yml");
  }

  Path runbooks() {
    return dir.resolve("runbooks");
  }

  Path data() {
    return dir.resolve("data");
  }

  int apiPort() {
    return apiPort;
  }

  int adminPort() {
    return adminPort;
  }

  /** Removes the folder (its Lifeboat must have stopped): each holds a PostgreSQL cluster. */
  void delete() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** The embedded PostgreSQL's port, for the test's own connections (sample databases). */
  int postgresPort() {
    return postgresPort;
  }
}
