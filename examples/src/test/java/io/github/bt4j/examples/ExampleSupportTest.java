package io.github.bt4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.models.CreateProject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleSupportTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @Test
  void withoutAKeyTheClientTalksToAStandIn() throws Exception {
    String baseUrl;
    try (BraintrustClient client =
        ExampleSupport.client(Map.of("BRAINTRUST_API_URL", "https://elsewhere.test")::get, out)) {
      baseUrl = client.baseUrl();
      assertTrue(baseUrl.startsWith("http://127.0.0.1:"), baseUrl);
      assertEquals("p", client.projects().create(new CreateProject().name("p")).getName());
    }

    assertEquals(
        "Using a local stand-in for the Braintrust API at "
            + baseUrl.replaceAll("/$", "")
            + " (set BRAINTRUST_API_KEY to use the real API)\n",
        printed.toString(StandardCharsets.UTF_8));
  }

  @Test
  void withAKeyTheClientIsConfiguredFromTheEnvironment() throws IOException {
    Map<String, String> env =
        Map.of("BRAINTRUST_API_KEY", "sk-real", "BRAINTRUST_API_URL", "https://api.example.test");

    try (BraintrustClient client = ExampleSupport.client(env::get, out)) {
      assertEquals("https://api.example.test/", client.baseUrl());
    }
    assertEquals(
        "Using the Braintrust API at https://api.example.test (BRAINTRUST_API_KEY is set)\n",
        printed.toString(StandardCharsets.UTF_8));
  }
}
