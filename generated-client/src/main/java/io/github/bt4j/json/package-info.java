/**
 * JSON as the library reads and writes it: {@link io.github.bt4j.json.BraintrustJson} renders and
 * parses models with the client's own settings; {@link
 * io.github.bt4j.json.JsonFieldMismatchException} is what a model's typed getter throws when the
 * server sent its field as JSON of another type.
 */
package io.github.bt4j.json;
