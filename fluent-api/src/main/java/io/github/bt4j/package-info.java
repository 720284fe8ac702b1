/**
 * The Braintrust API client. Start with {@link io.github.bt4j.BraintrustClient}: build one with
 * {@link io.github.bt4j.BraintrustClient#fromEnv()} or {@link
 * io.github.bt4j.BraintrustClient#builder()}, then call the API through its resources ({@code
 * client.projects()}, {@code client.experiments()}...). Per-call settings are {@link
 * io.github.bt4j.core.RequestOptions}; failures are the exceptions of {@link
 * io.github.bt4j.errors}.
 */
package io.github.bt4j;
