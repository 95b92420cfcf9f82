package dev.lifeboat.activities.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/** One sshd per test class, shared with its nested classes, gone with its files afterwards. */
class SshServerExtensionTest {
  /** The port and directory each test of the example saw. */
  static final List<Integer> PORTS = new CopyOnWriteArrayList<>();

  static final List<Path> DIRS = new CopyOnWriteArrayList<>();

  /** Run only by the test kit below: surefire does not pick up nested classes. */
  static class UsesSshd {
    @RegisterExtension static final SshServerExtension sshd = new SshServerExtension();

    @Test
    void one() {
      PORTS.add(sshd.port());
      DIRS.add(sshd.dir());
    }

    @Test
    void two() {
      PORTS.add(sshd.port());
      DIRS.add(sshd.dir());
    }

    @Nested
    class Inner {
      @Test
      void three() {
        PORTS.add(sshd.port());
        DIRS.add(sshd.dir());
      }
    }
  }

  @Test
  void startsOneServerForTheClassAndDeletesItsFilesAfterwards() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(UsesSshd.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(3).failed(0));

    assertThat(PORTS).hasSize(3);
    assertThat(PORTS.stream().distinct())
        .as("one server for the class and its nested class")
        .hasSize(1);
    assertThat(DIRS.get(0)).as("its keys and config, deleted").doesNotExist();
    assertThat(listening(PORTS.get(0))).as("sshd stopped").isFalse();
  }

  @Test
  void saysHowToUseItWhenAskedOutsideATestClass() {
    assertThat(catchThrowable(() -> new SshServerExtension().port()))
        .hasMessageContaining("register SshServerExtension on a static field");
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
