/**
 * How the generated models are read and written: the lossless model adapter, its strict decoders,
 * the per-object state generated models carry, and the library's Gson. Not API: use {@link
 * io.github.bt4j.json.BraintrustJson} and the models' own methods.
 */
package io.github.bt4j.json.internal;
