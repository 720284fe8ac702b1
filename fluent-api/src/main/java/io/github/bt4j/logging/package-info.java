/**
 * Logging and tracing to Braintrust's event stores in the background: {@link
 * io.github.bt4j.logging.EventWriter} batches events for a project's logs, an experiment or a
 * dataset, and {@link io.github.bt4j.logging.Span} builds traces on top of it.
 *
 * <pre>{@code
 * try (BraintrustClient client = BraintrustClient.fromEnv();
 *     var logs = EventWriter.projectLogs(client, projectId)) {
 *   Span root = logs.startSpan("User Interaction").metadata("user_id", "user123");
 *   root.startChild("Interaction 0").input("hello world").output("output0").end();
 *   root.startChild("Interaction 1").input("output0").output("output1").end();
 *   root.end();
 * }
 * }</pre>
 */
package io.github.bt4j.logging;
