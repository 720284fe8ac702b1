package io.github.bt4j.examples;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.logging.EventWriter;
import io.github.bt4j.models.CreateProject;
import io.github.bt4j.models.Project;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The API guide's "Delete logs": find the log rows of one user with a SQL query, then delete them
 * by sending {@code _object_delete} events, in batches. The example logs rows for two users first,
 * and counts what is left afterwards.
 *
 * <pre>mvn -q -pl examples exec:java -Dexec.mainClass=io.github.bt4j.examples.DeleteLogs</pre>
 */
public final class DeleteLogs {
  private DeleteLogs() {}

  /** Runs the example against the API or a local stand-in (see {@link ExampleSupport}). */
  public static void main(String[] args) {
    try (BraintrustClient client = ExampleSupport.client()) {
      run(client, "user-42");
    }
  }

  static void run(BraintrustClient client, String userId) {
    Project project = client.projects().create(new CreateProject().name("deletion_demo"));
    try (var logs = EventWriter.projectLogs(client, project.getId().toString())) {
      for (int i = 0; i < 20; i++) {
        String user = i % 4 == 0 ? userId : "someone-else";
        logs.log(Map.of("input", "message " + i, "metadata", Map.of("user_id", user)));
      }
    }

    String sql =
        "SELECT id FROM project_logs('"
            + project.getId()
            + "', shape => 'traces') WHERE metadata.user_id = '"
            + userId
            + "'";
    List<String> ids =
        client.queries().sql(sql).rows().stream()
            .map(row -> row.get("id").getAsString())
            .collect(Collectors.toList());
    System.out.println("Deleting   " + ids.size() + " rows of " + userId);
    long deleted = client.queries().deleteProjectLogs(project.getId(), ids);
    System.out.println("Deleted    " + deleted + " rows");

    String countSql = "SELECT count(1) AS n FROM project_logs('" + project.getId() + "')";
    long left = client.queries().sql(countSql).rows().iterator().next().get("n").getAsLong();
    System.out.println("Left       " + left + " rows");
  }
}
