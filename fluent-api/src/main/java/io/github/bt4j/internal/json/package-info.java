/** The client's single Gson configuration. Not API. */
package io.github.bt4j.internal.json;
