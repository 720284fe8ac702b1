/**
 * Server-sent event streams: function invocation ({@link io.github.bt4j.streaming.FunctionEvent})
 * and AI proxy chat completions ({@link io.github.bt4j.streaming.ChatCompletionChunk}), read
 * through {@link io.github.bt4j.streaming.ServerSentEventStream} and folded into final results by
 * {@link io.github.bt4j.streaming.FunctionEventAccumulator} and {@link
 * io.github.bt4j.streaming.ChatCompletionAccumulator}.
 */
package io.github.bt4j.streaming;
