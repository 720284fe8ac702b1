/**
 * A fake Braintrust API for the tests of code that uses Braintrust: {@link
 * io.github.bt4j.testing.FakeBraintrust} (any test framework) and {@link
 * io.github.bt4j.testing.FakeBraintrustExtension} (JUnit 5). Everything below {@code .internal} is
 * not API and may change in any release.
 */
package io.github.bt4j.testing;
