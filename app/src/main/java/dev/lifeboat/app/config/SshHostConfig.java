package dev.lifeboat.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lifeboat.activities.ssh.SecretReference;
import dev.lifeboat.activities.ssh.SshHost;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.nio.file.Path;

/**
 * A host that steps with a {@code host} field run on over SSH, named in {@code hosts}. The key's
 * passphrase is a reference ({@code env:NAME} or {@code file:/path}), never the passphrase itself,
 * so this file can be committed. {@code production: true} marks a host only a recovery may change.
 */
public class SshHostConfig {
  @JsonProperty @NotEmpty private String address;

  @JsonProperty
  @Min(1)
  @Max(65535)
  private int port = 22;

  @JsonProperty @NotEmpty private String user;
  @JsonProperty @NotEmpty private String keyFile;
  @JsonProperty private String passphrase;
  @JsonProperty @NotEmpty private String knownHostsFile;
  @JsonProperty private String site;

  /** A drill refuses to change this host unless the step declares drill: as-is. */
  @JsonProperty private boolean production;

  public SshHostConfig() {}

  public SshHostConfig(
      String address,
      int port,
      String user,
      String keyFile,
      String passphrase,
      String knownHostsFile,
      String site) {
    this.address = address;
    this.port = port;
    this.user = user;
    this.keyFile = keyFile;
    this.passphrase = passphrase;
    this.knownHostsFile = knownHostsFile;
    this.site = site;
  }

  public boolean isProduction() {
    return production;
  }

  /**
   * The host runbooks call {@code name}.
   *
   * @throws IllegalStateException naming {@code hosts.NAME} when the entry cannot work
   */
  public SshHost toHost(String name) {
    try {
      return new SshHost(
          name,
          address,
          port,
          user,
          keyFile == null || keyFile.isBlank() ? null : Path.of(keyFile),
          passphrase == null || passphrase.isBlank() ? null : new SecretReference(passphrase),
          knownHostsFile == null || knownHostsFile.isBlank() ? null : Path.of(knownHostsFile),
          site == null || site.isBlank() ? null : site);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("hosts." + name + ": " + e.getMessage(), e);
    }
  }
}
