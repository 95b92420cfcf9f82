package dev.lifeboat.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.app.refusal.Refusal;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of domain refusal is answered with its HTTP status and the usual JSON body. */
class RefusalMapperTest {
  private final RefusalMapper mapper = new RefusalMapper();

  @Test
  void answersEachKindWithItsStatus() {
    Map<Refusal.Kind, Integer> expected =
        Map.of(
            Refusal.Kind.NOT_AUTHENTICATED, 401,
            Refusal.Kind.MALFORMED, 400,
            Refusal.Kind.NOT_ALLOWED, 403,
            Refusal.Kind.NOT_FOUND, 404,
            Refusal.Kind.CONFLICT, 409,
            Refusal.Kind.INVALID, 422,
            Refusal.Kind.UNAVAILABLE, 503);
    assertThat(expected).as("every kind has a status here").hasSize(Refusal.Kind.values().length);
    expected.forEach(
        (kind, status) ->
            assertThat(
                    mapper.toResponse(new Refusal(kind, "a_code", "words", List.of())).getStatus())
                .as("%s", kind)
                .isEqualTo(status));
  }

  @Test
  void keepsTheCodeMessageAndDetailsInTheBody() {
    Response response =
        mapper.toResponse(
            Refusal.invalid(
                "invalid_launch", "the run cannot start with these values", List.of("a", "b")));

    assertThat(response.getEntity())
        .isEqualTo(
            ApiError.of(
                422,
                "invalid_launch",
                "the run cannot start with these values",
                List.of("a", "b")));
    assertThat(response.getMediaType().toString()).isEqualTo("application/json");
  }

  @Test
  void namesTheBearerSchemeWhenNotAuthenticated() {
    Response response = mapper.toResponse(Refusal.notAuthenticated("missing_token", "send one"));

    assertThat(response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE))
        .isEqualTo("Bearer realm=\"lifeboat\"");
    assertThat(
            mapper
                .toResponse(Refusal.notFound("unknown_run", "no run"))
                .getHeaderString(HttpHeaders.WWW_AUTHENTICATE))
        .isNull();
  }
}
