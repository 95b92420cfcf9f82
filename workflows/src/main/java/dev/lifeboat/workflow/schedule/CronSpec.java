package dev.lifeboat.workflow.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a schedule fires: a cron expression read in an IANA time zone, so "09:00 every Monday" stays
 * 09:00 local time across daylight-saving changes. Five fields are read as UNIX cron ({@code minute
 * hour day-of-month month day-of-week}); six as Spring cron with seconds first ({@code second
 * minute hour day-of-month month day-of-week}). Both allow {@code *} in both day fields (Quartz
 * would demand a {@code ?}), and the field count tells them apart without a flag. Parsing is
 * cron-utils', never our own. Pure and deterministic, so workflow code may use it.
 */
public record CronSpec(String expression, String zone) {
  private static final CronParser UNIX =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final CronParser WITH_SECONDS =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));

  /** Refuses (IllegalArgumentException naming the problem) what cannot be read or never fires. */
  public CronSpec {
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException("cron: is required, e.g. \"0 9 * * 1\"");
    }
    expression = expression.trim();
    zoneOf(zone);
    executionTime(expression);
  }

  /** The first fire strictly after {@code after}; empty if the expression never fires again. */
  public Optional<Instant> next(Instant after) {
    return executionTime(expression)
        .nextExecution(ZonedDateTime.ofInstant(after, zoneOf(zone)))
        .map(ZonedDateTime::toInstant);
  }

  /** The last fire at or before {@code atOrBefore}; empty if there was none. */
  public Optional<Instant> lastAtOrBefore(Instant atOrBefore) {
    Instant probe = atOrBefore.plusMillis(1);
    return executionTime(expression)
        .lastExecution(ZonedDateTime.ofInstant(probe, zoneOf(zone)))
        .map(ZonedDateTime::toInstant)
        .filter(at -> !at.isAfter(atOrBefore));
  }

  /** Up to {@code count} fires after {@code after}, in order. */
  public List<Instant> nextFires(Instant after, int count) {
    List<Instant> fires = new ArrayList<>();
    Instant from = after;
    while (fires.size() < count) {
      Optional<Instant> next = next(from);
      if (next.isEmpty()) {
        break;
      }
      fires.add(next.get());
      from = next.get();
    }
    return fires;
  }

  private static ExecutionTime executionTime(String expression) {
    int fields = expression.split("\\s+").length;
    if (fields != 5 && fields != 6) {
      throw new IllegalArgumentException(
          "cron: '"
              + expression
              + "' has "
              + fields
              + " fields; write 5 (minute hour day month weekday) or 6 (second first)");
    }
    Cron cron;
    try {
      cron = (fields == 5 ? UNIX : WITH_SECONDS).parse(expression).validate();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cron: '" + expression + "' is not a valid cron expression: " + e.getMessage(), e);
    }
    return ExecutionTime.forCron(cron);
  }

  /** The zone named {@code zone}; refuses (IllegalArgumentException) all but IANA names. */
  public static ZoneId zoneOf(String zone) {
    if (zone == null || zone.isBlank()) {
      throw new IllegalArgumentException("zone: is required, an IANA time zone such as UTC");
    }
    // Offsets such as +02:00 are refused: they do not follow a place's daylight-saving rules.
    if (!ZoneId.getAvailableZoneIds().contains(zone)) {
      throw new IllegalArgumentException(
          "zone: '" + zone + "' is not an IANA time zone; write e.g. Europe/Berlin or UTC");
    }
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("zone: '" + zone + "' cannot be used: " + e.getMessage());
    }
  }
}
