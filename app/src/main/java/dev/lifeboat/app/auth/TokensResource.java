package dev.lifeboat.app.auth;

import dev.lifeboat.app.auth.AuthConfig.ConfiguredToken;
import dev.lifeboat.app.refusal.Refusal;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Stream;

/** Managing API tokens (admin): make one (shown once), list them, revoke one. */
@Path("/api/tokens")
@Produces(MediaType.APPLICATION_JSON)
public final class TokensResource {
  private final TokenRegistry registry;
  private final List<ConfiguredToken> configured;

  public TokensResource(TokenRegistry registry, List<ConfiguredToken> configured) {
    this.registry = registry;
    this.configured = List.copyOf(configured);
  }

  /** The body of {@code POST /api/tokens}: {@code {"name": "alice", "role": "operator"}}. */
  public record NewToken(String name, String role) {}

  public record TokenList(List<TokenView> tokens) {}

  @GET
  @Requires(value = Role.ADMIN, action = "list tokens")
  public TokenList list() {
    return new TokenList(
        Stream.concat(
                configured.stream().map(TokenView::of), registry.all().stream().map(TokenView::of))
            .toList());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(value = Role.ADMIN, action = "create a token")
  public Response create(@Auth Caller caller, NewToken body) {
    if (body == null || body.name() == null || body.role() == null) {
      throw Refusal.malformed(
          "missing_field",
          "send a JSON body such as {\"name\": \"alice\", \"role\": \"operator\"}; roles: "
              + Role.apiNames());
    }
    Role role =
        Role.fromApiName(body.role())
            .orElseThrow(
                () ->
                    Refusal.malformed(
                        "unknown_role",
                        "unknown role '"
                            + TokenNames.shorten(body.role())
                            + "'; roles: "
                            + Role.apiNames()));
    TokenRegistry.Issued issued = registry.create(body.name(), role, caller.name());
    return Response.status(Response.Status.CREATED).entity(TokenView.issued(issued)).build();
  }

  @POST
  @Path("{id}/revoke")
  @Requires(value = Role.ADMIN, action = "revoke a token")
  public TokenView revoke(@Auth Caller caller, @PathParam("id") String id) {
    return TokenView.of(registry.revoke(id, caller.name()));
  }
}
