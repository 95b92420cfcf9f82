package dev.lifeboat.activities.ssh;

import static org.awaitility.Awaitility.await;

import dev.lifeboat.activities.FreePorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server on a free loopback port, with freshly generated keys in a temp directory: a
 * host key, a user key without passphrase and one with {@link #PASSPHRASE}. Needs {@code
 * /usr/sbin/sshd} and {@code ssh-keygen} (package openssh-server). Logs in as the current user.
 */
public final class SshServerFixture implements AutoCloseable {
  public static final String PASSPHRASE = "correct horse battery staple";

  /**
   * Settings for tests: a short connect timeout, ticks (heartbeats) every 100ms instead of 2s so
   * even a short command reports progress, and a 1s grace before SIGKILL.
   */
  public static final SshSettings QUICK =
      new SshSettings(
          Duration.ofSeconds(3),
          2,
          Duration.ofMillis(200),
          Duration.ofMillis(100),
          Duration.ofSeconds(1));

  private static final Path SSHD = Path.of("/usr/sbin/sshd");

  private final Path dir;
  private final int port;
  private final Process sshd;

  private SshServerFixture(Path dir, int port, Process sshd) {
    this.dir = dir;
    this.port = port;
    this.sshd = sshd;
  }

  public static SshServerFixture start() throws IOException, InterruptedException {
    if (!Files.isExecutable(SSHD)) {
      throw new IllegalStateException(
          SSHD + " is missing: these tests need OpenSSH's server (apt-get install openssh-server)");
    }
    Path dir = Files.createTempDirectory("lifeboat-sshd");
    keygen(dir.resolve("host_key"), "");
    keygen(dir.resolve("other_host_key"), "");
    keygen(dir.resolve("user_key"), "");
    keygen(dir.resolve("locked_user_key"), PASSPHRASE);
    Files.writeString(
        dir.resolve("authorized_keys"),
        Files.readString(dir.resolve("user_key.pub"))
            + Files.readString(dir.resolve("locked_user_key.pub")));
    int port = FreePorts.next();
    Files.writeString(
        dir.resolve("sshd_config"),
        String.join(
            "\n",
            "ListenAddress 127.0.0.1",
            "Port " + port,
            "HostKey " + dir.resolve("host_key"),
            "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
            "PidFile " + dir.resolve("sshd.pid"),
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "PubkeyAuthentication yes",
            "PermitRootLogin prohibit-password",
            "StrictModes no",
            "UsePAM no",
            "AllowUsers " + System.getProperty("user.name"),
            "LogLevel ERROR",
            // bash sources ~/.bashrc for commands run by sshd unless SHLVL says it is nested; a
            // slow .bashrc (pyenv init takes seconds) would delay every command and let a kill
            // come before the command's PID line.
            "SetEnv SHLVL=1",
            ""));
    try {
      Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege-separation directory
    } catch (IOException e) {
      // Not root: sshd then runs without privilege separation and only logs in this user.
    }
    Process sshd =
        new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("sshd.log").toFile())
            .start();
    SshServerFixture fixture = new SshServerFixture(dir, port, sshd);
    fixture.awaitListening();
    Files.writeString(fixture.knownHosts(), fixture.knownHostsLine("host_key.pub"));
    Files.writeString(
        fixture.dir.resolve("known_hosts_changed"), fixture.knownHostsLine("other_host_key.pub"));
    Files.writeString(fixture.dir.resolve("known_hosts_empty"), "");
    return fixture;
  }

  public int port() {
    return port;
  }

  public Path dir() {
    return dir;
  }

  public Path knownHosts() {
    return dir.resolve("known_hosts");
  }

  /** A host that logs in with the passphrase-less user key and trusts the real host key. */
  public SshHost host() {
    return host(dir.resolve("user_key"), null, knownHosts());
  }

  public SshHost host(Path keyFile, SecretReference passphrase, Path knownHosts) {
    return new SshHost(
        "test-sshd",
        "127.0.0.1",
        port,
        System.getProperty("user.name"),
        keyFile,
        passphrase,
        knownHosts,
        null);
  }

  /** What {@code ssh-keygen -l} says the real host key's fingerprint is ({@code SHA256:...}). */
  public String hostKeyFingerprint() throws IOException, InterruptedException {
    String line =
        run("ssh-keygen", "-l", "-E", "sha256", "-f", dir.resolve("host_key.pub").toString());
    return line.split(" ")[1];
  }

  private String knownHostsLine(String publicKeyFile) throws IOException {
    String[] key = Files.readString(dir.resolve(publicKeyFile)).trim().split(" ");
    return "[127.0.0.1]:" + port + " " + key[0] + " " + key[1] + "\n";
  }

  private void awaitListening() {
    await("sshd to listen on 127.0.0.1:" + port)
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(this::listening);
  }

  private boolean listening() throws IOException {
    if (!sshd.isAlive()) {
      throw new IllegalStateException(
          "sshd exited at start: " + Files.readString(dir.resolve("sshd.log")));
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    sshd.destroy();
    if (!sshd.waitFor(5, TimeUnit.SECONDS)) {
      sshd.destroyForcibly();
    }
    try (var files = Files.walk(dir)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file); // keys and config are per run; leave nothing in /tmp
      }
    }
  }

  private static void keygen(Path file, String passphrase)
      throws IOException, InterruptedException {
    run(
        "ssh-keygen",
        "-q",
        "-t",
        "ed25519",
        "-N",
        passphrase,
        "-C",
        "lifeboat-test",
        "-f",
        file.toString());
  }

  /** Runs a local program to completion; its output, or an exception saying how it failed. */
  static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }

  /** Command lines of local processes whose command line contains {@code marker}. */
  public static List<String> processesMatching(String marker)
      throws IOException, InterruptedException {
    Process pgrep =
        new ProcessBuilder("pgrep", "-a", "-f", marker).redirectErrorStream(true).start();
    String output = new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    pgrep.waitFor();
    List<String> found = new ArrayList<>();
    for (String line : output.split("\n")) {
      if (!line.isBlank() && !line.contains("pgrep")) {
        found.add(line);
      }
    }
    return found;
  }
}
