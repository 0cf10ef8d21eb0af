package vn.ydan.api.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import graphql.execution.DataFetcherResult;
import org.jspecify.annotations.Nullable;

import vn.ydan.api.protocol.UserError;
import vn.ydan.api.protocol.WithUserErrors;

/**
 * The {@code userErrors[].code} of a mutation's payload: the schema's convention for
 * refusals. Payloads implement {@link WithUserErrors}; a payload built as a map (as
 * graphql-java allows) is read by its {@code userErrors} key.
 */
final class UserErrorCodes {

	private UserErrorCodes() {
	}

	static List<String> of(@Nullable Object payload) {
		Object value = (payload instanceof DataFetcherResult<?> result) ? result.getData() : payload;
		if (value instanceof WithUserErrors refusals) {
			return refusals.userErrors().stream().map(UserError::code).toList();
		}
		if (value instanceof Map<?, ?> map && map.get("userErrors") instanceof Collection<?> errors) {
			List<String> codes = new ArrayList<>(errors.size());
			for (Object error : errors) {
				Object code = (error instanceof Map<?, ?> fields) ? fields.get("code") : null;
				codes.add((code != null) ? code.toString() : "USER_ERROR");
			}
			return codes;
		}
		return List.of();
	}

}
