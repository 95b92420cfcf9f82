package dev.lifeboat.runbook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.lifeboat.activities.notify.NotifyChannel;
import java.util.Objects;

/**
 * {@code notify}: a message to a channel. The message is a FreeMarker template; the workflow adds
 * the run's data when the step runs.
 *
 * @param url the webhook URL, for {@link NotifyChannel#WEBHOOK}
 */
public record NotifyStep(
    String id, StepPolicy policy, NotifyChannel channel, String url, String message)
    implements Step {
  public static final String KIND = "notify";

  public NotifyStep {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(message, "message");
  }

  @Override
  @JsonIgnore
  public String kindName() {
    return KIND;
  }
}
