package dev.lifeboat.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ApiTokenTest {
  @Test
  void carriesA256BitSecretAfterItsPublicId() {
    ApiToken token = ApiToken.generate(new SecureRandom());

    assertThat(token.reveal()).matches("lb_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
    assertThat(token.reveal()).startsWith("lb_" + token.id() + "_");
    byte[] secret = Base64.getUrlDecoder().decode(token.reveal().substring(16));
    assertThat(secret).hasSize(32);
  }

  @Test
  void readsBackWhatItWrote() {
    ApiToken token = ApiToken.generate(new SecureRandom());

    ApiToken parsed = ApiToken.parse(token.reveal()).orElseThrow();
    assertThat(parsed.id()).isEqualTo(token.id());
    assertThat(parsed.sha256()).isEqualTo(token.sha256()).hasSize(64);
  }

  @Test
  void neverPrintsItsSecret() {
    ApiToken token = ApiToken.generate(new SecureRandom());

    assertThat(token.toString())
        .isEqualTo("lb_" + token.id() + "_…")
        .doesNotContain(token.reveal().substring(16));
  }

  @Test
  void refusesTextThatIsNotAToken() {
    assertThat(ApiToken.parse(null)).isEmpty();
    assertThat(ApiToken.parse("")).isEmpty();
    assertThat(ApiToken.parse("hunter2")).isEmpty();
    String good = ApiToken.generate(new SecureRandom()).reveal();
    assertThat(ApiToken.parse(good + "a")).isEmpty();
    assertThat(ApiToken.parse(" " + good)).isEmpty();
    assertThat(ApiToken.parse(good.toUpperCase())).isEmpty();
  }

  @Test
  void makesADifferentTokenEachTime() {
    SecureRandom random = new SecureRandom();
    assertThat(ApiToken.generate(random).reveal()).isNotEqualTo(ApiToken.generate(random).reveal());
  }
}
