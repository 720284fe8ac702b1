/**
 * The exceptions of a failed call, all unchecked and all under {@link
 * io.github.bt4j.errors.BraintrustException}: {@link io.github.bt4j.errors.ApiException} and its
 * per-status subclasses for HTTP error answers, {@link io.github.bt4j.errors.ConnectionException}
 * for transport failures and {@link io.github.bt4j.errors.UnexpectedResponseException} for a
 * success answer whose body cannot be read.
 */
package io.github.bt4j.errors;
