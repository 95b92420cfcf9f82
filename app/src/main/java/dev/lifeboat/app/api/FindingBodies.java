package dev.lifeboat.app.api;

import dev.lifeboat.app.findings.FindingStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The bodies of {@code POST /api/findings} and {@code PATCH /api/findings/{id}}, and the checks of
 * their fields that need nothing but the field: each bad one is a 400 naming it.
 */
final class FindingBodies {
  private static final int TITLE_LIMIT = 200;
  private static final int NOTE_LIMIT = 4000;

  private FindingBodies() {}

  /** A finding made by hand; {@code plan} may be left out when {@code run} is given. */
  record Create(String plan, String run, String step, String title, String owner, String due) {}

  /** A change: any of status (with note), owner, due. */
  record Change(String status, String note, String owner, String due) {}

  static String title(String title) {
    if (title == null || title.isBlank()) {
      throw new ApiException(400, "missing_title", "field 'title' is required: what must be fixed");
    }
    text("title", title, TITLE_LIMIT);
    return title.strip();
  }

  static String note(String note) {
    if (note != null) {
      text("note", note, NOTE_LIMIT);
    }
    return note;
  }

  static FindingStatus status(String status) {
    return FindingStatus.parse(status)
        .orElseThrow(
            () ->
                new ApiException(
                    400,
                    "bad_status",
                    "status must be one of "
                        + FindingStatus.names()
                        + "; got '"
                        + Names.shortened(status)
                        + "'"));
  }

  /** A due date: an ISO date ({@code 2027-01-31}), today or later (UTC). */
  static LocalDate due(String due, LocalDate today) {
    LocalDate date;
    try {
      date = LocalDate.parse(due);
    } catch (DateTimeParseException e) {
      throw new ApiException(
          400, "bad_due", "due is a date such as 2027-01-31; got '" + Names.shortened(due) + "'");
    }
    if (date.isBefore(today)) {
      throw new ApiException(
          400,
          "due_in_past",
          "due " + date + " is in the past; a due date is today (" + today + ") or later");
    }
    return date;
  }

  private static void text(String field, String value, int limit) {
    if (value.length() > limit) {
      throw new ApiException(400, "bad_" + field, field + " is at most " + limit + " characters");
    }
    Texts.problem(value)
        .ifPresent(
            problem -> {
              throw new ApiException(400, "bad_" + field, field + " " + problem);
            });
  }
}
