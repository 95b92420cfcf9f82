package dev.lifeboat.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks the resource model of the running app (every resource Jersey serves, as built) and fails
 * naming any method that declares no role. The table of rules is also pinned, so a new endpoint
 * comes with a decision about who may call it, here, in {@code RoleMatrixTest} and in
 * docs/security.md.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EveryEndpointHasARoleTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.extension(pg, "lifeboat_rules");

  @Test
  void everyMethodOfTheRunningAppDeclaresARole() {
    List<Resource> resources = runningResources();

    assertThat(missingRules(resources))
        .as("resource methods without @Requires (refused to everyone until they declare a role)")
        .isEmpty();
    assertThat(rules(resources))
        .as("who may call what; a change here needs RoleMatrixTest and docs/security.md too")
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.ofEntries(
                    Map.entry("GET /api/me", "viewer"),
                    Map.entry("GET /api/compliance", "viewer"),
                    Map.entry("GET /api/coverage", "viewer"),
                    Map.entry("GET /api/plans", "viewer"),
                    Map.entry("GET /api/plans/{name}", "viewer"),
                    Map.entry("POST /api/plans/reload", "admin"),
                    Map.entry("POST /api/plans/{name}/runs", "operator"),
                    Map.entry("POST /api/plans/{name}/precheck", "operator"),
                    Map.entry("GET /api/runs", "viewer"),
                    Map.entry("GET /api/runs/{id}", "viewer"),
                    Map.entry("GET /api/runs/{id}/events", "viewer"),
                    Map.entry("GET /api/runs/{id}/integrity", "viewer"),
                    Map.entry("GET /api/findings", "viewer"),
                    Map.entry("GET /api/findings/{id}", "viewer"),
                    Map.entry("POST /api/findings", "operator"),
                    Map.entry("PATCH /api/findings/{id}", "operator"),
                    Map.entry("GET /api/runs/{id}/report", "viewer"),
                    Map.entry("GET /api/runs/{id}/plan", "viewer"),
                    Map.entry("GET /api/runs/{id}/events/{seq}", "viewer"),
                    Map.entry("POST /api/runs/{id}/cancel", "operator"),
                    Map.entry("POST /api/runs/{id}/resume", "operator"),
                    Map.entry("POST /api/runs/{id}/steps/{stepId}/acknowledge", "operator"),
                    Map.entry("POST /api/runs/{id}/steps/{stepId}/approve", "operator"),
                    Map.entry("POST /api/runs/{id}/steps/{stepId}/reject", "operator"),
                    Map.entry("POST /api/runs/{id}/steps/{stepId}/decide", "operator"),
                    Map.entry("POST /api/runs/{id}/steps/{stepId}/undo", "commander"),
                    Map.entry("GET /api/tokens", "admin"),
                    Map.entry("POST /api/tokens", "admin"),
                    Map.entry("POST /api/tokens/{id}/revoke", "admin"),
                    Map.entry("GET /api/schedules", "viewer"),
                    Map.entry("GET /api/schedules/{id}", "viewer"),
                    Map.entry("POST /api/schedules", "operator"),
                    Map.entry("POST /api/schedules/{id}/pause", "operator"),
                    Map.entry("POST /api/schedules/{id}/resume", "operator"),
                    Map.entry("POST /api/schedules/{id}/delete", "operator"),
                    Map.entry("POST /api/schedules/{id}/run-now", "operator"))));
  }

  @Test
  void namesAMethodThatForgotItsRole() {
    assertThat(missingRules(List.of(Resource.from(Forgetful.class))))
        .containsExactly("GET /forgetful/{id} (Forgetful.get)");
  }

  @Path("/forgetful")
  public static final class Forgetful {
    @GET
    @Requires(value = Role.VIEWER, action = "list")
    public String list() {
      return "";
    }

    @GET
    @Path("{id}")
    public String get() {
      return "";
    }
  }

  private static List<Resource> runningResources() {
    ServletContainer container =
        (ServletContainer) APP.getEnvironment().getJerseyServletContainer();
    return container
        .getApplicationHandler()
        .getInjectionManager()
        .getInstance(ExtendedResourceContext.class)
        .getResourceModel()
        .getResources();
  }

  /** "METHOD /path (Class.method)" of every method of ours without a rule. */
  static List<String> missingRules(List<Resource> resources) {
    List<String> missing = new ArrayList<>();
    walk(
        resources,
        "",
        (path, method, java) -> {
          if (RoleRules.ruleOf(java).isEmpty()
              && !RoleRules.isJerseysOptions(
                  method.getInvocable().getHandler().getHandlerClass())) {
            missing.add(
                method.getHttpMethod()
                    + " "
                    + path
                    + " ("
                    + java.getDeclaringClass().getSimpleName()
                    + "."
                    + java.getName()
                    + ")");
          }
        });
    return missing;
  }

  /** "METHOD /path" to the least role, for every method that declares one. */
  static Map<String, String> rules(List<Resource> resources) {
    Map<String, String> rules = new TreeMap<>();
    walk(
        resources,
        "",
        (path, method, java) ->
            RoleRules.ruleOf(java)
                .ifPresent(
                    rule ->
                        rules.put(method.getHttpMethod() + " " + path, rule.value().apiName())));
    return rules;
  }

  interface Visitor {
    void visit(String path, ResourceMethod method, Method java);
  }

  private static void walk(List<Resource> resources, String parent, Visitor visitor) {
    for (Resource resource : resources) {
      String path = join(parent, resource.getPath());
      for (ResourceMethod method : resource.getAllMethods()) {
        visitor.visit(path, method, method.getInvocable().getDefinitionMethod());
      }
      walk(resource.getChildResources(), path, visitor);
    }
  }

  private static String join(String parent, String path) {
    String joined = (parent + "/" + (path == null ? "" : path)).replaceAll("/+", "/");
    return joined.length() > 1 && joined.endsWith("/")
        ? joined.substring(0, joined.length() - 1)
        : joined;
  }
}
