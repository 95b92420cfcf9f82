package dev.lifeboat.app.notices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * The shipped template of each {@link NoticeEvent}: {@code notices/<event>.ftl}, its first line the
 * subject and, after a blank line, the body. Read once; they are FreeMarker sources that only ever
 * get run and plan text as data, never spliced into them.
 */
public final class NoticeTemplates {
  /** One event's template. */
  public record Template(String subject, String body) {}

  private final Map<NoticeEvent, Template> templates = new EnumMap<>(NoticeEvent.class);

  public NoticeTemplates() {
    for (NoticeEvent event : NoticeEvent.values()) {
      templates.put(event, read("notices/" + event.configName() + ".ftl"));
    }
  }

  public Template of(NoticeEvent event) {
    return templates.get(event);
  }

  private static Template read(String resource) {
    try (InputStream in = NoticeTemplates.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the notice template " + resource + " is not shipped");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String[] parts = text.split("\n\n", 2);
      if (parts.length < 2 || parts[0].contains("\n")) {
        throw new IllegalStateException(
            resource + " must be a subject line, a blank line, then the body");
      }
      return new Template(parts[0], parts[1]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
