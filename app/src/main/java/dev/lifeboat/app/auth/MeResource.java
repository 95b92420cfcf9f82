package dev.lifeboat.app.auth;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/me}: who the server takes the caller for, to check a token works. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
public final class MeResource {
  @GET
  @Requires(value = Role.VIEWER, action = "see who you are")
  public Caller me(@Auth Caller caller) {
    return caller;
  }
}
