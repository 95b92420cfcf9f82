package dev.lifeboat.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeboat.activities.ssh.SecretReference;
import dev.lifeboat.activities.ssh.SshHost;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SshHostConfigTest {
  @Test
  void buildsTheHostUnderItsConfiguredName() {
    SshHostConfig config =
        new SshHostConfig(
            "10.0.0.5",
            22,
            "lifeboat",
            "/etc/lifeboat/id_ed25519",
            "env:APP1_KEY_PASSPHRASE",
            "/etc/lifeboat/known_hosts",
            "eu-west");

    assertThat(config.toHost("app-1"))
        .isEqualTo(
            new SshHost(
                "app-1",
                "10.0.0.5",
                22,
                "lifeboat",
                Path.of("/etc/lifeboat/id_ed25519"),
                new SecretReference("env:APP1_KEY_PASSPHRASE"),
                Path.of("/etc/lifeboat/known_hosts"),
                "eu-west"));
  }

  @Test
  void leavesPassphraseAndSiteOutWhenNotGiven() {
    SshHost host =
        new SshHostConfig("app-1.internal", 2222, "ops", "/k", null, "/kh", null).toHost("app-1");

    assertThat(host.passphrase()).isNull();
    assertThat(host.site()).isNull();
    assertThat(host.target()).isEqualTo("app-1.internal:2222");
  }

  @Test
  void refusesASiteThatCannotNameATaskQueue() {
    SshHostConfig config = new SshHostConfig("10.0.0.5", 22, "ops", "/k", null, "/kh", "DR East");

    assertThatThrownBy(() -> config.toHost("db-2"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "hosts.db-2: host db-2: 'DR East' is not a valid site name; use lowercase letters,"
                + " digits and '-', starting with a letter or digit, at most 63 characters");
  }

  @Test
  void refusesALiteralPassphraseWithoutRepeatingIt() {
    SshHostConfig config = new SshHostConfig("10.0.0.5", 22, "ops", "/k", "hunter2", "/kh", null);

    assertThatThrownBy(() -> config.toHost("app-1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "hosts.app-1: a secret must be a reference like env:NAME or file:/path, not a literal"
                + " value")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void namesTheHostWhenTheKnownHostsFileIsMissing() {
    SshHostConfig config = new SshHostConfig("10.0.0.5", 22, "ops", "/k", null, null, null);

    assertThatThrownBy(() -> config.toHost("app-1"))
        .hasMessage(
            "hosts.app-1: host app-1: knownHostsFile is required (host keys are always checked)");
  }
}
