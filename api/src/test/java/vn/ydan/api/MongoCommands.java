package vn.ydan.api;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records the commands the API's MongoDB client sends, with the thread that sent them
 * (the sync driver calls listeners on the caller's thread), so that a test can count what
 * one request costs.
 */
public class MongoCommands implements CommandListener {

	private final List<Sent> sent = new ArrayList<>();

	@Override
	public synchronized void commandStarted(CommandStartedEvent event) {
		Object target = event.getCommand().get(event.getCommandName());
		this.sent.add(new Sent(event.getCommandName(), String.valueOf(target), Thread.currentThread().getName()));
	}

	/** The commands sent while {@code action} ran, from any thread. */
	public List<Sent> during(Runnable action) {
		int from;
		synchronized (this) {
			from = this.sent.size();
		}
		action.run();
		synchronized (this) {
			return List.copyOf(this.sent.subList(from, this.sent.size()));
		}
	}

	/**
	 * @param command command name (find, insert, …)
	 * @param collection its target collection
	 * @param thread the thread that sent it
	 */
	public record Sent(String command, String collection, String thread) {

		/**
		 * Whether one of the api's own pollers sent it (the registry's revision check,
		 * the access changes of other instances), on its schedule, whatever a request
		 * does.
		 */
		public boolean byPoller() {
			return this.thread.equals("registry-revision-check") || this.thread.equals("access-changes");
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Registration {

		@Bean
		MongoCommands mongoCommands() {
			return new MongoCommands();
		}

		@Bean
		MongoClientSettingsBuilderCustomizer recordMongoCommands(MongoCommands commands) {
			return (settings) -> settings.addCommandListener(commands);
		}

	}

}
