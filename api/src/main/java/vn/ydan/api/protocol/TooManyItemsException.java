package vn.ydan.api.protocol;

/**
 * Thrown by a bulk operation given more items than one call takes; becomes a GraphQL
 * error with {@code extensions.code = TOO_MANY_ITEMS} and the {@code limit} and the
 * {@code actual} count in its extensions. A {@link BadRequestException}, so that callers
 * that only know that one still see a refusal of their input.
 */
public class TooManyItemsException extends BadRequestException {

	private final long limit;

	private final long actual;

	public TooManyItemsException(String message, long limit, long actual) {
		super(message);
		this.limit = limit;
		this.actual = actual;
	}

	public long limit() {
		return this.limit;
	}

	public long actual() {
		return this.actual;
	}

}
