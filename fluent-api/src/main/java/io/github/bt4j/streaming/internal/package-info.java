/** Implementation of the streaming package; not part of the public API. */
package io.github.bt4j.streaming.internal;
