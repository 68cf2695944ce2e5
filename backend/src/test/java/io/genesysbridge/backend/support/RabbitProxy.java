package io.genesysbridge.backend.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy between the processor and the shared RabbitMQ, so that integration tests can take
 * "the broker" away from this test JVM without touching the broker other runs use:
 * <ul>
 * <li>{@link #pause()} stops forwarding bytes in both directions, like a broker that blocked
 * the connection (publishes are written but never confirmed until {@link #resume()});</li>
 * <li>{@link #cut()} closes every connection and refuses new ones, like a broker that went
 * down, until {@link #restore()};</li>
 * <li>{@link #muteReplies()} forwards what the client sends but holds back what the broker
 * answers, the last moment of a broker going down: publishes arrive, their confirms do not; a
 * {@link #cut()} then drops the held-back answers.</li>
 * </ul>
 * Every test JVM's processor connects through it ({@code spring.rabbitmq.port}, see
 * {@link TestRun}). Callers restore it in {@code finally}.
 */
public final class RabbitProxy implements AutoCloseable {

	private static final int BUFFER = 64 * 1024;

	private static final int CONNECT_TIMEOUT_MILLIS = 2000;

	private final ServerSocket server;

	private final InetSocketAddress upstream;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final AtomicInteger threadIds = new AtomicInteger();

	private final Object pauseLock = new Object();

	private volatile boolean paused;

	private volatile boolean repliesMuted;

	private volatile boolean down;

	private volatile boolean closed;

	private RabbitProxy(String upstreamHost, int upstreamPort) throws IOException {
		this.upstream = new InetSocketAddress(upstreamHost, upstreamPort);
		this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
		thread("accept", this::acceptLoop).start();
	}

	/**
	 * @return a proxy to RABBITMQ_HOST/RABBITMQ_PORT, else 127.0.0.1:5672
	 */
	public static RabbitProxy start() {
		try {
			return new RabbitProxy(System.getenv().getOrDefault("RABBITMQ_HOST", "127.0.0.1"),
					Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672")));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start the RabbitMQ proxy", ex);
		}
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/** Stops forwarding bytes; connections stay open. */
	public void pause() {
		this.paused = true;
	}

	/** Holds back the broker's answers (confirms among them); the client's bytes still go through. */
	public void muteReplies() {
		this.repliesMuted = true;
	}

	/** Forwards again, including what was held back. */
	public void resume() {
		synchronized (this.pauseLock) {
			this.paused = false;
			this.repliesMuted = false;
			this.pauseLock.notifyAll();
		}
	}

	/** Closes every connection and refuses new ones. */
	public void cut() {
		this.down = true;
		resume();
		for (Socket socket : this.sockets) {
			closeQuietly(socket);
		}
	}

	/** Accepts connections again. */
	public void restore() {
		this.down = false;
		resume();
	}

	@Override
	public void close() {
		this.closed = true;
		cut();
		closeQuietly(this.server);
	}

	private void acceptLoop() {
		while (!this.closed) {
			try {
				Socket client = this.server.accept();
				if (this.down) {
					closeQuietly(client);
					continue;
				}
				connect(client);
			}
			catch (IOException ex) {
				if (this.closed) {
					return;
				}
			}
		}
	}

	private void connect(Socket client) {
		Socket broker = new Socket();
		try {
			broker.connect(this.upstream, CONNECT_TIMEOUT_MILLIS);
			client.setTcpNoDelay(true);
			broker.setTcpNoDelay(true);
		}
		catch (IOException ex) {
			closeQuietly(client);
			closeQuietly(broker);
			return;
		}
		this.sockets.add(client);
		this.sockets.add(broker);
		thread("up", () -> pump(client, broker, false)).start();
		thread("down", () -> pump(broker, client, true)).start();
	}

	private void pump(Socket from, Socket to, boolean reply) {
		byte[] buffer = new byte[BUFFER];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) != -1) {
				awaitResumed(reply);
				if (this.down) {
					break;
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException | InterruptedException ex) {
			// the other side closed, or the connection was cut: close both below
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private void awaitResumed(boolean reply) throws InterruptedException {
		synchronized (this.pauseLock) {
			while ((this.paused || (reply && this.repliesMuted)) && !this.down) {
				this.pauseLock.wait(100);
			}
		}
	}

	private Thread thread(String role, Runnable task) {
		return Thread.ofPlatform()
			.name("rabbit-proxy-" + role + "-" + this.threadIds.incrementAndGet())
			.daemon(true)
			.unstarted(task);
	}

	private void closeQuietly(java.io.Closeable closeable) {
		if (closeable instanceof Socket socket) {
			this.sockets.remove(socket);
		}
		try {
			closeable.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
