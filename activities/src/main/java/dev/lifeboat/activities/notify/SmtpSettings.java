package dev.lifeboat.activities.notify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The SMTP server notify's email channel sends through, as {@code smtp:} in config.yml says it,
 * with the password already resolved from its {@code env:}/{@code file:} reference. {@link
 * #toString()} never shows the password.
 *
 * @param from the sender address every message carries
 * @param username empty for a server that takes mail without a login
 * @param password the resolved password; empty with no login
 * @param trustedCertificate a PEM or DER certificate file trusted for TLS besides the JVM's own
 *     trust store (a server with a self-signed or private-CA certificate); empty to trust only the
 *     JVM's. Nothing is ever trusted without a check.
 * @param checkServerIdentity whether the server's certificate must name {@code host} (true unless
 *     configured otherwise; turning it off is for a pinned self-signed certificate that names no
 *     host, and is logged as a warning at start-up)
 */
public record SmtpSettings(
    String host,
    int port,
    String from,
    Security security,
    String username,
    String password,
    Optional<Path> trustedCertificate,
    boolean checkServerIdentity,
    Duration connectTimeout,
    Duration readTimeout) {

  /** How the connection is protected. */
  public enum Security {
    /** Plain SMTP (a relay on the same host or network only). */
    NONE,
    /** Plain connection upgraded with STARTTLS, which the server must offer (usually port 587). */
    STARTTLS,
    /** TLS from the first byte, "SMTPS" (usually port 465). */
    TLS
  }

  public SmtpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(trustedCertificate, "trustedCertificate");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    username = username == null ? "" : username;
    password = password == null ? "" : password;
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("smtp.port must be 1..65535, got " + port);
    }
  }

  /** {@code host:port}, as messages name the server. */
  public String server() {
    return host + ":" + port;
  }

  @Override
  public String toString() {
    return "SmtpSettings["
        + server()
        + ", "
        + security
        + ", from "
        + from
        + (username.isEmpty() ? "" : ", user " + username)
        + "]";
  }
}
