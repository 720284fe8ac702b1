/**
 * Server-sent event streams: function invocation ({@link io.github.bt4j.streaming.FunctionEvent})
 * and AI proxy chat completions ({@link io.github.bt4j.streaming.ChatCompletionChunk}), read
 * through {@link io.github.bt4j.streaming.ServerSentEventStream} as typed events or, through its
 * {@link io.github.bt4j.streaming.ServerSentEventStream#rawEvents() raw view}, as the {@link
 * io.github.bt4j.streaming.SseEvent}s sent; folded into final results by {@link
 * io.github.bt4j.streaming.FunctionEventAccumulator} and {@link
 * io.github.bt4j.streaming.ChatCompletionAccumulator}.
 */
package io.github.bt4j.streaming;
