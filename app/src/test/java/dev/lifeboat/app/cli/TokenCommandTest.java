package dev.lifeboat.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lifeboat.app.auth.ApiToken;
import dev.lifeboat.app.auth.AuthConfig;
import dev.lifeboat.app.auth.AuthConfig.ConfiguredToken;
import dev.lifeboat.app.auth.Role;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sourceforge.argparse4j.inf.Namespace;
import org.junit.jupiter.api.Test;

class TokenCommandTest {
  @Test
  void printsATokenAndAConfigEntryThatAcceptsIt() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new TokenCommand(new PrintStream(out, true, StandardCharsets.UTF_8))
        .run(null, new Namespace(Map.of("name", "ci-deployer", "role", "operator")));
    String printed = out.toString(StandardCharsets.UTF_8);

    Matcher token = Pattern.compile("lb_[0-9a-f]{12}_[A-Za-z0-9_-]{43}").matcher(printed);
    assertThat(token.find()).as(printed).isTrue();
    String yaml = printed.substring(printed.indexOf("auth:"));
    assertThat(yaml).doesNotContain(token.group());

    ObjectMapper mapper = Jackson.newObjectMapper(new YAMLFactory());
    AuthConfig parsed = mapper.treeToValue(mapper.readTree(yaml).path("auth"), AuthConfig.class);
    assertThat(Validators.newValidator().validate(parsed)).isEmpty();
    ConfiguredToken entry = parsed.getTokens().get(0);
    assertThat(entry.getName()).isEqualTo("ci-deployer");
    assertThat(entry.getRole()).isEqualTo(Role.OPERATOR);
    assertThat(entry.getSha256()).isEqualTo(ApiToken.parse(token.group()).orElseThrow().sha256());
  }
}
