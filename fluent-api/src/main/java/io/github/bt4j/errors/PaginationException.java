package io.github.bt4j.errors;

/**
 * A paged read stopped because the server broke the paging contract: it gave a cursor that this
 * walk had already used, or the same page twice. Ending with this exception is what keeps such a
 * server from sending the walk round in a loop. Retrying does not help; a query through {@code
 * /btql} usually does.
 */
public class PaginationException extends BraintrustException {
  private static final long serialVersionUID = 1L;

  private final String cursor;

  /**
   * Creates the exception.
   *
   * @param message what went wrong
   * @param cursor the cursor of the page that broke the contract, or null for the first page
   */
  public PaginationException(String message, String cursor) {
    super(message, null);
    this.cursor = cursor;
  }

  /**
   * The cursor that fetched the offending page.
   *
   * @return the cursor, or null if it was the first page
   */
  public String cursor() {
    return cursor;
  }
}
