package dev.lifeboat.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.app.auth.Caller;
import dev.lifeboat.app.auth.Requires;
import dev.lifeboat.app.auth.Role;
import dev.lifeboat.app.schedules.ScheduleDao;
import dev.lifeboat.app.schedules.ScheduleRow;
import dev.lifeboat.app.schedules.ScheduleService;
import dev.lifeboat.app.schedules.ScheduleStore;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * Scheduled tabletops and drills: make, list, pause, resume, delete (recorded, never erased), run
 * now. Operators manage them (a recovery is never scheduled); viewers read.
 */
@Path("/api/schedules")
@Produces(MediaType.APPLICATION_JSON)
public final class SchedulesResource {
  /** How many next fire times a schedule shows. */
  static final int NEXT_FIRES = 5;

  private final ScheduleService service;
  private final ScheduleStore store;
  private final ScheduleDao schedules;
  private final ObjectMapper json;

  public SchedulesResource(
      ScheduleService service, ScheduleStore store, ScheduleDao schedules, ObjectMapper json) {
    this.service = service;
    this.store = store;
    this.schedules = schedules;
    this.json = json;
  }

  public record ScheduleList(List<ScheduleView> schedules) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(value = Role.OPERATOR, action = "schedule runs")
  public Response create(@Auth Caller caller, ScheduleBody body) {
    if (body == null) {
      throw new ApiException(
          400,
          "missing_body",
          "send a JSON body such as {\"plan\": \"example-drill\", \"mode\": \"drill\","
              + " \"cron\": \"0 9 * * 1\", \"zone\": \"UTC\"}");
    }
    caller.require(Role.neededFor(body.schedule().mode()), "schedule runs");
    ScheduleRow row = service.create(body.schedule(), caller.name());
    return Response.created(URI.create("/api/schedules/" + row.id())).entity(view(row)).build();
  }

  @GET
  @Requires(value = Role.VIEWER, action = "list schedules")
  public ScheduleList list() {
    return new ScheduleList(schedules.live().stream().map(this::view).toList());
  }

  @GET
  @Path("{id}")
  @Requires(value = Role.VIEWER, action = "read a schedule")
  public ScheduleView get(@PathParam("id") String id) {
    ScheduleRow row =
        schedules
            .find(Names.scheduleId(id))
            .orElseThrow(
                () -> new ApiException(404, "unknown_schedule", "no schedule with id " + id));
    return ScheduleView.of(
        row, params(row), store.nextFires(row, NEXT_FIRES), schedules.events(row.id()));
  }

  @POST
  @Path("{id}/pause")
  @Requires(value = Role.OPERATOR, action = "pause a schedule")
  public ScheduleView pause(@Auth Caller caller, @PathParam("id") String id) {
    return view(service.pause(Names.scheduleId(id), caller.name()));
  }

  @POST
  @Path("{id}/resume")
  @Requires(value = Role.OPERATOR, action = "resume a schedule")
  public ScheduleView resume(@Auth Caller caller, @PathParam("id") String id) {
    return view(service.resume(Names.scheduleId(id), caller.name()));
  }

  @POST
  @Path("{id}/delete")
  @Requires(value = Role.OPERATOR, action = "delete a schedule")
  public ScheduleView delete(@Auth Caller caller, @PathParam("id") String id) {
    return view(service.delete(Names.scheduleId(id), caller.name()));
  }

  /** 202: the scheduler launches the run (overlap policy applied); it shows in the events. */
  @POST
  @Path("{id}/run-now")
  @Requires(value = Role.OPERATOR, action = "run a schedule now")
  public Response runNow(@Auth Caller caller, @PathParam("id") String id) {
    return Response.accepted(view(service.runNow(Names.scheduleId(id), caller.name()))).build();
  }

  private ScheduleView view(ScheduleRow row) {
    return ScheduleView.of(row, params(row), store.nextFires(row, NEXT_FIRES), null);
  }

  private JsonNode params(ScheduleRow row) {
    try {
      return json.readTree(row.params());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("schedule " + row.id() + " has unreadable params", e);
    }
  }
}
