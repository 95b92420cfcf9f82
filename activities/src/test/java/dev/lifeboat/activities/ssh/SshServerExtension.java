package dev.lifeboat.activities.ssh;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real OpenSSH server on a loopback port ({@link SshServerFixture}) for one test class:
 *
 * <pre>
 * &#64;RegisterExtension static final SshServerExtension sshd = new SshServerExtension();
 * </pre>
 *
 * It starts before the class's {@code @BeforeAll} methods, once even when {@code @Nested} classes
 * inherit it, and is stopped, its keys and temp directory deleted, when JUnit closes the class.
 */
public final class SshServerExtension implements BeforeAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SshServerExtension.class);

  private SshServerFixture server;

  @Override
  public synchronized void beforeAll(ExtensionContext context) throws Exception {
    if (server != null) {
      return; // a @Nested class shares its enclosing class's server
    }
    server = SshServerFixture.start();
    context.getStore(NAMESPACE).put("sshd", (AutoCloseable) this::stop);
  }

  private synchronized void stop() throws IOException, InterruptedException {
    SshServerFixture running = server;
    server = null;
    running.close();
  }

  /** The running server; only while the class runs. */
  public synchronized SshServerFixture server() {
    if (server == null) {
      throw new IllegalStateException(
          "sshd runs only while the test class does: register SshServerExtension on a static"
              + " field with @RegisterExtension and use it from tests or @BeforeAll/@BeforeEach");
    }
    return server;
  }

  public int port() {
    return server().port();
  }

  public Path dir() {
    return server().dir();
  }

  public Path knownHosts() {
    return server().knownHosts();
  }

  /** A host that logs in with the passphrase-less user key and trusts the real host key. */
  public SshHost host() {
    return server().host();
  }

  public SshHost host(Path keyFile, SecretReference passphrase, Path knownHosts) {
    return server().host(keyFile, passphrase, knownHosts);
  }

  public String hostKeyFingerprint() throws IOException, InterruptedException {
    return server().hostKeyFingerprint();
  }
}
