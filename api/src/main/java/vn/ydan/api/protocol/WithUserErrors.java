package vn.ydan.api.protocol;

import java.util.List;

/**
 * A mutation's payload: the schema's convention for refusals is a {@code userErrors} list
 * beside the result, empty when the mutation did what was asked. The audit log reads the
 * codes of a refusal through this interface.
 */
public interface WithUserErrors {

	/** Why nothing was changed; empty when the mutation did what was asked. */
	List<UserError> userErrors();

}
