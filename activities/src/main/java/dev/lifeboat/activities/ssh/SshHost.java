package dev.lifeboat.activities.ssh;

import dev.lifeboat.activities.SiteNames;
import java.nio.file.Path;

/**
 * A host Lifeboat reaches over SSH, as configured by an operator. Holds only references: the key is
 * a file, its passphrase a {@link SecretReference}, so printing a host never prints a secret.
 *
 * @param name the name runbooks use for this host
 * @param address host name or IP address to connect to
 * @param port SSH port (22 usually)
 * @param user remote user to log in as
 * @param keyFile private key file (OpenSSH or PEM format)
 * @param passphrase reference to the key's passphrase ({@code env:NAME} or {@code file:/path}), or
 *     {@code null} for a key without one
 * @param knownHostsFile the known_hosts file the host's key must be listed in
 * @param site the site whose worker should run commands on this host, or {@code null} for any
 */
public record SshHost(
    String name,
    String address,
    int port,
    String user,
    Path keyFile,
    SecretReference passphrase,
    Path knownHostsFile,
    String site) {
  public SshHost {
    requireText(name, "name");
    requireText(address, "address");
    requireText(user, "user");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("host " + name + ": port must be 1-65535, not " + port);
    }
    if (keyFile == null) {
      throw new IllegalArgumentException("host " + name + ": keyFile is required");
    }
    if (site != null && !SiteNames.valid(site)) {
      throw new IllegalArgumentException(
          "host " + name + ": '" + site + "' is not a valid site name; " + SiteNames.RULE);
    }
    if (knownHostsFile == null) {
      throw new IllegalArgumentException(
          "host " + name + ": knownHostsFile is required (host keys are always checked)");
    }
  }

  /** {@code address:port}, the way failure messages name the host. */
  public String target() {
    return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("ssh host: " + field + " is required");
    }
  }
}
