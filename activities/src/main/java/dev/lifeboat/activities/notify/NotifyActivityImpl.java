package dev.lifeboat.activities.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.SafeUrls;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.secrets.LocalSecrets;
import dev.lifeboat.activities.secrets.Redactor;
import dev.lifeboat.activities.secrets.Secrets;
import dev.lifeboat.activities.secrets.StepSecrets;
import io.temporal.activity.Activity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the template and delivers it, prefixed as the request says (the run's mode decides: a
 * drill's text starts with {@code [DRILL]} so nobody mistakes a drill for a disaster). A webhook
 * answering 5xx, 408 or 429, or not answering, fails UNAVAILABLE (retried); any other non-2xx
 * answer fails BAD_INPUT with the status and a short excerpt of the body. URLs appear in messages
 * without their query string, which may hold a token. Secret placeholders in the webhook URL are
 * filled when posting, and their values redacted from the result and from failures. An e-mail goes
 * through the configured SMTP server ({@link SmtpMailer} says how its failures are typed); its
 * subject is rendered like the message, and a subject or recipient holding a line break is refused
 * (header injection).
 */
public final class NotifyActivityImpl implements NotifyActivity {
  private static final Logger LOG = LoggerFactory.getLogger("lifeboat.notify");
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  private final HttpClient http;
  private final TemplateRenderer renderer = new TemplateRenderer();
  private final ObjectMapper json = new ObjectMapper();
  private final Secrets secrets;
  private final Optional<SmtpMailer> mail;

  /** Secrets come from the worker's environment and files; no SMTP server. */
  public NotifyActivityImpl(HttpClient http) {
    this(http, LocalSecrets.ofProcess());
  }

  /** Without an SMTP server: an email step fails BAD_CONFIG saying {@code smtp:} is missing. */
  public NotifyActivityImpl(HttpClient http, Secrets secrets) {
    this(http, secrets, Optional.empty());
  }

  /**
   * @param smtp the server email steps send through, empty when none is configured
   * @throws IllegalStateException when its trusted certificate file cannot be read
   */
  public NotifyActivityImpl(HttpClient http, Secrets secrets, Optional<SmtpSettings> smtp) {
    this.http = http;
    this.secrets = secrets;
    this.mail = smtp.map(SmtpMailer::new);
  }

  @Override
  public NotifyResult notify(NotifyRequest request) {
    NotifyContext context = request.context();
    String rendered = renderer.render(request.template(), context);
    String message = request.textPrefix() + rendered;
    return switch (request.channel()) {
      case LOG -> {
        LOG.info("run {} step {}: {}", context.runId(), context.stepId(), message);
        yield new NotifyResult(NotifyChannel.LOG, message, 0, "logged to lifeboat.notify");
      }
      case WEBHOOK -> post(request.url(), message);
      case EMAIL -> mail(request, message);
    };
  }

  private NotifyResult mail(NotifyRequest request, String message) {
    SmtpMailer mailer =
        mail.orElseThrow(
            () ->
                StepFailures.of(
                    StepFailureType.BAD_CONFIG,
                    "channel email needs an smtp: block in config.yml (host, port, from);"
                        + " none is configured"));
    String subject = request.textPrefix() + renderer.render(request.subject(), request.context());
    String summary = mailer.send(request.to(), subject, message);
    return new NotifyResult(NotifyChannel.EMAIL, message, 0, summary);
  }

  private NotifyResult post(String url, String message) {
    StepSecrets used = StepSecrets.resolve(secrets, List.of(url));
    Redactor redactor = used.redactor();
    try {
      NotifyResult result = post(SafeUrls.parseHttp(used.fill(url)), message, redactor);
      return new NotifyResult(
          result.channel(), result.message(), result.status(), redactor.redact(result.summary()));
    } catch (RuntimeException e) {
      throw redactor.redactFailure(e);
    }
  }

  private NotifyResult post(URI uri, String message, Redactor redactor) {
    String shown = SafeUrls.display(uri);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body(message)))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw StepFailures.of(
          StepFailureType.UNAVAILABLE, "webhook " + shown + " unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new NotifyResult(
          NotifyChannel.WEBHOOK, message, status, "posted to " + shown + " (" + status + ")");
    }
    String answer =
        "webhook "
            + shown
            + " answered "
            + status
            + ": "
            + excerpt(redactor.redact(response.body()));
    boolean transientStatus = status >= 500 || status == 408 || status == 429;
    throw StepFailures.of(
        transientStatus ? StepFailureType.UNAVAILABLE : StepFailureType.BAD_INPUT, answer);
  }

  private String body(String message) {
    try {
      return json.writeValueAsString(Map.of("text", message));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of one string always serialises", e);
    }
  }

  private static String excerpt(String body) {
    String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
    return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
  }
}
