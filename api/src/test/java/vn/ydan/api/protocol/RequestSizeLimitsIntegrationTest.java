package vn.ydan.api.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.protocol.ProtocolHttp.Answer;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing unbounded reaches memory: a body larger than the caller may send is refused
 * with HTTP 413 before it is read (by its {@code Content-Length}, or as soon as a chunked
 * one passes the limit), and variables that nest too deep or hold too long a list are
 * refused before the document runs. The API runs with the production limits: 256 KB of
 * body for anonymous callers, 25 MB for signed-in ones, 16 levels and 10,000 elements in
 * variables.
 */
class RequestSizeLimitsIntegrationTest extends ApiIntegrationTest {

	private static final Configuration LENIENT = Configuration.defaultConfiguration()
		.addOptions(Option.SUPPRESS_EXCEPTIONS);

	private static final long ANONYMOUS_LIMIT = 256 * 1024;

	private static final long SIGNED_IN_LIMIT = 25L * 1024 * 1024;

	private final String admin = issuer.tokenFor("quantri", "Nguyễn Văn An", "admin");

	@LocalServerPort
	private int port;

	private ProtocolHttp http;

	@BeforeEach
	void http() {
		this.http = new ProtocolHttp(this.port);
	}

	@Test
	void anAnonymousBodyOf9MbIsRefusedWith413BeforeItIsReadAndTheApiAnswersRightAfter() throws IOException {
		// The request that ran the api out of heap: nine megabytes of empty objects.
		byte[] body = bodyWithVariables("\"a\":[" + "{},".repeat(3 * 1024 * 1024) + "{}]");

		Raw answer = post(body, false, null);

		assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
		assertThat(answer.header("content-type")).startsWith(ProtocolHttp.GRAPHQL_RESPONSE);
		assertThat(answer.header("connection")).isEqualTo("close");
		assertThat(answer.<String>read("$.errors[0].extensions.code")).isEqualTo("REQUEST_TOO_LARGE");
		assertThat(answer.<Number>read("$.errors[0].extensions.limit").longValue()).isEqualTo(ANONYMOUS_LIMIT);
		assertThat(answer.<Number>read("$.errors[0].extensions.actual").longValue()).isEqualTo(body.length);
		assertThat(answer.<String>read("$.errors[0].message")).contains("262144 bytes");
		assertThat(answer.<Object>read("$.data")).isNull();
		assertThat(answer.<Object>read("$.errors[0].locations")).isNull();
		Answer next = this.http.graphql("{ __typename }");
		assertThat(next.<String>read("$.data.__typename")).as(next.toString()).isEqualTo("Query");
	}

	@Test
	void aChunkedAnonymousBodyIsRefusedWith413AsSoonAsItPassesTheLimit() throws IOException {
		byte[] body = bodyWithVariables("\"pad\":\"" + "x".repeat(1024 * 1024) + "\"");

		Raw answer = post(body, true, null);

		assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
		assertThat(answer.<String>read("$.errors[0].extensions.code")).isEqualTo("REQUEST_TOO_LARGE");
		assertThat(answer.<Number>read("$.errors[0].extensions.limit").longValue()).isEqualTo(ANONYMOUS_LIMIT);
		Answer next = this.http.graphql("{ __typename }");
		assertThat(next.<String>read("$.data.__typename")).as(next.toString()).isEqualTo("Query");
	}

