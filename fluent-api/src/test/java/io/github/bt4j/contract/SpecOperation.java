package io.github.bt4j.contract;

import java.util.List;
import java.util.Map;

/**
 * One operation of the prepared spec: what the contract tests call and what they expect.
 *
 * @param method the HTTP method, upper case
 * @param path the path template, such as {@code /v1/project/{project_id}}
 * @param operationId the spec's operation id
 * @param tag the first tag, which names the client's resource accessor
 * @param fluentMethod the fluent method name ({@code x-bt4j-method})
 * @param paramsClass the simple name of the optional-parameters class ({@code x-bt4j-params-class})
 * @param parameters the path and query parameters, references resolved
 * @param requestSchema the JSON request body's schema, or null without a body
 * @param responseSchema the 200 response's schema, or null without content
 * @param responseMediaType the 200 response's first media type, or null without content
 * @param bodyType the class the fluent layer takes as the body ({@code x-bt4j-body-type}), or null
 *     when it takes the generated one
 */
record SpecOperation(
    String method,
    String path,
    String operationId,
    String tag,
    String fluentMethod,
    String paramsClass,
    List<Map<String, Object>> parameters,
    Map<String, Object> requestSchema,
    Map<String, Object> responseSchema,
    String responseMediaType,
    String bodyType) {

  /** The test name: {@code METHOD path}. */
  String displayName() {
    return method + " " + path;
  }

  /** The parameters of one location ({@code path} or {@code query}), in spec order. */
  List<Map<String, Object>> parameters(String in) {
    return parameters.stream().filter(p -> in.equals(p.get("in"))).toList();
  }
}
