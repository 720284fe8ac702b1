package io.github.bt4j.examples;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.models.CreateProject;
import io.github.bt4j.models.Project;
import io.github.bt4j.models.ProjectListParams;

/**
 * Iterate every project of the organisation with auto-pagination: a plain {@code for} loop (or a
 * {@code Stream}) that fetches the next page only when it gets there. The example creates 25
 * projects first and reads them 10 per page.
 *
 * <pre>mvn -q -pl examples exec:java -Dexec.mainClass=io.github.bt4j.examples.IterateProjects</pre>
 */
public final class IterateProjects {
  private IterateProjects() {}

  /** Runs the example against the API or a local stand-in (see {@link ExampleSupport}). */
  public static void main(String[] args) {
    try (BraintrustClient client = ExampleSupport.client()) {
      run(client);
    }
  }

  static void run(BraintrustClient client) {
    for (int i = 0; i < 25; i++) {
      client.projects().create(new CreateProject().name(String.format("project-%02d", i)));
    }
    ProjectListParams tenPerPage = ProjectListParams.builder().limit(10).build();
    int count = 0;
    for (Project project : client.projects().list(tenPerPage)) {
      count++;
      if (count <= 3) {
        System.out.println("Project    " + project.getName() + "  " + project.getId());
      }
    }
    System.out.println("Total      " + count + " projects");

    long named =
        client.projects().list(tenPerPage).stream()
            .filter(p -> p.getName().startsWith("project-1"))
            .count();
    System.out.println("Matching   " + named + " projects named project-1*");
  }
}
