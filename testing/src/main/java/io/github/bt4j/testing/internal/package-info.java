/**
 * The machinery of the fake Braintrust (routing, state, the SQL/BTQL subset, streams). Not API: use
 * {@link io.github.bt4j.testing.FakeBraintrust}; these types may change in any release.
 */
package io.github.bt4j.testing.internal;
