package vn.ydan.admin.api;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.graphql.support.DocumentSource;

/**
 * The console's documents with the shared fragments they spread appended, each from
 * {@code graphql-documents/fragments/<Name>.graphql}: GraphQL wants a fragment in the
 * document that uses it, and a selection several operations answer with (a consultation,
 * a user) is kept in one file instead of a copy per operation.
 */
final class FragmentDocuments implements DocumentSource {

	private static final Pattern SPREAD = Pattern.compile("\\.\\.\\.\\s*([_A-Za-z][_0-9A-Za-z]*)");

	private static final Pattern DEFINED = Pattern.compile("\\bfragment\\s+([_A-Za-z][_0-9A-Za-z]*)\\s+on\\b");

	private final DocumentSource files;

	/**
	 * @param files the documents as written, fragments under {@code fragments/}
	 */
	FragmentDocuments(DocumentSource files) {
		this.files = files;
	}

	@Override
	public Mono<String> getDocument(String name) {
		return this.files.getDocument(name).flatMap(this::withFragments);
	}

	private Mono<String> withFragments(String document) {
		Set<String> missing = names(SPREAD, document);
		missing.removeAll(names(DEFINED, document));
		// "... on Type" is an inline fragment, not a spread.
		missing.remove("on");
		if (missing.isEmpty()) {
			return Mono.just(document);
		}
		String name = missing.iterator().next();
		return this.files.getDocument("fragments/" + name)
			.flatMap((fragment) -> withFragments(document + "\n" + fragment));
	}

	private static Set<String> names(Pattern pattern, String document) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = pattern.matcher(document);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

}
