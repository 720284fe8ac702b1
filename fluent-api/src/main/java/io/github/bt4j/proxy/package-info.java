/**
 * Requests to Braintrust's AI proxy: {@link io.github.bt4j.proxy.ChatCompletionRequest}, the
 * OpenAI-style chat request, built from {@link io.github.bt4j.proxy.ChatMessage}s, tools and
 * settings. Its streamed answer is read with the types of {@link io.github.bt4j.streaming}.
 */
package io.github.bt4j.proxy;
