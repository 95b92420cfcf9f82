package dev.lifeboat.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lifeboat.activities.FreePorts;
import dev.lifeboat.app.TestTokens;
import dev.lifeboat.app.auth.BearerTokenFilter;
import dev.lifeboat.app.auth.Caller;
import dev.lifeboat.app.auth.Role;
import dev.lifeboat.app.auth.RoleRules;
import dev.lifeboat.app.auth.TokenAuthenticator;
import dev.lifeboat.app.auth.TokenDao;
import dev.lifeboat.app.runs.StepStatesFromRecord;
import dev.lifeboat.app.store.RunActionDao;
import dev.lifeboat.app.store.RunEventDao;
import dev.lifeboat.app.store.RunResumeDao;
import dev.lifeboat.app.store.RunVerdictDao;
import dev.lifeboat.app.temporal.TemporalConnection;
import dev.lifeboat.app.temporal.WorkflowQueries;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * An in-memory Jersey around one of the API's resources, with what the app puts in front of every
 * resource: the bearer-token filter (the tokens of {@link TestTokens}), the role rules, the error
 * mappers and the app's JSON settings. No Jetty, no Temporal server: for what a resource itself
 * refuses and answers.
 */
final class ApiResources {
  private ApiResources() {}

  /** The JSON settings {@code LifeboatApplication.run} gives the API's mapper. */
  static ObjectMapper json() {
    return Jackson.newObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  /** The filters and mappers, with tokens checked as the app checks them against {@code record}. */
  static ResourceExtension.Builder builder(Jdbi record) {
    ResourceExtension.Builder builder =
        ResourceExtension.builder()
            .setMapper(json())
            .setRegisterDefaultExceptionMappers(false)
            .addProvider(
                new BearerTokenFilter(
                    new TokenAuthenticator(
                        record.onDemand(TokenDao.class), TestTokens.configured())))
            .addProvider(new RoleRules())
            .addProvider(new AuthValueFactoryProvider.Binder<>(Caller.class));
    ErrorMappers.all().forEach(builder::addProvider);
    return builder;
  }

  /**
   * Run views on {@code record}, whose queries go to a Temporal nobody runs: a run that has not
   * ended is shown from the record, with a note that its workflow did not answer.
   */
  static RunViews views(Jdbi record, TemporalConnection temporal) {
    return new RunViews(
        record.onDemand(RunEventDao.class),
        record.onDemand(RunActionDao.class),
        record.onDemand(RunResumeDao.class),
        new StepStatesFromRecord(json()),
        new WorkflowQueries(temporal, Duration.ofSeconds(1)),
        json(),
        record.onDemand(RunVerdictDao.class));
  }

  /** A connection to a loopback port nothing listens on. */
  static TemporalConnection unreachableTemporal() {
    return TemporalConnection.to("127.0.0.1:" + FreePorts.next(), "default");
  }

  /** A request to {@code target} as the holder of {@code role}'s test token. */
  static Invocation.Builder as(Role role, WebTarget target) {
    return target.request().header("Authorization", "Bearer " + TestTokens.of(role));
  }

  static Entity<String> body(String json) {
    return Entity.entity(json, MediaType.APPLICATION_JSON_TYPE);
  }

  /** The answer's body as JSON, after checking its status. */
  static JsonNode read(Response response, int status) {
    String body = response.readEntity(String.class);
    assertThat(response.getStatus()).as(body).isEqualTo(status);
    return parse(body);
  }

  /**
   * Checks that {@code response} is a refusal as every API refusal is: {@code status} with a JSON
   * body {@code {"error": {"status", "code", "message", "details"}}} whose message or details say
   * {@code says}. Answers the error.
   */
  static JsonNode assertRefused(Response response, int status, String code, String says) {
    String body = response.readEntity(String.class);
    assertThat(response.getStatus()).as(body).isEqualTo(status);
    assertThat(response.getMediaType().toString()).startsWith(MediaType.APPLICATION_JSON);
    JsonNode error = parse(body).path("error");
    assertThat(error.path("status").asInt()).as(body).isEqualTo(status);
    assertThat(error.path("code").asText()).as(body).isEqualTo(code);
    assertThat(error.path("message").asText() + " " + error.path("details"))
        .as("the error should say what was wrong")
        .contains(says);
    return error;
  }

  private static JsonNode parse(String body) {
    try {
      return json().readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
