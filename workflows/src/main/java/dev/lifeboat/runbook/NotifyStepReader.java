package dev.lifeboat.runbook;

import dev.lifeboat.activities.notify.NotifyChannel;
import java.util.List;
import java.util.Optional;

/** {@code notify}: reads {@link NotifyStep}. */
final class NotifyStepReader implements StepReader<NotifyStep> {
  @Override
  public List<String> fields() {
    return List.of("channel", "url", "message");
  }

  @Override
  public Optional<NotifyStep> read(Input step) {
    int mark = step.problems().count();
    YamlMap fields = step.fields();
    Optional<NotifyChannel> channel =
        fields.required("channel").flatMap(f -> f.choice(NotifyChannel.values()));
    Optional<Field> urlField = fields.optional("url");
    // A webhook URL is often itself the credential (Slack, Teams), so it may be a secret.
    Optional<String> url = urlField.flatMap(step.references()::secretText);
    // The message is rendered by the notify activity, with the run's data at that moment.
    Optional<String> message = fields.required("message").flatMap(step.references()::template);
    if (channel.isPresent()) {
      if (channel.get() == NotifyChannel.WEBHOOK && urlField.isEmpty()) {
        step.problems()
            .add(
                fields.node(),
                fields.childPath("url"),
                "missing required field 'url': channel webhook posts to it");
      }
      if (channel.get() == NotifyChannel.LOG && urlField.isPresent()) {
        urlField.get().fail("a url is only for channel webhook; remove it or use channel: webhook");
      }
    }
    if (step.problems().since(mark)) {
      return Optional.empty();
    }
    return Optional.of(
        new NotifyStep(step.id(), step.policy(), channel.get(), url.orElse(null), message.get()));
  }
}
