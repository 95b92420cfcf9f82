package dev.lifeboat.runbook;

import dev.lifeboat.activities.notify.EmailAddress;
import dev.lifeboat.activities.notify.NotifyChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** {@code notify}: reads {@link NotifyStep}. */
final class NotifyStepReader implements StepReader<NotifyStep> {
  /** The subject of an e-mail whose step gives none. */
  static final String DEFAULT_SUBJECT = "Lifeboat ${run.mode}: ${plan.title}";

  @Override
  public List<String> fields() {
    return List.of("channel", "url", "to", "subject", "message");
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
    Optional<Field> toField = fields.optional("to");
    Optional<List<String>> to = toField.flatMap(f -> addresses(f, step.references()));
    Optional<Field> subjectField = fields.optional("subject");
    // Rendered like the message, by the notify activity, with the run's data at that moment.
    Optional<String> subject = subjectField.flatMap(step.references()::template);
    // The message is rendered by the notify activity, with the run's data at that moment.
    Optional<String> message = fields.required("message").flatMap(step.references()::template);
    if (channel.isPresent()) {
      NotifyChannel c = channel.get();
      if (c == NotifyChannel.WEBHOOK && urlField.isEmpty()) {
        step.problems()
            .add(
                fields.node(),
                fields.childPath("url"),
                "missing required field 'url': channel webhook posts to it");
      }
      if (c != NotifyChannel.WEBHOOK && urlField.isPresent()) {
        urlField.get().fail("a url is only for channel webhook; remove it or use channel: webhook");
      }
      if (c == NotifyChannel.EMAIL && toField.isEmpty()) {
        step.problems()
            .add(
                fields.node(),
                fields.childPath("to"),
                "missing required field 'to': channel email sends to these addresses");
      }
      if (c != NotifyChannel.EMAIL) {
        toField.ifPresent(f -> f.fail("'to' is only for channel email; remove it"));
        subjectField.ifPresent(f -> f.fail("'subject' is only for channel email; remove it"));
      }
    }
    if (step.problems().since(mark)) {
      return Optional.empty();
    }
    boolean email = channel.get() == NotifyChannel.EMAIL;
    return Optional.of(
        new NotifyStep(
            step.id(),
            step.policy(),
            channel.get(),
            url.orElse(null),
            message.get(),
            email ? to.get() : null,
            email ? subject.orElse(DEFAULT_SUBJECT) : null));
  }

  /**
   * One address or a list of them, each checked as the activity sends it (an address holding {@code
   * ${params.…}} is checked when the run's values fill it in, at launch).
   */
  private static Optional<List<String>> addresses(Field field, References references) {
    List<Field> elements;
    if (field.node() instanceof SequenceNode) {
      Optional<List<Field>> list = field.list("'to' needs at least one address");
      if (list.isEmpty()) {
        return Optional.empty();
      }
      elements = list.get();
    } else {
      elements = List.of(field);
    }
    List<String> addresses = new ArrayList<>();
    boolean valid = true;
    for (Field element : elements) {
      Optional<String> address = references.text(element);
      if (address.isEmpty()) {
        valid = false;
        continue;
      }
      if (!address.get().contains("${")) {
        Optional<String> problem = EmailAddress.problemOf(address.get());
        if (problem.isPresent()) {
          element.fail(problem.get());
          valid = false;
          continue;
        }
      }
      addresses.add(address.get());
    }
    return valid ? Optional.of(addresses) : Optional.empty();
  }
}
