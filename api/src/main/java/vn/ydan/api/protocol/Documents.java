package vn.ydan.api.protocol;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;

/**
 * Parsed documents, kept by their text: the limits measure the parsed form before the
 * engine runs, and the engine reuses what it parsed and validated for the same text
 * before ({@link PreparsedDocumentProvider}). Clients send the same few documents with
 * other variables over and over; parsing and validating each again is wasted work.
 * <p>
 * Only documents that pass the limits are kept ({@link #keep}): refused ones are cheap to
 * refuse again, and a flood of distinct abusive documents must neither grow memory nor
 * fill the old generation (measured: full collections of 250 ms with a 192 MB heap when
 * they were kept). Both maps are bounded by count and by characters: when full they are
 * emptied.
 */
final class Documents implements PreparsedDocumentProvider {

	/** Characters kept in each map at most (~2 MB of text, plus the parsed trees). */
	private static final long MAX_CHARACTERS = 1_000_000;

	private final int capacity;

	private final AtomicLong parsedCharacters = new AtomicLong();

	private final AtomicLong validatedCharacters = new AtomicLong();

	private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

	private final Map<String, PreparsedDocumentEntry> validated = new ConcurrentHashMap<>();

	Documents(int capacity) {
		this.capacity = capacity;
	}

	/**
	 * The document parsed with the engine's own parser limits, or why it could not be.
	 */
	Parsed parse(String text) {
		Parsed known = this.parsed.get(text);
		if (known != null) {
			return known;
		}
		Parsed result;
		try {
			result = new Parsed.Ok(Parser.parse(ParserEnvironment.newParserEnvironment()
				.document(text)
				.parserOptions(ParserOptions.getDefaultOperationParserOptions())
				.build()));
		}
		catch (ParseCancelledTooDeepException ex) {
			result = new Parsed.TooDeep();
		}
		catch (ParseCancelledException | ParseCancelledTooManyCharsException ex) {
			result = new Parsed.TooLarge();
		}
		catch (InvalidSyntaxException ex) {
			result = new Parsed.Invalid();
		}
		return result;
	}

	/** Keeps a parsed document that passed the limits, for its next request. */
	void keep(String text, Parsed.Ok document) {
		put(this.parsed, this.parsedCharacters, text, document);
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		PreparsedDocumentEntry known = this.validated.get(input.getQuery());
		if (known != null) {
			return CompletableFuture.completedFuture(known);
		}
		PreparsedDocumentEntry entry = parseAndValidate.apply(input);
		// Errors are worded in the caller's language: not kept.
		if (!entry.hasErrors()) {
			put(this.validated, this.validatedCharacters, input.getQuery(), entry);
		}
		return CompletableFuture.completedFuture(entry);
	}

	private <V> void put(Map<String, V> map, AtomicLong characters, String key, V value) {
		if (key.length() > MAX_CHARACTERS / 100) {
			return;
		}
		if (map.size() >= this.capacity || characters.addAndGet(key.length()) > MAX_CHARACTERS) {
			map.clear();
			characters.set(key.length());
		}
		map.put(key, value);
	}

	/** The outcome of parsing a document. */
	sealed interface Parsed {

		/** Parsed. */
		record Ok(Document document) implements Parsed {
		}

		/** Nested beyond the parser's limit (rule depth). */
		record TooDeep() implements Parsed {
		}

		/** More characters or tokens than the parser accepts. */
		record TooLarge() implements Parsed {
		}

		/** Not GraphQL: the engine reports where. */
		record Invalid() implements Parsed {
		}

	}

}
