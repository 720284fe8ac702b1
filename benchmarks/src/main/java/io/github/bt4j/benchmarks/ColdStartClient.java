package io.github.bt4j.benchmarks;

import com.google.gson.Gson;
import com.google.gson.JsonParser;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.models.InsertProjectLogsEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A fresh JVM that inserts one event and prints {@code ACK} when the server has acknowledged it;
 * the orchestrator times it from starting the process to that line. Then it prints {@code CPU} and
 * the CPU time the JVM has used (a little more than up to the acknowledgement). The floor builds an
 * OkHttp client, writes the body with Gson and reads the row ids with Gson; the library builds a
 * {@link BraintrustClient} and calls {@code logs().insert}.
 *
 * <p>Arguments: the side ({@code floor} or {@code bt4j}) and the server's base URL.
 */
public final class ColdStartClient {
  private static final String QUESTION = "How did the deployment go?";
  private static final String ANSWER = "It finished at 12:04 UTC; all three regions are healthy.";

  private ColdStartClient() {}

  /**
   * Inserts one event; see the class documentation for the arguments.
   *
   * @param args side, base URL
   * @throws IOException if the insert fails
   */
  public static void main(String[] args) throws IOException {
    boolean floor = args[0].equals("floor");
    String baseUrl = args[1];
    int acknowledged = floor ? Floor.insert(baseUrl) : Library.insert(baseUrl);
    System.out.println("ACK " + acknowledged);
    System.out.flush();
    // After the acknowledgement, so that loading the management classes is not timed.
    System.out.println("CPU " + WorkloadClient.cpuNanos());
    System.exit(acknowledged == 1 ? 0 : 1);
  }

  /** The floor's side, in a class of its own so that the floor's JVM never loads the library's. */
  private static final class Floor {
    static int insert(String baseUrl) throws IOException {
      OkHttpClient http =
          new OkHttpClient.Builder().socketFactory(new FloorClient.NoDelaySockets()).build();
      Map<String, Object> event =
          Map.of(
              "id",
              UUID.randomUUID().toString(),
              "input",
              Map.of("question", QUESTION),
              "output",
              ANSWER,
              "tags",
              List.of("cold-start"));
      String body = new Gson().toJson(Map.of("events", List.of(event)));
      Request request =
          new Request.Builder()
              .url(baseUrl + "/v1/project_logs/" + SyntheticPages.PROJECT + "/insert")
              .header("Authorization", "Bearer floor")
              .post(RequestBody.create(body, MediaType.get("application/json")))
              .build();
      try (Response response = http.newCall(request).execute()) {
        if (!response.isSuccessful()) {
          throw new IOException("HTTP " + response.code());
        }
        return JsonParser.parseString(response.body().string())
            .getAsJsonObject()
            .getAsJsonArray("row_ids")
            .size();
      }
    }
  }

  /** The library's side. */
  private static final class Library {
    static int insert(String baseUrl) {
      try (BraintrustClient client =
          BraintrustClient.builder().apiKey("bench").baseUrl(baseUrl).build()) {
        InsertProjectLogsEvent event =
            new InsertProjectLogsEvent()
                .input(Map.of("question", QUESTION))
                .output(ANSWER)
                .tags(List.of("cold-start"));
        return client.logs().insert(SyntheticPages.PROJECT, List.of(event)).getRowIds().size();
      }
    }
  }
}
