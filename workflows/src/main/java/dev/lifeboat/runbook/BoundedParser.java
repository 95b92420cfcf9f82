package dev.lifeboat.runbook;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;

/**
 * SnakeYAML's event parser with two bounds SnakeYAML lacks or reports without a place: aliases of
 * any node (its own limit counts only aliases of lists and maps, and a few thousand aliases of one
 * long scalar exhausted a 6 GB heap), and nesting, both stopped at the event that passes the bound
 * so the problem names its line.
 */
final class BoundedParser implements Parser {
  /** Anchors serve to share a retry policy or a host between steps; a hundred uses is plenty. */
  static final int MAX_ALIASES = 100;

  private final Parser parser;
  private final int maxNesting;
  private int aliases;
  private int depth;

  BoundedParser(Parser parser, int maxNesting) {
    this.parser = parser;
    this.maxNesting = maxNesting;
  }

  @Override
  public boolean checkEvent(Event.ID choice) {
    return parser.checkEvent(choice);
  }

  @Override
  public Event peekEvent() {
    return parser.peekEvent();
  }

  @Override
  public Event getEvent() {
    Event event = parser.getEvent();
    if (event instanceof AliasEvent && ++aliases > MAX_ALIASES) {
      throw new Exceeded(
          "more than "
              + MAX_ALIASES
              + " aliases (*name); a runbook may repeat itself through at most "
              + MAX_ALIASES,
          event.getStartMark());
    }
    if (event instanceof CollectionStartEvent && ++depth > maxNesting) {
      throw new Exceeded(
          "lists and maps are nested deeper than " + maxNesting + " levels", event.getStartMark());
    }
    if (event instanceof CollectionEndEvent) {
      depth--;
    }
    return event;
  }

  /** A bound passed at {@link #mark()}. */
  static final class Exceeded extends YAMLException {
    private final transient Mark mark;

    Exceeded(String message, Mark mark) {
      super(message);
      this.mark = mark;
    }

    Mark mark() {
      return mark;
    }
  }
}
