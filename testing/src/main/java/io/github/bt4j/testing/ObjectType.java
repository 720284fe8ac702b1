package io.github.bt4j.testing;

/** The types of object a {@link FakeBraintrust} holds, for {@link FakeBraintrust#objects}. */
public enum ObjectType {
  /** Projects ({@code /v1/project}). */
  PROJECT("project"),
  /** Experiments ({@code /v1/experiment}). */
  EXPERIMENT("experiment"),
  /** Datasets ({@code /v1/dataset}). */
  DATASET("dataset"),
  /** Prompts ({@code /v1/prompt}). */
  PROMPT("prompt"),
  /** Functions ({@code /v1/function}). */
  FUNCTION("function"),
  /** Roles ({@code /v1/role}), the built-in Owner, Engineer and Viewer among them. */
  ROLE("role"),
  /** Access control lists ({@code /v1/acl}). */
  ACL("acl"),
  /** The members of the organization ({@code /v1/user}), read-only. */
  USER("user"),
  /** The one organization ({@code /v1/organization}), read-only. */
  ORGANIZATION("organization");

  private final String apiName;

  ObjectType(String apiName) {
    this.apiName = apiName;
  }

  /** The type's path segment in the API, like {@code project}. */
  public String apiName() {
    return apiName;
  }
}
