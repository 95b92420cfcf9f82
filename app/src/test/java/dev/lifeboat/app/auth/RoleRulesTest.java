package dev.lifeboat.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.app.api.ErrorMappers;
import io.dropwizard.auth.Auth;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The filters on their own, in an in-memory Jersey with a resource that forgot its rule: what
 * {@link EveryEndpointHasARoleTest} guards against is also refused at run time.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RoleRulesTest {
  static final ApiToken OPERATORS = ApiToken.generate(new java.security.SecureRandom());

  static final ResourceExtension JERSEY = jersey();

  @Path("/things")
  @Produces(MediaType.APPLICATION_JSON)
  public static final class Things {
    @GET
    @Path("ruled")
    @Requires(value = Role.OPERATOR, action = "read a thing")
    public String ruled(@Auth Caller caller) {
      return "\"hello " + caller.name() + "\"";
    }

    @GET
    @Path("commanders")
    @Requires(value = Role.COMMANDER, action = "read a commander's thing")
    public String commanders() {
      return "\"secret\"";
    }

    @GET
    @Path("forgotten")
    public String forgotten() {
      return "\"open by omission\"";
    }
  }

  private static ResourceExtension jersey() {
    ResourceExtension.Builder builder =
        ResourceExtension.builder()
            .setRegisterDefaultExceptionMappers(false)
            .addProvider(
                new BearerTokenFilter(
                    token ->
                        token.equals(OPERATORS.reveal())
                            ? Optional.of(new Caller("olga", Role.OPERATOR, OPERATORS.id()))
                            : Optional.empty()))
            .addProvider(new RoleRules())
            .addProvider(new AuthValueFactoryProvider.Binder<>(Caller.class))
            .addResource(new Things());
    ErrorMappers.all().forEach(builder::addProvider);
    return builder.build();
  }

  private Response get(String path, String authorization) {
    var request = JERSEY.target(path).request();
    if (authorization != null) {
      request = request.header("Authorization", authorization);
    }
    return request.get();
  }

  @Test
  void letsARoleThatIncludesTheRuleThroughAndInjectsTheCaller() {
    Response response = get("/things/ruled", "Bearer " + OPERATORS.reveal());
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.readEntity(String.class)).contains("hello olga");
  }

  @Test
  void refusesAMethodWithoutARuleToEveryone() {
    Response response = get("/things/forgotten", "Bearer " + OPERATORS.reveal());
    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.readEntity(String.class)).contains("no_rule").doesNotContain("omission");
  }

  @Test
  void refusesALowerRoleWithAJsonErrorNamingBothRoles() {
    Response response = get("/things/commanders", "Bearer " + OPERATORS.reveal());
    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.readEntity(String.class))
        .contains("\"code\":\"forbidden\"")
        .contains("read a commander's thing needs role commander or higher")
        .contains("olga has role operator");
  }

  @Test
  void answersAMissingTokenWith401AndTheBearerChallenge() {
    Response response = get("/things/ruled", null);
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getHeaderString("WWW-Authenticate")).startsWith("Bearer");
    assertThat(response.getMediaType().toString()).startsWith("application/json");
    assertThat(response.readEntity(String.class)).contains("missing_token");
  }

  @Test
  void refusesEvenAnUnknownPathWithoutAToken() {
    assertThat(get("/nowhere", null).getStatus()).isEqualTo(401);
  }

  @Test
  void neverReadsATokenFromTheUrlWhereLogsWouldKeepIt() {
    Response response =
        JERSEY
            .target("/things/ruled")
            .queryParam("access_token", OPERATORS.reveal())
            .request()
            .get();
    assertThat(response.getStatus()).isEqualTo(401);
  }

  @Test
  void refusesOtherSchemesAndMangledTokens() {
    assertThat(get("/things/ruled", "Basic " + OPERATORS.reveal()).getStatus()).isEqualTo(401);
    assertThat(get("/things/ruled", "Bearer").getStatus()).isEqualTo(401);
    assertThat(get("/things/ruled", "Bearer " + OPERATORS.reveal() + "x").getStatus())
        .isEqualTo(401);
    Response response = get("/things/ruled", "bearer " + OPERATORS.reveal());
    assertThat(response.getStatus()).as("the scheme is case-insensitive").isEqualTo(200);
  }
}
