package dev.lifeboat.app.api;

import dev.lifeboat.app.auth.Requires;
import dev.lifeboat.app.auth.Role;
import dev.lifeboat.app.store.RunEventDao;
import dev.lifeboat.app.store.RunEventRow;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/runs/{id}/events/{seq}}: one recorded event with its full detail (a step's whole
 * output); the address a report links each step's output excerpt to.
 */
@Path("/api/runs/{id}/events/{seq}")
@Produces(MediaType.APPLICATION_JSON)
public final class RunEventResource {
  private final RunEventDao events;

  public RunEventResource(RunEventDao events) {
    this.events = events;
  }

  @GET
  @Requires(value = Role.VIEWER, action = "read a run's events")
  public RunEventRow event(@PathParam("id") String id, @PathParam("seq") String seqText) {
    String runId = Names.runId(id);
    long seq;
    try {
      seq = Long.parseLong(seqText);
    } catch (NumberFormatException notANumber) {
      throw new ApiException(
          400,
          "bad_seq",
          "seq must be an event's number (1, 2, …); got '" + Names.shortened(seqText) + "'");
    }
    return events
        .one(runId, seq)
        .orElseThrow(
            () -> new ApiException(404, "unknown_event", "run " + id + " has no event " + seq));
  }
}
