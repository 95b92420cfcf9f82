package dev.lifeboat.app.api;

import dev.lifeboat.app.auth.Caller;
import dev.lifeboat.app.auth.Requires;
import dev.lifeboat.app.auth.Role;
import dev.lifeboat.app.runs.PrecheckLauncher;
import dev.lifeboat.app.store.RunRow;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Launches a readiness precheck of a plan. An operator may precheck any plan, a recovery plan too:
 * a precheck runs no step. With {@code ?wait=SECONDS} the answer waits for the checks (at most
 * {@link #MAX_WAIT_SECONDS}) and lists them; otherwise it is the run to follow.
 */
@Path("/api/plans/{name}/precheck")
@Produces(MediaType.APPLICATION_JSON)
public final class PrecheckResource {
  /** The longest a request may hold its connection waiting for the checks. */
  static final int MAX_WAIT_SECONDS = 300;

  private final PrecheckLauncher prechecks;

  public PrecheckResource(PrecheckLauncher prechecks) {
    this.prechecks = prechecks;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(value = Role.OPERATOR, action = "precheck a plan")
  public Response precheck(
      @Auth Caller caller,
      @PathParam("name") String name,
      @QueryParam("wait") Integer waitSeconds,
      PrecheckBody body) {
    Names.plan(name);
    int wait = waitSeconds == null ? 0 : waitSeconds;
    if (wait < 0 || wait > MAX_WAIT_SECONDS) {
      throw new ApiException(
          400, "bad_wait", "wait is seconds from 0 to " + MAX_WAIT_SECONDS + ", not " + wait);
    }
    Map<String, String> params = LaunchParams.toText(body == null ? null : body.params());
    RunRow run = prechecks.launch(name, params, caller.name());
    URI location = URI.create("/api/runs/" + run.id());
    if (wait == 0) {
      return Response.accepted(PrecheckView.started(run)).location(location).build();
    }
    return prechecks
        .await(run, Duration.ofSeconds(wait))
        .map(report -> Response.ok(PrecheckView.ended(run, report)).location(location))
        .orElseGet(() -> Response.accepted(PrecheckView.started(run)).location(location))
        .build();
  }
}
