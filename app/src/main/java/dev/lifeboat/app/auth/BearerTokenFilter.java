package dev.lifeboat.app.auth;

import dev.lifeboat.app.refusal.Refusal;
import io.dropwizard.auth.AuthFilter;
import io.dropwizard.auth.Authenticator;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Authenticates every API request from {@code Authorization: Bearer <token>}, before Jersey even
 * matches a resource, so no path (not even an unknown one) answers anonymously. A missing or
 * refused token is refused as not authenticated, which the API answers with a 401 and {@code
 * WWW-Authenticate: Bearer} ({@link #CHALLENGE}).
 *
 * <p>Dropwizard's {@code OAuthCredentialAuthFilter} also accepts {@code ?access_token=} in the URL,
 * where request logs and browser histories would keep it; this filter reads the header only.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class BearerTokenFilter extends AuthFilter<String, Caller> {
  static final String SCHEME = "Bearer";

  private static final String REALM = "lifeboat";

  /** What the API's answer to a request refused here sends in {@code WWW-Authenticate}. */
  public static final String CHALLENGE = SCHEME + " realm=\"" + REALM + "\"";

  public BearerTokenFilter(Authenticator<String, Caller> authenticator) {
    this.authenticator = authenticator;
    this.prefix = SCHEME;
    this.realm = REALM;
    // SecurityContext.isUserInRole answers with the ordered roles, like @Requires does.
    this.authorizer =
        (caller, role, request) ->
            Role.fromApiName(role).map(caller.role()::includes).orElse(false);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String credentials = credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (credentials == null) {
      throw Refusal.notAuthenticated(
          "missing_token",
          "this API needs a token: send the header 'Authorization: Bearer <token>'");
    }
    if (!authenticate(request, credentials, SCHEME)) {
      throw Refusal.notAuthenticated(
          "bad_token", "the token was not accepted: it is unknown, revoked or mistyped");
    }
  }

  private static String credentials(String header) {
    if (header == null) {
      return null;
    }
    int space = header.indexOf(' ');
    if (space <= 0 || !header.substring(0, space).equalsIgnoreCase(SCHEME)) {
      return null;
    }
    String token = header.substring(space + 1).trim();
    return token.isEmpty() ? null : token;
  }
}
