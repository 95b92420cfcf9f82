package dev.lifeboat.app.packaged;

import static org.awaitility.Awaitility.await;

import dev.lifeboat.activities.FreePorts;
import dev.lifeboat.app.embedded.EmbeddedTemporalServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's Java test server in a JVM of its own, on loopback, as someone runs it to try Lifeboat
 * against "a cluster": it outlives the Lifeboat that uses it, which the embedded one never does.
 * {@link #main} is what runs in that JVM.
 */
final class StandaloneTemporal implements AutoCloseable {
  private final Process process;
  private final int port;

  private StandaloneTemporal(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static StandaloneTemporal start(Path logDirectory) throws IOException, InterruptedException {
    int port = FreePorts.next();
    Path log = Files.createTempFile(logDirectory, "temporal-", ".log");
    Process process =
        new ProcessBuilder(
                LifeboatJar.javaCommand(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                StandaloneTemporal.class.getName(),
                Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    StandaloneTemporal temporal = new StandaloneTemporal(process, port);
    temporal.awaitListening(log);
    return temporal;
  }

  String target() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private void awaitListening(Path log) throws IOException, InterruptedException {
    await("the Temporal test server to listen on port " + port)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> listening(log));
  }

  private boolean listening(Path log) throws IOException {
    if (!process.isAlive()) {
      throw new IllegalStateException("the Temporal test server exited: " + Files.readString(log));
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public static void main(String[] args) throws InterruptedException {
    EmbeddedTemporalServer.start("127.0.0.1", Integer.parseInt(args[0]));
    Thread.sleep(Long.MAX_VALUE);
  }
}
