package io.github.bt4j.testing.internal;

import com.google.gson.JsonObject;

/** The three kinds of object that hold events: experiments, datasets and project logs. */
enum EventObject {
  EXPERIMENT("experiment", ObjectKinds.EXPERIMENT, true),
  DATASET("dataset", ObjectKinds.DATASET, false),
  PROJECT_LOGS("project_logs", ObjectKinds.PROJECT, true);

  private final String path;
  private final ObjectKind owner;
  private final boolean scored;

  EventObject(String path, ObjectKind owner, boolean scored) {
    this.path = path;
    this.owner = owner;
    this.scored = scored;
  }

  /** The path segment ({@code /v1/<path>/{id}/insert}) and the BTQL source function's name. */
  String path() {
    return path;
  }

  /** The type of the object whose id names the events' container. */
  ObjectKind owner() {
    return owner;
  }

  /** Whether its events carry scores and expected values (dataset rows do not). */
  boolean scored() {
    return scored;
  }

  /** The fields the server sets on every row of {@code container} (an object of {@link #owner}). */
  JsonObject fixedFields(JsonObject container, String orgId) {
    JsonObject fixed = new JsonObject();
    String id = container.get("id").getAsString();
    switch (this) {
      case EXPERIMENT -> {
        fixed.add("project_id", container.get("project_id"));
        fixed.addProperty("experiment_id", id);
      }
      case DATASET -> {
        fixed.add("project_id", container.get("project_id"));
        fixed.addProperty("dataset_id", id);
      }
      case PROJECT_LOGS -> {
        fixed.addProperty("org_id", orgId);
        fixed.addProperty("project_id", id);
        fixed.addProperty("log_id", "g");
      }
    }
    return fixed;
  }

  /** The type whose {@link #path()} is {@code name}, or null. */
  static EventObject byPath(String name) {
    for (EventObject type : values()) {
      if (type.path.equals(name)) {
        return type;
      }
    }
    return null;
  }
}
