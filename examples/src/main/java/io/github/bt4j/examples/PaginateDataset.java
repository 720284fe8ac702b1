package io.github.bt4j.examples;

import com.google.gson.JsonObject;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.models.CreateDataset;
import io.github.bt4j.models.CreateProject;
import io.github.bt4j.models.Dataset;
import io.github.bt4j.models.DatasetListParams;
import io.github.bt4j.models.InsertDatasetEvent;
import io.github.bt4j.models.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The API guide's "Paginate a large dataset": look the dataset up by project and name, then read
 * every row with a structured BTQL query, 100 rows per request. The pager follows the {@code
 * x-bt-cursor} header from page to page and parses the JSON lines as they arrive. The example first
 * fills a dataset with 250 rows.
 *
 * <pre>mvn -q -pl examples exec:java -Dexec.mainClass=io.github.bt4j.examples.PaginateDataset</pre>
 */
public final class PaginateDataset {
  private PaginateDataset() {}

  /** Runs the example against the API or a local stand-in (see {@link ExampleSupport}). */
  public static void main(String[] args) {
    try (BraintrustClient client = ExampleSupport.client()) {
      run(client);
    }
  }

  static void run(BraintrustClient client) {
    Project project = client.projects().create(new CreateProject().name("pagination_demo"));
    Dataset created =
        client.datasets().create(new CreateDataset().projectId(project.getId()).name("questions"));
    List<InsertDatasetEvent> rows = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      rows.add(new InsertDatasetEvent().input("question " + i).expected("answer " + i));
    }
    client.datasets().insert(created.getId(), rows);

    // Find the dataset by project and dataset name, as the guide does.
    Dataset dataset =
        client
            .datasets()
            .list(
                DatasetListParams.builder()
                    .projectName("pagination_demo")
                    .datasetName("questions")
                    .build())
            .stream()
            .findFirst()
            .orElseThrow();

    Map<String, Object> query =
        Map.of(
            "from",
            Map.of(
                "op", "function",
                "name", Map.of("op", "ident", "name", List.of("dataset")),
                "args", List.of(Map.of("op", "literal", "value", dataset.getId().toString()))),
            "select",
            List.of(Map.of("op", "star")));
    long count = 0;
    JsonObject last = null;
    for (JsonObject row : client.queries().structured(query).pageSize(100).rows()) {
      count++;
      last = row;
    }
    System.out.println("Read       " + count + " rows of dataset " + dataset.getName());
    System.out.println(
        "Last row   input=" + last.get("input") + " expected=" + last.get("expected"));
  }
}
