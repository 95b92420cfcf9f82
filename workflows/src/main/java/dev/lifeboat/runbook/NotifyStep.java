package dev.lifeboat.runbook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.lifeboat.activities.notify.NotifyChannel;
import dev.lifeboat.activities.notify.NotifyContext;
import dev.lifeboat.activities.notify.NotifyRequest;
import java.util.List;
import java.util.Objects;

/**
 * {@code notify}: a message to a channel. The message is a FreeMarker template; the workflow adds
 * the run's data when the step runs.
 *
 * @param url the webhook URL, for {@link NotifyChannel#WEBHOOK}
 * @param to the recipients' addresses, for {@link NotifyChannel#EMAIL}; null otherwise
 * @param subject the e-mail's subject, a FreeMarker template like the message, for {@link
 *     NotifyChannel#EMAIL}; null otherwise
 */
public record NotifyStep(
    String id,
    StepPolicy policy,
    NotifyChannel channel,
    String url,
    String message,
    List<String> to,
    String subject)
    implements Step {
  public static final String KIND = "notify";

  public NotifyStep {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(message, "message");
    to = to == null ? null : List.copyOf(to);
  }

  /** A log or webhook step. */
  public NotifyStep(
      String id, StepPolicy policy, NotifyChannel channel, String url, String message) {
    this(id, policy, channel, url, message, null, null);
  }

  @Override
  @JsonIgnore
  public String kindName() {
    return KIND;
  }

  @Override
  public NotifyStep withPolicy(StepPolicy policy) {
    return new NotifyStep(id, policy, channel, url, message, to, subject);
  }

  /**
   * The activity's request: the template, the run's data it is rendered with, and what the run's
   * mode marks the text with.
   */
  public NotifyRequest request(NotifyContext context, String prefix) {
    return new NotifyRequest(channel, url, message, context, prefix, to, subject);
  }

  /**
   * Whether the template reads the earlier steps. Their list grows with the plan and travels in
   * every notify request and its history event, so it is sent only to templates that mention {@code
   * steps} (in the message or the e-mail subject).
   */
  @JsonIgnore
  public boolean usesSteps() {
    return message.contains("steps") || (subject != null && subject.contains("steps"));
  }
}
