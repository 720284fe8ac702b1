package io.github.bt4j.testsupport;

import java.util.Map;

/** A spec whose schemas {@link SampleJson} can build values for: it resolves their references. */
@FunctionalInterface
public interface SchemaSource {
  /** Follows {@code $ref}s until a node that is not a reference. */
  Map<String, Object> resolve(Map<String, Object> node);
}
