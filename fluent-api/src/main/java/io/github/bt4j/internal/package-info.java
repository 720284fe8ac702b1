/** Implementation details of the client; not API, and may change in any release. */
package io.github.bt4j.internal;
