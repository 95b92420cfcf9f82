package dev.lifeboat.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code lifeboat run <plan>}: launches a run through a Lifeboat server's API and follows it,
 * printing each step as it ends; exits 0 only when the run succeeded.
 */
public final class RunCommand extends Command {
  public RunCommand() {
    super("run", "Launch a plan on a running Lifeboat server and follow it to the end");
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("plan").help("the plan's name");
    subparser
        .addArgument("--mode")
        .setDefault("drill")
        .help(
            "drill (default), recovery, or tabletop (at a terminal you answer each step as it is"
                + " prompted; otherwise steps wait for acknowledgements through the API)");
    subparser
        .addArgument("--param")
        .action(Arguments.append())
        .metavar("NAME=VALUE")
        .help("a launch parameter; repeatable");
    subparser
        .addArgument("--url")
        .setDefault("http://127.0.0.1:8080")
        .help("the Lifeboat server (default http://127.0.0.1:8080)");
    subparser
        .addArgument("--token")
        .help(
            "the API token (default: $"
                + CliToken.ENV
                + ", else the first start's data/initial-admin-token); the environment"
                + " variable keeps it out of the process list");
    subparser
        .addArgument("--timeout")
        .type(Integer.class)
        .setDefault(3600)
        .help("seconds to follow the run before giving up (the run goes on)");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    ObjectMapper json = bootstrap.getObjectMapper();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String base = namespace.getString("url");
    String authorization =
        "Bearer "
            + CliToken.resolve(
                namespace.getString("token"),
                System.getenv(),
                CliToken.defaultFile(System.getenv()));
    ObjectNode body = json.createObjectNode().put("mode", namespace.getString("mode"));
    ObjectNode params = body.putObject("params");
    parseParams(namespace.getList("param")).forEach(params::put);

    JsonNode launched =
        send(
            http,
            json,
            HttpRequest.newBuilder(
                    URI.create(base + "/api/plans/" + namespace.getString("plan") + "/runs"))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build());
    String id = launched.path("id").asText();
    PrintStream out = System.out;
    out.printf(
        "run %s of %s launched (%s)%n",
        id, launched.path("plan").asText(), base + "/api/runs/" + id);
    new RunFollower(out, participant(namespace, http, json, base, authorization, id))
        .follow(
            () ->
                send(
                    http,
                    json,
                    HttpRequest.newBuilder(URI.create(base + "/api/runs/" + id))
                        .header("Authorization", authorization)
                        .build()),
            Duration.ofSeconds(namespace.getInt("timeout")));
  }

  /**
   * At a terminal, the one following a tabletop run answers its steps as they are prompted;
   * otherwise (a script, a pipe) others answer them through the API.
   */
  private static RunFollower.Participant participant(
      Namespace namespace,
      HttpClient http,
      ObjectMapper json,
      String base,
      String authorization,
      String runId) {
    if (!"tabletop".equals(namespace.getString("mode")) || System.console() == null) {
      return RunFollower.Participant.NONE;
    }
    return new ConsoleParticipant(
        new BufferedReader(System.console().reader()),
        System.out,
        (stepId, body) -> {
          try {
            send(
                http,
                json,
                HttpRequest.newBuilder(
                        URI.create(
                            base + "/api/runs/" + runId + "/steps/" + stepId + "/acknowledge"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build());
            return null;
          } catch (IOException refused) {
            return refused.getMessage();
          }
        });
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    cli.getStdErr().println(e.getMessage());
  }

  private static Map<String, String> parseParams(List<String> pairs) {
    Map<String, String> params = new HashMap<>();
    if (pairs == null) {
      return params;
    }
    for (String pair : pairs) {
      int equals = pair.indexOf('=');
      if (equals < 1) {
        throw new IllegalArgumentException("--param takes NAME=VALUE, got '" + pair + "'");
      }
      params.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return params;
  }

  private static JsonNode send(HttpClient http, ObjectMapper json, HttpRequest request)
      throws IOException, InterruptedException {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.net.ConnectException e) {
      throw new IOException(
          "no Lifeboat server answers at " + request.uri() + "; is it running?", e);
    }
    JsonNode node = json.readTree(response.body());
    if (response.statusCode() >= 400) {
      StringBuilder message =
          new StringBuilder("refused (" + response.statusCode() + "): ")
              .append(node.path("error").path("message").asText(response.body()));
      node.path("error")
          .path("details")
          .forEach(detail -> message.append("\n  ").append(detail.asText()));
      throw new IOException(message.toString());
    }
    return node;
  }
}
