package dev.lifeboat.activities.notify;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.secrets.LocalSecrets;
import io.temporal.failure.ApplicationFailure;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The email channel against GreenMail, a real SMTP and SMTPS server inside the test. */
class EmailNotifyTest {
  private static final String PASSWORD = "s3cret-smtp-pass";

  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(
              new ServerSetup[] {
                ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.SMTPS.dynamicPort()
              })
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("lifeboat", PASSWORD));

  private static final NotifyContext DRILL =
      new NotifyContext(
          "run-7",
          "drill",
          "alice",
          "orders-db",
          "Orders database failover",
          "tell-oncall",
          "announce",
          Map.of("region", "eu-west", "evil", "x\r\nBcc: attacker@evil.example"),
          List.of());

  @TempDir Path dir;

  private static SmtpSettings plain(int port, String username, String password) {
    return smtp(port, SmtpSettings.Security.NONE, username, password, Optional.empty(), true, 2000);
  }

  private static SmtpSettings smtp(
      int port,
      SmtpSettings.Security security,
      String username,
      String password,
      Optional<Path> trusted,
      boolean checkServerIdentity,
      long readTimeoutMillis) {
    return new SmtpSettings(
        "127.0.0.1",
        port,
        "lifeboat@example.org",
        security,
        username,
        password,
        trusted,
        checkServerIdentity,
        Duration.ofSeconds(5),
        Duration.ofMillis(readTimeoutMillis));
  }

  private static NotifyActivityImpl activity(SmtpSettings smtp) {
    return new NotifyActivityImpl(
        HttpClient.newHttpClient(), LocalSecrets.ofProcess(), Optional.of(smtp));
  }

  private static NotifyRequest email(List<String> to, String subject, String message) {
    return new NotifyRequest(NotifyChannel.EMAIL, null, message, DRILL, "[DRILL] ", to, subject);
  }

  @Test
  void sendsTheRenderedMessageWithFromToAndSubject() throws Exception {
    NotifyResult result =
        activity(plain(MAIL.getSmtp().getPort(), "lifeboat", PASSWORD))
            .notify(
                email(
                    List.of("oncall@example.org", "dba@example.org"),
                    "${plan.title} in ${params.region}",
                    "Run ${run.id} started by ${run.launcher}."));

    assertThat(result.channel()).isEqualTo(NotifyChannel.EMAIL);
    assertThat(result.summary())
        .isEqualTo(
            "mailed to oncall@example.org, dba@example.org via 127.0.0.1:"
                + MAIL.getSmtp().getPort())
        .doesNotContain(PASSWORD);
    MimeMessage[] received = MAIL.getReceivedMessages();
    assertThat(received).hasSize(2); // one delivery per recipient mailbox
    MimeMessage message = received[0];
    assertThat(message.getFrom()[0].toString()).isEqualTo("lifeboat@example.org");
    assertThat(message.getRecipients(Message.RecipientType.TO))
        .extracting(Object::toString)
        .containsExactly("oncall@example.org", "dba@example.org");
    assertThat(message.getSubject()).isEqualTo("[DRILL] Orders database failover in eu-west");
    assertThat(GreenMailUtil.getBody(message).strip())
        .isEqualTo("[DRILL] Run run-7 started by alice.");
  }

  @Test
  void sendsOverTlsTrustingTheGivenCertificateOnly() throws Exception {
    Path certificate = greenMailCertificate();
    int port = MAIL.getSmtps().getPort();
    SmtpSettings tls =
        // GreenMail's certificate names no host, so the identity check is turned off here.
        smtp(
            port,
            SmtpSettings.Security.TLS,
            "lifeboat",
            PASSWORD,
            Optional.of(certificate),
            false,
            5000);

    activity(tls).notify(email(List.of("oncall@example.org"), "tls", "over TLS"));
    assertThat(MAIL.getReceivedMessages()).hasSize(1);
    assertThat(GreenMailUtil.getBody(MAIL.getReceivedMessages()[0]).strip())
        .isEqualTo("[DRILL] over TLS");

    // Without the certificate, the self-signed server is not trusted: nothing is trusted silently.
    SmtpSettings untrusted =
        smtp(port, SmtpSettings.Security.TLS, "lifeboat", PASSWORD, Optional.empty(), true, 5000);
    ApplicationFailure failure =
        failureOf(() -> activity(untrusted).notify(email(List.of("oncall@example.org"), "s", "m")));
    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_CONFIG.type());
    assertThat(failure.getOriginalMessage())
        .startsWith("TLS with smtp server 127.0.0.1:" + port + " failed (tls)")
        .contains("smtp.trustCertificate");
    assertThat(MAIL.getReceivedMessages()).hasSize(1);
  }

  @Test
  void starttlsIsRequiredNotDowngraded() {
    SmtpSettings starttls =
        smtp(
            MAIL.getSmtp().getPort(),
            SmtpSettings.Security.STARTTLS,
            "",
            "",
            Optional.empty(),
            true,
            2000);
    ApplicationFailure failure =
        failureOf(() -> activity(starttls).notify(email(List.of("a@example.org"), "s", "m")));
    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_CONFIG.type());
    assertThat(failure.getOriginalMessage()).contains("does not offer STARTTLS");
    assertThat(MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void aRefusedLoginFailsWithoutRetryAndWithoutThePassword() {
    String wrong = "wrong-password-123";
    ApplicationFailure failure =
        failureOf(
            () ->
                activity(plain(MAIL.getSmtp().getPort(), "lifeboat", wrong))
                    .notify(email(List.of("oncall@example.org"), "s", "m")));
    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_CONFIG.type());
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .startsWith(
            "smtp server 127.0.0.1:"
                + MAIL.getSmtp().getPort()
                + " refused the login of 'lifeboat'");
    assertThat(everyMessageOf(failure)).noneMatch(m -> m.contains(wrong));
    assertThat(MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void aRejectedRecipientIsBadInputNamingIt() throws Exception {
    // GreenMail takes mail for any address, so a scripted server rejects this one as a real one
    // does: 550 to RCPT TO.
    try (ServerSocket server = new ServerSocket(0)) {
      Thread smtp = new Thread(() -> rejectRecipients(server));
      smtp.start();
      ApplicationFailure failure =
          failureOf(
              () ->
                  activity(plain(server.getLocalPort(), "", ""))
                      .notify(email(List.of("nobody@example.org"), "s", "m")));
      assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
      assertThat(failure.isNonRetryable()).isTrue();
      assertThat(failure.getOriginalMessage())
          .startsWith(
              "smtp server 127.0.0.1:"
                  + server.getLocalPort()
                  + " rejected recipient nobody@example.org: ")
          .contains("550 5.1.1 no such user");
      smtp.join(2000);
    }
  }

  private static void rejectRecipients(ServerSocket server) {
    try (Socket client = server.accept();
        java.io.BufferedReader in =
            new java.io.BufferedReader(
                new java.io.InputStreamReader(
                    client.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
        java.io.PrintWriter out =
            new java.io.PrintWriter(
                new java.io.OutputStreamWriter(
                    client.getOutputStream(), java.nio.charset.StandardCharsets.US_ASCII),
                true)) {
      out.print("220 scripted ESMTP\r\n");
      out.flush();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String verb =
            line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
        String reply =
            switch (verb) {
              case "EHLO", "HELO" -> "250 scripted";
              case "MAIL" -> "250 2.1.0 ok";
              case "RCPT" -> "550 5.1.1 no such user";
              case "QUIT" -> "221 bye";
              default -> "250 ok";
            };
        out.print(reply + "\r\n");
        out.flush();
        if (verb.equals("QUIT")) {
          return;
        }
      }
    } catch (java.io.IOException e) {
      // the client went away
    }
  }

  @Test
  void aLineBreakInTheRenderedSubjectOrAnAddressIsRefused() {
    NotifyActivityImpl activity = activity(plain(MAIL.getSmtp().getPort(), "lifeboat", PASSWORD));
    ApplicationFailure subject =
        failureOf(
            () ->
                activity.notify(email(List.of("oncall@example.org"), "hello ${params.evil}", "m")));
    assertThat(subject.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
    assertThat(subject.getOriginalMessage())
        .contains("subject holds a line break (CR/LF), which could inject mail headers")
        .contains("x\\r\\nBcc: attacker@evil.example");

    ApplicationFailure address =
        failureOf(
            () ->
                activity.notify(
                    email(List.of("oncall@example.org\r\nBcc: attacker@evil.example"), "s", "m")));
    assertThat(address.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
    assertThat(address.getOriginalMessage()).contains("recipient address holds a line break");
    assertThat(MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void anUnreachableServerIsRetryableWithAClearSummary() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    ApplicationFailure refused =
        failureOf(
            () ->
                activity(plain(closed, "lifeboat", PASSWORD))
                    .notify(email(List.of("oncall@example.org"), "s", "m")));
    assertThat(refused.getType()).isEqualTo(StepFailureType.UNAVAILABLE.type());
    assertThat(StepFailureType.UNAVAILABLE.retryable()).isTrue();
    assertThat(refused.getOriginalMessage())
        .startsWith("smtp server 127.0.0.1:" + closed + " unreachable: ")
        .contains("Connection refused");
    assertThat(everyMessageOf(refused)).noneMatch(m -> m.contains(PASSWORD));
  }

  @Test
  void aServerThatNeverAnswersTimesOutRetryably() throws Exception {
    try (ServerSocket silent = new ServerSocket(0)) {
      List<Socket> accepted = new ArrayList<>();
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  accepted.add(silent.accept()); // accepts, never greets
                } catch (java.io.IOException e) {
                  // closed at the end of the test
                }
              });
      acceptor.start();
      SmtpSettings slow =
          smtp(
              silent.getLocalPort(),
              SmtpSettings.Security.NONE,
              "",
              "",
              Optional.empty(),
              true,
              500);
      ApplicationFailure failure =
          failureOf(() -> activity(slow).notify(email(List.of("a@example.org"), "s", "m")));
      assertThat(failure.getType()).isEqualTo(StepFailureType.UNAVAILABLE.type());
      assertThat(failure.getOriginalMessage()).contains("unreachable").contains("timed out");
      acceptor.join(2000);
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  @Test
  void withoutSmtpConfiguredAnEmailStepNamesTheMissingBlock() {
    ApplicationFailure failure =
        failureOf(
            () ->
                new NotifyActivityImpl(HttpClient.newHttpClient())
                    .notify(email(List.of("a@example.org"), "s", "m")));
    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_CONFIG.type());
    assertThat(failure.getOriginalMessage()).contains("needs an smtp: block in config.yml");
  }

  @Test
  void settingsNeverShowThePassword() {
    assertThat(plain(25, "lifeboat", PASSWORD).toString())
        .contains("127.0.0.1:25")
        .doesNotContain(PASSWORD);
  }

  private static List<String> everyMessageOf(Throwable failure) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      messages.add(String.valueOf(t.getMessage()));
      messages.add(t.toString());
    }
    return messages;
  }

  /** GreenMail's self-signed certificate, from its keystore, as a PEM file. */
  private Path greenMailCertificate() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("greenmail.p12")) {
      store.load(in, "changeit".toCharArray());
    }
    byte[] der = store.getCertificate(store.aliases().nextElement()).getEncoded();
    Path pem = dir.resolve("greenmail.pem");
    try (OutputStream out = Files.newOutputStream(pem)) {
      out.write(
          ("-----BEGIN CERTIFICATE-----\n"
                  + Base64.getMimeEncoder(
                          64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                      .encodeToString(der)
                  + "\n-----END CERTIFICATE-----\n")
              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    return pem;
  }
}