	@Test
	void aChunkedBodyWithinTheLimitIsAnswered() throws IOException {
		Raw answer = post(bodyWithVariables("\"pad\":\"" + "x".repeat(100 * 1024) + "\""), true, null);

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.<String>read("$.data.__typename")).isEqualTo("Query");
	}

	@Test
	void aSignedInCallerMaySendMoreThanAnAnonymousOne() throws IOException {
		// As a CSV import travels: one string, its commas, quotes and line ends escaped.
		byte[] body = bodyWithVariables(
				"\"csv\":\"" + "01,\\\"Hà Nội\\\",Thành phố,\\\\x\\n".repeat(2 * 1024 * 1024 / 40) + "\"");

		Raw signedIn = post(body, false, this.admin);
		Raw chunked = post(body, true, this.admin);

		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
		assertThat(signedIn.<String>read("$.data.__typename")).isEqualTo("Query");
		assertThat(chunked.status()).as(chunked.toString()).isEqualTo(200);
	}

	@Test
	void aSignedInCallersBodyOver25MbIsRefusedByItsLengthAlone() throws IOException {
		// Only the headers are sent: the length is enough to refuse it.
		Raw answer = postHeadersOnly(SIGNED_IN_LIMIT + 1, this.admin);

		assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
		assertThat(answer.<Number>read("$.errors[0].extensions.limit").longValue()).isEqualTo(SIGNED_IN_LIMIT);
	}

	@Test
	void anInvalidTokenIsRefusedWith401WhateverTheSize() throws IOException {
		Raw answer = postHeadersOnly(SIGNED_IN_LIMIT, "not-a-token");

		assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
	}

	@Test
	void aBodyOfMoreThan100000JsonValuesIsRefusedWhileItIsReadWhateverTheCaller() throws IOException {
		// 150,001 numbers: 300 KB, within a signed-in caller's 25 MB.
		byte[] body = bodyWithVariables("\"a\":[" + "0,".repeat(150_000) + "0]");

		Raw sized = post(body, false, this.admin);
		Raw chunked = post(body, true, this.admin);

		for (Raw answer : List.of(sized, chunked)) {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
			assertThat(answer.<String>read("$.errors[0].extensions.code")).isEqualTo("VARIABLES_TOO_LARGE");
			assertThat(answer.<Number>read("$.errors[0].extensions.limit").longValue()).isEqualTo(100_000);
		}
		Answer next = this.http.graphql("{ __typename }", null, this.admin);
		assertThat(next.<String>read("$.data.__typename")).as(next.toString()).isEqualTo("Query");
	}

	@Test
	void aBodyInUtf16IsRefused() throws IOException {
		byte[] body = "{\"query\":\"{__typename}\"}".getBytes(StandardCharsets.UTF_16LE);

		Raw answer = post(body, false, null);

		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.<String>read("$.errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
	}

	@Test
	void variablesNestedDeeperThan16LevelsAreRefusedAsVariablesTooDeep() {
		// The variables object is level 1; 16 more lists around the leaf: 17 levels.
		Answer deep = this.http.graphql("{ __typename }", Map.of("a", nested(15)), null);
		Answer sixteen = this.http.graphql("{ __typename }", Map.of("a", nested(14)), null);

		assertThat(deep.status()).as(deep.toString()).isEqualTo(400);
		assertThat(deep.code()).isEqualTo("VARIABLES_TOO_DEEP");
		assertThat(deep.<Integer>read("$.errors[0].extensions.limit")).isEqualTo(16);
		assertThat(deep.<Object>read("$.data")).isNull();
		assertThat(deep.cost()).isEqualTo(1);
		assertThat(sixteen.<String>read("$.data.__typename")).as(sixteen.toString()).isEqualTo("Query");
	}

	@Test
	void aListOfMoreThan10000ElementsInTheVariablesIsRefusedAsVariablesTooLarge() {
		Answer huge = this.http.graphql("{ __typename }", Map.of("a", Map.of("b", Collections.nCopies(10_001, 0))),
				null);
		Answer allowed = this.http.graphql("{ __typename }", Map.of("a", Collections.nCopies(10_000, 0)), null);

		assertThat(huge.status()).as(huge.toString()).isEqualTo(400);
		assertThat(huge.code()).isEqualTo("VARIABLES_TOO_LARGE");
		assertThat(huge.<Integer>read("$.errors[0].extensions.limit")).isEqualTo(10_000);
		assertThat(huge.<Integer>read("$.errors[0].extensions.actual")).isEqualTo(10_001);
		assertThat(huge.<Object>read("$.data")).isNull();
		assertThat(allowed.<String>read("$.data.__typename")).as(allowed.toString()).isEqualTo("Query");
	}

	/** A list in a list… {@code levels} + 1 lists deep, around a number. */
	private static List<Object> nested(int levels) {
		List<Object> value = new ArrayList<>(List.of(1));
		for (int i = 0; i < levels; i++) {
			value = new ArrayList<>(List.of(value));
		}
		return value;
	}

	private static byte[] bodyWithVariables(String variables) {
		return ("{\"query\":\"{__typename}\",\"variables\":{" + variables + "}}").getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Sends the headers, then the body from another thread (the server may answer and
	 * close before it is all written), and reads the answer.
	 */
	private Raw post(byte[] body, boolean chunked, @Nullable String token) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(headers(chunked ? -1 : body.length, token));
			out.flush();
			Thread writer = Thread.ofVirtual().start(() -> {
				try {
					if (chunked) {
						for (int offset = 0; offset < body.length; offset += 8192) {
							int length = Math.min(8192, body.length - offset);
							out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
							out.write(body, offset, length);
							out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
						}
						out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
					}
					else {
						out.write(body);
					}
					out.flush();
				}
				catch (IOException ex) {
					// Answered and closed before the body was all sent.
				}
			});
			Raw answer = read(socket.getInputStream());
			socket.close();
			joinQuietly(writer);
			return answer;
		}
	}

	private Raw postHeadersOnly(long contentLength, String token) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream().write(headers(contentLength, token));
			socket.getOutputStream().flush();
			return read(socket.getInputStream());
		}
	}

	private byte[] headers(long contentLength, @Nullable String token) {
		StringBuilder headers = new StringBuilder("POST /graphql HTTP/1.1\r\n").append("Host: 127.0.0.1:")
			.append(this.port)
			.append("\r\nContent-Type: application/json\r\nAccept: ")
			.append(ProtocolHttp.GRAPHQL_RESPONSE)
			.append("\r\n");
		if (contentLength >= 0) {
			headers.append("Content-Length: ").append(contentLength).append("\r\n");
		}
		else {
			headers.append("Transfer-Encoding: chunked\r\n");
		}
		if (token != null) {
			headers.append("Authorization: Bearer ").append(token).append("\r\n");
		}
		return headers.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
	}

	private static Raw read(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("Closed before the headers ended: " + head);
			}
			head.write(b);
		}
		String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
		}
		byte[] body;
		if (headers.containsKey("content-length")) {
			body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
		}
		else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			ByteArrayOutputStream chunks = new ByteArrayOutputStream();
			while (true) {
				String size = line(in);
				int length = Integer.parseInt(size.split(";")[0].trim(), 16);
				if (length == 0) {
					break;
				}
				chunks.write(in.readNBytes(length));
				line(in);
			}
			body = chunks.toByteArray();
		}
		else {
			body = new byte[0];
		}
		return new Raw(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static String line(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

	private static void joinQuietly(Thread thread) {
		try {
			thread.join(30_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Raw(int status, Map<String, String> headers, String body) {

		<T> @Nullable T read(String path) {
			return JsonPath.using(LENIENT).parse(this.body).read(path);
		}

		@Nullable String header(String name) {
			return this.headers.get(name);
		}

		@Override
		public String toString() {
			return "HTTP " + this.status + " " + this.headers + " "
					+ ((this.body.length() > 2000) ? this.body.substring(0, 2000) + "…" : this.body);
		}

	}

}
