package dev.lifeboat.app.packaged;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * {@code java -jar app/target/lifeboat.jar server config.yml}, started in a {@link LifeboatHome} as
 * the README starts it, its output in a log file of that home. Ready once its admin port says it is
 * healthy (Temporal and the record reachable).
 */
final class LifeboatJar implements AutoCloseable {
  private static final Duration START_LIMIT = Duration.ofSeconds(120);

  private final Process process;
  private final Path log;

  private LifeboatJar(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** The jar {@code mvn package} built; failsafe says where. */
  static Path jar() {
    Path jar = Path.of(System.getProperty("lifeboat.jar", "target/lifeboat.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar.toAbsolutePath() + " is missing: these tests run after `mvn package` (mvn verify)");
    }
    return jar.toAbsolutePath();
  }

  static LifeboatJar start(LifeboatHome home) throws IOException, InterruptedException {
    Path log = Files.createTempFile(home.dir(), "lifeboat-", ".log");
    List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx512m"));
    command.addAll(coverageAgent());
    command.addAll(List.of("-jar", jar().toString(), "server", home.config().toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(home.dir().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(home.environment());
    LifeboatJar lifeboat = new LifeboatJar(builder.start(), log);
    lifeboat.awaitHealthy(home.adminPort());
    return lifeboat;
  }

  /** What a command of the jar printed (stdout and stderr) and its exit code. */
  record Ran(int exit, String output) {}

  /** Runs {@code java -jar lifeboat.jar ARGS} in the home, as an operator would; waits 60 s. */
  static Ran command(LifeboatHome home, String... args) throws IOException, InterruptedException {
    Path log = Files.createTempFile(home.dir(), "command-", ".log");
    List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx256m", "-jar"));
    command.add(jar().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(home.dir().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(home.environment());
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "lifeboat "
              + String.join(" ", args)
              + " did not end within 60s:\n"
              + Files.readString(log));
    }
    return new Ran(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /**
   * JaCoCo's agent when {@code mvn verify} measures coverage (failsafe passes it as {@code
   * lifeboat.jar.agent}), so what the jar runs under the ITs counts; nothing otherwise.
   */
  private static List<String> coverageAgent() {
    String agent = System.getProperty("lifeboat.jar.agent", "");
    return agent.isBlank() ? List.of() : List.of(agent);
  }

  /** The java of the JVM running the tests. */
  static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  long pid() {
    return process.pid();
  }

  /** Processes this Lifeboat started and still has as children, e.g. a running pg_restore. */
  List<ProcessHandle> children() {
    return process.children().toList();
  }

  /** SIGKILL, as the OOM killer or a power cut would end it: no shutdown hook runs. */
  void killWithSigkill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("Lifeboat (pid " + pid() + ") survived SIGKILL");
    }
  }

  /** SIGTERM, as systemd or Ctrl-C stops it; waits for a clean stop. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("Lifeboat did not stop within 60s of SIGTERM:\n" + tail());
    }
  }

  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  /** The end of the log, for failure messages. */
  String tail() {
    List<String> lines = log().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }

  private void awaitHealthy(int adminPort) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/healthcheck"))
            .timeout(Duration.ofSeconds(5))
            .build();
    try {
      await("Lifeboat to be healthy on its admin port " + adminPort)
          .atMost(START_LIMIT)
          .pollInterval(Duration.ofMillis(250))
          .until(() -> healthy(http, health));
    } catch (ConditionTimeoutException e) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "Lifeboat was not healthy within " + START_LIMIT.toSeconds() + "s:\n" + tail(), e);
    }
  }

  private boolean healthy(HttpClient http, HttpRequest health) throws InterruptedException {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "Lifeboat exited with " + process.exitValue() + " while starting:\n" + tail());
    }
    try {
      return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false; // not listening yet
    }
  }
}
