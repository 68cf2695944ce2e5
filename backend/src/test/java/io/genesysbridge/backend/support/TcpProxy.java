package io.genesysbridge.backend.support;

import java.io.Closeable;
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
 * A TCP proxy in front of a shared server (RabbitMQ, Redis), so that a processor connected
 * through it (the shared test context through {@link TestRun#RABBIT}, or a child JVM of
 * {@link ProcessorProcess}) sees that server misbehave while every other client of the shared
 * server is untouched:
 * <ul>
 * <li>{@link #cut()} closes every connection and refuses new ones, like a server that went
 * down, until {@link #restore()};</li>
 * <li>{@link #pause()} stops forwarding bytes in both directions, like a broker that blocked
 * the connection (publishes are written but never confirmed until {@link #resume()});</li>
 * <li>{@link #muteReplies()} forwards what the client sends but holds back what the server
 * answers, the last moment of a broker going down: publishes arrive, their confirms do not; a
 * {@link #cut()} then drops the held-back answers.</li>
 * </ul>
 * Callers restore it in {@code finally}.
 */
public final class TcpProxy implements AutoCloseable {

	private static final int BUFFER = 64 * 1024;

	private static final int CONNECT_TIMEOUT_MILLIS = 2000;

	private final String name;

	private final ServerSocket server;

	private final InetSocketAddress upstream;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final AtomicInteger threadIds = new AtomicInteger();

	private final Object pauseLock = new Object();

	private volatile boolean paused;

	private volatile boolean repliesMuted;

	private volatile boolean down;

	private volatile boolean closed;

	private TcpProxy(String name, String upstreamHost, int upstreamPort) throws IOException {
		this.name = name;
		this.upstream = new InetSocketAddress(upstreamHost, upstreamPort);
		this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
		thread("accept", this::acceptLoop).start();
	}

	/**
	 * @return a proxy to RABBITMQ_HOST/RABBITMQ_PORT, else 127.0.0.1:5672
	 */
	public static TcpProxy toRabbit() {
		return to("rabbit", System.getenv().getOrDefault("RABBITMQ_HOST", "127.0.0.1"),
				Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672")));
	}

	/**
	 * @return a proxy to REDIS_HOST/REDIS_PORT, else 127.0.0.1:6379
	 */
	public static TcpProxy toRedis() {
		return to("redis", System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1"),
				Integer.parseInt(System.getenv().getOrDefault("REDIS_PORT", "6379")));
	}

	/**
	 * @param name names the proxy's threads
	 * @param host upstream host
	 * @param port upstream port
	 * @return a running proxy on a free loopback port
	 */
	public static TcpProxy to(String name, String host, int port) {
		try {
			return new TcpProxy(name, host, port);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start the " + name + " proxy", ex);
		}
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/** Stops forwarding bytes; connections stay open. */
	public void pause() {
		this.paused = true;
	}

	/** Holds back the server's answers (confirms among them); the client's bytes still go through. */
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

	/** Closes every connection and refuses new ones, like a server that went down. */
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
		Socket target = new Socket();
		try {
			target.connect(this.upstream, CONNECT_TIMEOUT_MILLIS);
			client.setTcpNoDelay(true);
			target.setTcpNoDelay(true);
		}
		catch (IOException ex) {
			closeQuietly(client);
			closeQuietly(target);
			return;
		}
		this.sockets.add(client);
		this.sockets.add(target);
		thread("up", () -> pump(client, target, false)).start();
		thread("down", () -> pump(target, client, true)).start();
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
			.name(this.name + "-proxy-" + role + "-" + this.threadIds.incrementAndGet())
			.daemon(true)
			.unstarted(task);
	}

	private void closeQuietly(Closeable closeable) {
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
