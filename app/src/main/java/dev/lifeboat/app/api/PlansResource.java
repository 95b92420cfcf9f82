package dev.lifeboat.app.api;

import dev.lifeboat.app.auth.Caller;
import dev.lifeboat.app.auth.Requires;
import dev.lifeboat.app.auth.Role;
import dev.lifeboat.app.plans.PlanCatalog;
import dev.lifeboat.app.plans.PlanChanges;
import dev.lifeboat.app.plans.PlanSnapshot;
import dev.lifeboat.app.runs.LaunchRequest;
import dev.lifeboat.app.runs.RunLauncher;
import dev.lifeboat.app.store.RunRow;
import dev.lifeboat.runbook.RunbookProblem;
import dev.lifeboat.workflow.RunMode;
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
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Plans loaded from {@code runbooks/}, and launching runs of them. */
@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
public final class PlansResource {
  private static final Logger LOG = LoggerFactory.getLogger(PlansResource.class);

  private final PlanCatalog catalog;
  private final RunLauncher launcher;
  private final RunViews views;

  public PlansResource(PlanCatalog catalog, RunLauncher launcher, RunViews views) {
    this.catalog = catalog;
    this.launcher = launcher;
    this.views = views;
  }

  /**
   * Every launchable plan, and every problem of the folder on disk (files that could not be loaded,
   * and files whose last good version is the plan shown).
   */
  public record PlanList(List<PlanView> plans, List<String> problems) {}

  @GET
  @Requires(value = Role.VIEWER, action = "list plans")
  public PlanList list() {
    PlanSnapshot snapshot = catalog.snapshot();
    return new PlanList(
        snapshot.plans().values().stream().map(entry -> PlanView.of(entry, false)).toList(),
        snapshot.problems().stream().map(RunbookProblem::format).toList());
  }

  /**
   * Reads the runbooks folder again now (the service also does on every change it sees) and answers
   * what changed. Runs in flight keep the plan they were launched with.
   */
  @POST
  @Path("reload")
  @Requires(value = Role.ADMIN, action = "reload the plans")
  public PlanChanges reload(@Auth Caller caller) {
    PlanChanges changes = catalog.reload();
    LOG.info("plans reloaded by {}: {}", caller.name(), changes.summary());
    return changes;
  }

  @GET
  @Path("{name}")
  @Requires(value = Role.VIEWER, action = "read a plan")
  public PlanView get(@PathParam("name") String name) {
    return PlanView.of(
        Optional.ofNullable(catalog.snapshot().plans().get(Names.plan(name)))
            .orElseThrow(
                () ->
                    new ApiException(
                        404,
                        "unknown_plan",
                        "no plan named '" + name + "'; plans: " + catalog.names())),
        true);
  }

  /**
   * Launches a run as the caller: an operator may launch tabletop and drill runs, a recovery needs
   * a commander ({@link Role#neededFor}). The launcher recorded is the caller's name, never a field
   * of the body. A missing or unknown mode is refused as the body is read ({@link LaunchBody}).
   */
  @POST
  @Path("{name}/runs")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(value = Role.OPERATOR, action = "launch a run")
  public Response launch(@Auth Caller caller, @PathParam("name") String name, LaunchBody body) {
    Names.plan(name);
    if (body == null) {
      throw new ApiException(
          400, "missing_body", "send a JSON body such as {\"mode\": \"drill\", \"params\": {}}");
    }
    RunMode mode = body.mode();
    caller.require(Role.neededFor(mode), "launch a " + mode.apiName());
    Map<String, String> params = LaunchParams.toText(body.params());
    RunRow run = launcher.launch(new LaunchRequest(name, mode, params, caller.name()));
    return Response.accepted(views.view(run)).location(URI.create("/api/runs/" + run.id())).build();
  }
}
