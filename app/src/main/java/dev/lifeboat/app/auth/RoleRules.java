package dev.lifeboat.app.auth;

import dev.lifeboat.app.refusal.Refusal;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each resource method the check its {@link Requires} declares. A method without a rule is
 * refused to everyone (fail closed), so forgetting a rule can never open an endpoint.
 */
public final class RoleRules implements DynamicFeature {
  private static final Logger LOG = LoggerFactory.getLogger(RoleRules.class);

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Method method = resource.getResourceMethod();
    Optional<Requires> rule = ruleOf(method);
    if (rule.isEmpty() && (method == null || !isJerseysOptions(method.getDeclaringClass()))) {
      LOG.error("{} declares no @Requires role; it is refused to everyone", method);
    }
    context.register(new RoleFilter(rule.orElse(null)), Priorities.AUTHORIZATION);
  }

  /** The rule a resource method declares, if any. */
  public static Optional<Requires> ruleOf(Method method) {
    return Optional.ofNullable(method == null ? null : method.getAnnotation(Requires.class));
  }

  /**
   * Jersey adds an OPTIONS handler to every resource. No client of ours needs it (there is no
   * cross-origin use), so it is refused like any method without a rule, but without an error.
   */
  public static boolean isJerseysOptions(Class<?> handler) {
    return handler.getName().startsWith(OPTIONS_PROCESSOR + "$");
  }

  private static final String OPTIONS_PROCESSOR =
      "org.glassfish.jersey.server.wadl.processor.OptionsMethodProcessor";

  private static final class RoleFilter implements ContainerRequestFilter {
    private final Requires rule;

    RoleFilter(Requires rule) {
      this.rule = rule;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      if (rule == null) {
        throw Refusal.notAllowed(
            "no_rule", "this endpoint declares no role, so it is refused to everyone");
      }
      // BearerTokenFilter has already refused every request without a valid token.
      Caller caller = (Caller) request.getSecurityContext().getUserPrincipal();
      caller.require(rule.value(), rule.action());
    }
  }
}
