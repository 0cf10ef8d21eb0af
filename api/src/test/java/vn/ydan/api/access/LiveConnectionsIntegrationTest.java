package vn.ydan.api.access;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A change of a user's access made through one api instance reaches the user's
 * connections on another (decision 17): two {@link LiveConnections} over one store, as
 * two instances have them.
 */
class LiveConnectionsIntegrationTest {

	private final MongoServer server = new MongoServer(new MemoryBackend());

	private final MongoClient client = MongoClients.create(this.server.bindAndGetConnectionString());

	private final MongoDatabase database = this.client.getDatabase("ydan");

	/** Checked by hand below, not on a timer. */
	private final LiveConnections changedHere = new LiveConnections(this.database, Duration.ZERO);

	private final LiveConnections elsewhere = new LiveConnections(this.database, Duration.ZERO);

	@AfterEach
	void stop() {
		this.changedHere.destroy();
		this.elsewhere.destroy();
		this.client.close();
		this.server.shutdownNow();
	}

	@Test
	void aChangeThroughOneInstanceClosesTheUsersOlderConnectionsOnAnotherAndRefusesItsOldTokens() throws Exception {
		Instant before = Instant.now().minusSeconds(60);
		WebSocketSession old = socket();
		WebSocketSession other = socket();
		this.elsewhere.opened("canbo", before, info(old));
		this.elsewhere.opened("thuky", before, info(other));

		this.changedHere.end("canbo");
		WebSocketSession signedInAgain = socket();
		this.elsewhere.opened("canbo", Instant.now().plusSeconds(2), info(signedInAgain));
		this.elsewhere.check();

		verify(old).close(new CloseStatus(WebSocketSessions.FORBIDDEN, LiveConnections.ENDED));
		verify(signedInAgain, never()).close(any());
		verify(other, never()).close(any());
		assertThat(this.elsewhere.predatesChange("canbo", before)).isTrue();
		assertThat(this.elsewhere.predatesChange("canbo", Instant.now().plusSeconds(2))).isFalse();
		assertThat(this.elsewhere.predatesChange("thuky", before)).isFalse();
	}

	@Test
	void aChangeSeenOnceIsNotActedOnAgain() throws Exception {
		this.changedHere.end("canbo");
		this.elsewhere.check();
		WebSocketSession signedInAgain = socket();
		this.elsewhere.opened("canbo", Instant.now().plusSeconds(2), info(signedInAgain));

		this.elsewhere.check();
		this.changedHere.check();

		verify(signedInAgain, never()).close(any());
	}

	private static WebSocketSession socket() {
		WebSocketSession socket = mock(WebSocketSession.class);
		when(socket.isOpen()).thenReturn(true);
		return socket;
	}

	private static WebSocketSessionInfo info(WebSocketSession socket) {
		Map<String, Object> attributes = new HashMap<>();
		attributes.put(WebSocketSessions.SESSION, socket);
		WebSocketSessionInfo info = mock(WebSocketSessionInfo.class);
		when(info.getAttributes()).thenReturn(attributes);
		return info;
	}

}
