package vn.ydan.api.audit;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.execution.DataFetcherResult;
import org.jspecify.annotations.Nullable;

/**
 * The {@code userErrors[].code} of a mutation's payload, read without knowing the
 * feature's types: a payload is a record (or bean, or map) with a {@code userErrors} list
 * whose items have a {@code code}. This is the schema's convention for refusals.
 */
final class UserErrorCodes {

	private static final ClassValue<Optional<Method>> USER_ERRORS = accessor("userErrors");

	private static final ClassValue<Optional<Method>> CODE = accessor("code");

	private UserErrorCodes() {
	}

	static List<String> of(@Nullable Object payload) {
		Object value = (payload instanceof DataFetcherResult<?> result) ? result.getData() : payload;
		if (!(property(value, USER_ERRORS, "userErrors") instanceof Collection<?> errors)) {
			return List.of();
		}
		List<String> codes = new ArrayList<>(errors.size());
		for (Object error : errors) {
			Object code = property(error, CODE, "code");
			codes.add((code != null) ? code.toString() : "USER_ERROR");
		}
		return codes;
	}

	private static @Nullable Object property(@Nullable Object target, ClassValue<Optional<Method>> accessors,
			String name) {
		if (target == null) {
			return null;
		}
		if (target instanceof Map<?, ?> map) {
			return map.get(name);
		}
		Method method = accessors.get(target.getClass()).orElse(null);
		if (method == null) {
			return null;
		}
		try {
			return method.invoke(target);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	private static ClassValue<Optional<Method>> accessor(String name) {
		String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
		return new ClassValue<>() {
			@Override
			protected Optional<Method> computeValue(Class<?> type) {
				for (String candidate : List.of(name, getter)) {
					try {
						Method method = type.getDeclaredMethod(candidate);
						if (method.getParameterCount() == 0) {
							// Features' payload types are package-private.
							method.setAccessible(true);
							return Optional.of(method);
						}
					}
					catch (NoSuchMethodException | RuntimeException ex) {
						// try the next name
					}
				}
				return Optional.empty();
			}
		};
	}

}
