package dev.lifeboat.activities.notify;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.secrets.Redactor;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends one e-mail through the configured SMTP server with Jakarta Mail (Eclipse Angus). Failures
 * are typed: the server unreachable or not answering in time, or answering 4xx, is UNAVAILABLE
 * (retried); a refused login, an untrusted certificate or a refused sender is BAD_CONFIG and a
 * rejected recipient BAD_INPUT (not retried). The password never appears in what it reports. Built
 * once from the configuration; safe to share between threads.
 */
final class SmtpMailer {
  private final SmtpSettings settings;
  private final Properties properties;
  private final Redactor redactor;

  SmtpMailer(SmtpSettings settings) {
    this.settings = settings;
    this.properties = properties(settings);
    this.redactor =
        settings.password().length() >= Redactor.MIN_LENGTH
            ? new Redactor(Map.of("smtp.password", settings.password()))
            : Redactor.NONE;
  }

  /**
   * Sends {@code body} with {@code subject} to {@code to}; returns the summary.
   *
   * @throws io.temporal.failure.ApplicationFailure typed as the class comment says
   */
  String send(List<String> to, String subject, String body) {
    InternetAddress[] recipients =
        to.stream().map(SmtpMailer::recipient).toArray(InternetAddress[]::new);
    refuseLineBreaks("subject", subject);
    Session session = Session.getInstance(properties);
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(settings.from(), true));
      message.setRecipients(Message.RecipientType.TO, recipients);
      message.setSubject(subject, StandardCharsets.UTF_8.name());
      message.setText(body, StandardCharsets.UTF_8.name());
      message.setSentDate(new Date());
      message.saveChanges();
      try (Transport transport = session.getTransport("smtp")) {
        if (settings.username().isEmpty()) {
          transport.connect(settings.host(), settings.port(), null, null);
        } else {
          transport.connect(
              settings.host(), settings.port(), settings.username(), settings.password());
        }
        transport.sendMessage(message, recipients);
      }
    } catch (MessagingException e) {
      throw redactor.redactFailure(failure(e));
    }
    return "mailed to " + String.join(", ", to) + " via " + settings.server();
  }

  /** A recipient, strictly parsed; CR or LF in it is refused before anything is sent. */
  static InternetAddress recipient(String address) {
    EmailAddress.problemOf(address)
        .ifPresent(
            problem -> {
              throw StepFailures.of(StepFailureType.BAD_INPUT, problem);
            });
    try {
      return new InternetAddress(address, true);
    } catch (AddressException e) {
      throw new IllegalStateException("EmailAddress accepted " + address, e);
    }
  }

  /** A header value with a line break could add headers of its own (header injection). */
  private static void refuseLineBreaks(String what, String value) {
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw StepFailures.of(
          StepFailureType.BAD_INPUT,
          "the e-mail "
              + what
              + " holds a line break (CR/LF), which could inject mail headers; refused: "
              + value.replace("\r", "\\r").replace("\n", "\\n"));
    }
  }

  private RuntimeException failure(MessagingException e) {
    String server = "smtp server " + settings.server();
    if (e instanceof AuthenticationFailedException) {
      return StepFailures.of(
          StepFailureType.BAD_CONFIG,
          server
              + " refused the login of '"
              + settings.username()
              + "' (check smtp.username and smtp.password): "
              + oneLine(e.getMessage()));
    }
    SMTPAddressFailedException rejected = causeOf(e, SMTPAddressFailedException.class);
    if (rejected != null) {
      boolean transientReply = rejected.getReturnCode() / 100 == 4;
      return StepFailures.of(
          transientReply ? StepFailureType.UNAVAILABLE : StepFailureType.BAD_INPUT,
          server
              + " rejected recipient "
              + rejected.getAddress()
              + ": "
              + oneLine(rejected.getMessage()));
    }
    SSLException tls = causeOf(e, SSLException.class);
    if (tls != null) {
      return StepFailures.of(
          StepFailureType.BAD_CONFIG,
          "TLS with "
              + server
              + " failed ("
              + settings.security().name().toLowerCase(java.util.Locale.ROOT)
              + "): "
              + oneLine(tls.getMessage())
              + "; a self-signed or private certificate needs smtp.trustCertificate",
          e);
    }
    if (oneLine(e.getMessage()).contains("STARTTLS")) {
      return StepFailures.of(
          StepFailureType.BAD_CONFIG,
          server
              + " does not offer STARTTLS, which smtp.security: starttls requires: "
              + oneLine(e.getMessage()));
    }
    SMTPSendFailedException refused = causeOf(e, SMTPSendFailedException.class);
    if (refused != null) {
      boolean transientReply = refused.getReturnCode() / 100 == 4;
      return StepFailures.of(
          transientReply ? StepFailureType.UNAVAILABLE : StepFailureType.BAD_CONFIG,
          server + " refused the message: " + oneLine(refused.getMessage()));
    }
    IOException io = causeOf(e, IOException.class);
    if (io != null) {
      return StepFailures.of(
          StepFailureType.UNAVAILABLE, server + " unreachable: " + oneLine(io.toString()), e);
    }
    if (e instanceof SendFailedException) {
      return StepFailures.of(
          StepFailureType.BAD_INPUT,
          server + " did not send the message: " + oneLine(e.getMessage()));
    }
    return StepFailures.of(
        StepFailureType.UNAVAILABLE, server + " failed: " + oneLine(e.toString()), e);
  }

  private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = next(t)) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** Jakarta Mail chains its exceptions by getNextException as well as by getCause. */
  private static Throwable next(Throwable t) {
    if (t instanceof MessagingException m
        && m.getNextException() != null
        && m.getNextException() != t) {
      return m.getNextException();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").strip();
  }

  private static Properties properties(SmtpSettings s) {
    Properties p = new Properties();
    p.put("mail.transport.protocol", "smtp");
    p.put("mail.smtp.host", s.host());
    p.put("mail.smtp.port", String.valueOf(s.port()));
    p.put("mail.smtp.from", s.from());
    p.put("mail.smtp.connectiontimeout", String.valueOf(s.connectTimeout().toMillis()));
    p.put("mail.smtp.timeout", String.valueOf(s.readTimeout().toMillis()));
    p.put("mail.smtp.writetimeout", String.valueOf(s.readTimeout().toMillis()));
    p.put("mail.smtp.auth", String.valueOf(!s.username().isEmpty()));
    switch (s.security()) {
      case NONE -> {}
      case STARTTLS -> {
        p.put("mail.smtp.starttls.enable", "true");
        // Never falls back to plain text when the server does not offer STARTTLS.
        p.put("mail.smtp.starttls.required", "true");
      }
      case TLS -> p.put("mail.smtp.ssl.enable", "true");
    }
    if (s.security() != SmtpSettings.Security.NONE) {
      p.put("mail.smtp.ssl.checkserveridentity", String.valueOf(s.checkServerIdentity()));
      s.trustedCertificate()
          .ifPresent(file -> p.put("mail.smtp.ssl.socketFactory", trusting(file)));
    }
    return p;
  }

  /** TLS sockets trusting the JVM's certificate authorities and the certificate in {@code file}. */
  private static SSLSocketFactory trusting(Path file) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      TrustManagerFactory jvm =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      jvm.init((KeyStore) null);
      int n = 0;
      for (TrustManager manager : jvm.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          for (X509Certificate ca : x509.getAcceptedIssuers()) {
            store.setCertificateEntry("jvm-" + n++, ca);
          }
        }
      }
      try (InputStream in = Files.newInputStream(file)) {
        for (Certificate certificate :
            CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          store.setCertificateEntry("trusted-" + n++, certificate);
        }
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "smtp.trustCertificate " + file + " cannot be read as a certificate: " + e.getMessage(),
          e);
    }
  }
}
