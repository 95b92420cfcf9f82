package dev.lifeboat.app.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.lifeboat.app.auth.Caller;
import dev.lifeboat.app.auth.Requires;
import dev.lifeboat.app.auth.Role;
import dev.lifeboat.app.findings.Finding;
import dev.lifeboat.app.findings.FindingChange;
import dev.lifeboat.app.findings.FindingEvent;
import dev.lifeboat.app.findings.FindingOrigin;
import dev.lifeboat.app.findings.FindingOwners;
import dev.lifeboat.app.findings.FindingStatus;
import dev.lifeboat.app.findings.FindingStore;
import dev.lifeboat.app.findings.NewFinding;
import dev.lifeboat.app.plans.PlanCatalog;
import dev.lifeboat.app.store.RunDao;
import dev.lifeboat.app.store.RunRow;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code /api/findings}: findings and corrective actions, to closure. Anyone may read them; an
 * operator or above makes and changes them. Every change is an event of the findings' hash chain.
 */
@Path("/api/findings")
@Produces(MediaType.APPLICATION_JSON)
public final class FindingsResource {
  private final FindingStore store;
  private final FindingOwners owners;
  private final PlanCatalog catalog;
  private final RunDao runs;
  private final Duration defaultDue;

  public FindingsResource(
      FindingStore store,
      FindingOwners owners,
      PlanCatalog catalog,
      RunDao runs,
      Duration defaultDue) {
    this.store = store;
    this.owners = owners;
    this.catalog = catalog;
    this.runs = runs;
    this.defaultDue = defaultDue;
  }

  /** A finding with every event of its history, oldest first. */
  public record FindingWithHistory(@JsonUnwrapped Finding finding, List<FindingEvent> history) {}

  /** Findings matching every filter given: {@code plan}, {@code run}, {@code status}, overdue. */
  @GET
  @Requires(value = Role.VIEWER, action = "read findings")
  public List<Finding> list(
      @QueryParam("plan") String plan,
      @QueryParam("run") String run,
      @QueryParam("status") String status,
      @QueryParam("overdue") String overdue) {
    if (run != null && runs.find(Names.runId(run)).isEmpty()) {
      throw new ApiException(404, "unknown_run", "no run with id " + run);
    }
    boolean overdueOnly = flag(overdue);
    List<Finding> found =
        store.list(
            plan == null ? null : Names.plan(plan),
            run,
            status == null ? null : FindingBodies.status(status),
            overdueOnly);
    if (plan != null && found.isEmpty() && catalog.find(plan).isEmpty()) {
      throw new ApiException(404, "unknown_plan", "no plan named " + plan);
    }
    return found;
  }

  @GET
  @Path("{id}")
  @Requires(value = Role.VIEWER, action = "read a finding")
  public FindingWithHistory one(@PathParam("id") String id) {
    long findingId = findingId(id);
    Finding finding =
        store
            .find(findingId)
            .orElseThrow(
                () -> new ApiException(404, "unknown_finding", "no finding with id " + id));
    return new FindingWithHistory(finding, store.history(findingId));
  }

  /**
   * Records a finding made by hand: {@code title}, and {@code plan} or {@code run} (or both, the
   * run of that plan), optionally {@code step}, {@code owner} (default: the plan's owner) and
   * {@code due} (default: the configured {@code findings.defaultDue} from today).
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(value = Role.OPERATOR, action = "create a finding")
  public Response create(@Auth Caller caller, FindingBodies.Create body) {
    if (body == null) {
      throw new ApiException(
          400, "missing_body", "send a JSON body such as {\"plan\": \"…\", \"title\": \"…\"}");
    }
    String title = FindingBodies.title(body.title());
    String plan = body.plan() == null ? null : Names.plan(body.plan());
    String run = null;
    if (body.run() != null) {
      RunRow row =
          runs.find(Names.runId(body.run()))
              .orElseThrow(
                  () -> new ApiException(404, "unknown_run", "no run with id " + body.run()));
      if (plan != null && !plan.equals(row.planName())) {
        throw new ApiException(
            400,
            "run_of_another_plan",
            "run " + row.id() + " is a run of plan " + row.planName() + ", not of " + plan);
      }
      plan = row.planName();
      run = row.id();
    }
    if (plan == null) {
      throw new ApiException(400, "missing_plan", "field 'plan' (or 'run') is required");
    }
    String planOwner = planOwner(plan);
    String step = body.step() == null ? null : Names.stepId(body.step());
    String owner = body.owner() == null ? planOwner : owner(body.owner(), planOwner);
    LocalDate today = store.today();
    LocalDate due =
        body.due() == null
            ? today.plusDays(defaultDue.toDays())
            : FindingBodies.due(body.due(), today);
    Finding created =
        store.create(
            new NewFinding(plan, run, step, null, FindingOrigin.MANUAL, title, owner, due),
            caller.name());
    return Response.created(URI.create("/api/findings/" + created.id())).entity(created).build();
  }

  /**
   * Changes a finding: any of {@code status} (with {@code note}: required to close it or accept its
   * risk), {@code owner}, {@code due}. Each change is one event; an illegal move is a 400.
   */
  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(value = Role.OPERATOR, action = "change a finding")
  public Finding change(
      @Auth Caller caller, @PathParam("id") String id, FindingBodies.Change body) {
    long findingId = findingId(id);
    if (body == null || (body.status() == null && body.owner() == null && body.due() == null)) {
      throw new ApiException(
          400,
          "nothing_to_change",
          "send any of status (with note), owner and due, e.g. {\"status\": \"in_progress\"}");
    }
    Finding finding =
        store
            .find(findingId)
            .orElseThrow(
                () -> new ApiException(404, "unknown_finding", "no finding with id " + id));
    FindingStatus status = body.status() == null ? null : FindingBodies.status(body.status());
    String owner =
        body.owner() == null ? null : owner(body.owner(), planOwnerOrNull(finding.plan()));
    LocalDate due = body.due() == null ? null : FindingBodies.due(body.due(), store.today());
    return store.change(
        findingId,
        new FindingChange(status, FindingBodies.note(body.note()), owner, due),
        caller.name());
  }

  private String owner(String owner, String planOwner) {
    if (!owners.known(owner, planOwner)) {
      throw new ApiException(
          400,
          "unknown_owner",
          "owner '"
              + Names.shortened(owner)
              + "' is neither the plan's owner"
              + (planOwner == null ? "" : " (" + planOwner + ")")
              + " nor the name of a token holder");
    }
    return owner;
  }

  private String planOwner(String plan) {
    return catalog
        .find(plan)
        .orElseThrow(() -> new ApiException(404, "unknown_plan", "no plan named " + plan))
        .runbook()
        .owner();
  }

  private String planOwnerOrNull(String plan) {
    return catalog.find(plan).map(file -> file.runbook().owner()).orElse(null);
  }

  private static boolean flag(String overdue) {
    if (overdue == null || overdue.equals("false")) {
      return false;
    }
    if (overdue.equals("true")) {
      return true;
    }
    throw new ApiException(
        400, "bad_overdue", "overdue is true or false; got '" + Names.shortened(overdue) + "'");
  }

  private static long findingId(String id) {
    try {
      long value = Long.parseLong(id);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ApiException(
        400,
        "bad_finding_id",
        "a finding id is a positive number; got '" + Names.shortened(id) + "'");
  }
}
