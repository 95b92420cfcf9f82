package dev.lifeboat.activities;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SafeUrlsTest {
  @Test
  void showsSchemeHostPortAndPathButNoSecrets() {
    URI uri = URI.create("https://user:pw@hooks.example.com:8443/services/T0/B1?token=abc#frag");

    assertThat(SafeUrls.display(uri)).isEqualTo("https://hooks.example.com:8443/services/T0/B1");
  }

  @Test
  void rejectsNonHttpUrlsWithoutEchoingTheQuery() {
    assertThat(
            failureOf(() -> SafeUrls.parseHttp("file:///etc/passwd?x=secret")).getOriginalMessage())
        .isEqualTo("'file:///etc/passwd' is not an http or https URL");
    assertThat(
            failureOf(() -> SafeUrls.parseHttp("http://bad host/?token=secret"))
                .getOriginalMessage())
        .doesNotContain("secret");
  }
}
