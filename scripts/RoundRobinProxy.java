import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One address for several api instances (./ydan run --instances N): a TCP forwarder that
 * hands each new connection to the next instance in turn, skipping one that refuses the
 * connection (dead or restarting), and then copies bytes both ways until either side
 * closes. Working per connection, not per request, it carries anything over HTTP/1.1,
 * keep-alive and WebSocket upgrades (graphql-ws subscriptions) alike; a connection stays
 * with its instance, and a client whose instance died reconnects to another.
 * <p>
 * Run with the JDK's source launcher, no build:
 * {@code java scripts/RoundRobinProxy.java <listen host:port> <backend host:port>...}
 */
public final class RoundRobinProxy {

	private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

	public static void main(String[] args) throws IOException {
		if (args.length < 2) {
			System.err.println("usage: RoundRobinProxy <listen host:port> <backend host:port>...");
			System.exit(2);
		}
		InetSocketAddress listen = address(args[0]);
		List<InetSocketAddress> backends = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			backends.add(address(args[i]));
		}
		AtomicInteger next = new AtomicInteger();
		try (ServerSocket server = new ServerSocket()) {
			server.setReuseAddress(true);
			server.bind(listen, 512);
			System.out.println("Proxy on " + args[0] + " -> " + backends);
			while (true) {
				Socket client = server.accept();
				Thread.ofVirtual().start(() -> serve(client, backends, next));
			}
		}
	}

	private static void serve(Socket client, List<InetSocketAddress> backends, AtomicInteger next) {
		Socket backend = null;
		int first = Math.floorMod(next.getAndIncrement(), backends.size());
		for (int i = 0; i < backends.size() && backend == null; i++) {
			InetSocketAddress target = backends.get((first + i) % backends.size());
			Socket attempt = new Socket();
			try {
				attempt.setTcpNoDelay(true);
				attempt.connect(target, CONNECT_TIMEOUT_MILLIS);
				backend = attempt;
			}
			catch (IOException ex) {
				close(attempt);
			}
		}
		if (backend == null) {
			close(client);
			return;
		}
		Socket connected = backend;
		try {
			client.setTcpNoDelay(true);
		}
		catch (IOException ex) {
			// Not essential.
		}
		Thread upstream = Thread.ofVirtual().start(() -> copy(client, connected));
		copy(connected, client);
		try {
			upstream.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		close(client);
		close(connected);
	}

	/** Copies until {@code from} ends, then ends {@code to}'s output (half-close). */
	private static void copy(Socket from, Socket to) {
		byte[] buffer = new byte[16 * 1024];
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			int read;
			while ((read = in.read(buffer)) >= 0) {
				out.write(buffer, 0, read);
				out.flush();
			}
			to.shutdownOutput();
		}
		catch (IOException ex) {
			// One side went away (an instance killed): the other is closed too.
			close(from);
			close(to);
		}
	}

	private static InetSocketAddress address(String hostPort) throws IOException {
		int colon = hostPort.lastIndexOf(':');
		return new InetSocketAddress(InetAddress.getByName(hostPort.substring(0, colon)),
				Integer.parseInt(hostPort.substring(colon + 1)));
	}

	private static void close(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Closed already.
		}
	}

}
