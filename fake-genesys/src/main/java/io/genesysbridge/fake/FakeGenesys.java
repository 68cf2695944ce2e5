package io.genesysbridge.fake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * A running fake of Genesys Cloud (login host and API host on one port) for the bridge's
 * tests and for demos, following the contract notes in {@code genesys-open-messaging.md}.
 *
 * <p>
 * It serves {@code POST /oauth/token}, the Open Messaging inbound endpoints
 * ({@code message}, {@code receipt}, {@code event}), {@code GET /api/v2/organizations/me},
 * {@code GET /api/v2/users} (paged) and {@code /api/v2/users/{id}}, the message
 * conversation API ({@code GET /api/v2/conversations/messages/{id}}, its messages,
 * participant state and attributes, agent typing, {@code /{messageId}/details}) and
 * agentless messages, plus an unauthenticated control API under {@code /__fake/}. Any
 * other {@code /api/v2} path answers 404 after authentication. All methods are
 * thread-safe and take effect for requests arriving afterwards; slow answers ({@link #latency}) are served asynchronously, so thousands of
 * concurrent calls do not need thousands of threads. Close it (try-with-resources) to
 * free the port.
 */
public final class FakeGenesys implements AutoCloseable {

	/** Loopback: tests and the default demo never expose the fake beyond the machine. */
	static final String LOOPBACK = "127.0.0.1";

	private static final int CONTAINER_THREADS = 256;

	private static final int STUB_PRIORITY = 10;

	private final WireMockServer server;

	private final GenesysState state;

	private final String baseUrl;

	private final FakeConversations conversations;

	private FakeGenesys(String bindAddress, int port, boolean requestJournal) {
		this.state = new GenesysState();
		this.conversations = new FakeConversations(this.state);
		WireMockConfiguration options = WireMockConfiguration.options()
			.bindAddress(bindAddress)
			.containerThreads(CONTAINER_THREADS)
			.jettyAcceptQueueSize(4096)
			.asynchronousResponseEnabled(true)
			.asynchronousResponseThreads(Math.max(4, Runtime.getRuntime().availableProcessors() * 2))
			.stubRequestLoggingDisabled(true)
			.gzipDisabled(true)
			.extensionScanningEnabled(false)
			.notifier(new ConsoleNotifier(false))
			.extensions(new GenesysTransformer(this.state));
		options = requestJournal ? options.maxRequestJournalEntries(1000) : options.disableRequestJournal();
		options = (port == 0) ? options.dynamicPort() : options.port(port);
		this.server = new WireMockServer(options);
		this.server.start();
		registerStubs();
		String host = (bindAddress.equals("0.0.0.0") || bindAddress.equals("::")) ? LOOPBACK : bindAddress;
		this.baseUrl = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + this.server.port();
	}

	/** Starts a fake on a free port of 127.0.0.1. */
	public static FakeGenesys start() {
		return start(0);
	}

	/**
	 * Starts a fake on 127.0.0.1.
	 * @param port the port, or 0 for a free one
	 */
	public static FakeGenesys start(int port) {
		return start(LOOPBACK, port);
	}

	/**
	 * Starts a fake on the given interface, e.g. {@code 0.0.0.0} for a container demo.
	 * @param bindAddress the address to listen on
	 * @param port the port, or 0 for a free one
	 */
	public static FakeGenesys start(String bindAddress, int port) {
		Objects.requireNonNull(bindAddress, "bindAddress");
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
		}
		return new FakeGenesys(bindAddress, port, true);
	}

	/**
	 * Starts a fake on a free port of 127.0.0.1 that keeps no WireMock request journal, so
	 * {@code wireMock().findAll(…)} and {@code verify(…)} are unavailable. For load: keeping the
	 * journal costs WireMock a scan of up to 1,000 entries per request, a large share of the
	 * fake's CPU at hundreds of requests per second. Everything of the fake's own
	 * ({@link #inboundMessages()}, failures, latency) works as usual.
	 */
	public static FakeGenesys startWithoutJournal() {
		return new FakeGenesys(LOOPBACK, 0, false);
	}

	private void registerStubs() {
		// Low priority (high number): stubs added through wireMock() win over these.
		this.server.stubFor(post(urlPathEqualTo(GenesysTransformer.TOKEN_PATH)).atPriority(STUB_PRIORITY)
			.willReturn(aResponse().withTransformers(GenesysTransformer.NAME)));
		this.server.stubFor(any(urlPathMatching("/api/v2/.*")).atPriority(STUB_PRIORITY)
			.willReturn(aResponse().withTransformers(GenesysTransformer.NAME)));
		this.server.stubFor(any(urlPathMatching(GenesysTransformer.CONTROL_PREFIX + ".*")).atPriority(STUB_PRIORITY)
			.willReturn(aResponse().withTransformers(GenesysTransformer.NAME)));
	}

	/**
	 * {@code http://127.0.0.1:<port>}, serving both {@code /oauth/token} and
	 * {@code /api/v2/...}.
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

	public int port() {
		return this.server.port();
	}

	/**
	 * Accepts this OAuth client (HTTP Basic on {@code /oauth/token}); registering again
	 * replaces the secret.
	 */
	public void registerClient(String clientId, String clientSecret) {
		requireText(clientId, "clientId");
		requireText(clientSecret, "clientSecret");
		this.state.tokens.registerClient(clientId, clientSecret);
	}

	/**
	 * Makes an Open Messaging integration known; inbound calls for unknown ones get 404.
	 */
	public void registerIntegration(String integrationId) {
		requireText(integrationId, "integrationId");
		this.state.registerIntegration(integrationId);
	}

	/**
	 * Adds an active user to the directory ({@code GET /api/v2/users}); registering the
	 * same id again replaces it. Users survive {@link #reset()}.
	 */
	public void registerUser(String id, String name, String email) {
		registerUser(id, name, email, "active");
	}

	/**
	 * Adds a user in the given state ({@code active}, {@code inactive} or
	 * {@code deleted}); {@code GET /api/v2/users} lists active users unless asked for
	 * another {@code state}.
	 */
	public void registerUser(String id, String name, String email, String state) {
		requireText(id, "id");
		requireText(name, "name");
		requireText(email, "email");
		if (!List.of("active", "inactive", "deleted").contains(state)) {
			throw new IllegalArgumentException("state must be active, inactive or deleted, was " + state);
		}
		this.state.users.register(id, name, email, state);
	}

	/**
	 * Adds {@code count} active users named {@code Agent 001}, {@code Agent 002}, … with
	 * random ids.
	 * @return their ids, in name order
	 */
	public List<String> seedUsers(int count) {
		if (count < 0) {
			throw new IllegalArgumentException("count must not be negative");
		}
		int first = this.state.users.size() + 1;
		List<String> ids = new ArrayList<>();
		for (int i = first; i < first + count; i++) {
			String id = Ids.uuid();
			registerUser(id, "Agent %03d".formatted(i), "agent%03d@fake-genesys.example".formatted(i));
			ids.add(id);
		}
		return List.copyOf(ids);
	}

	/**
	 * The message conversations: seed one, inspect participants, attributes, typing and
	 * agentless messages.
	 */
	public FakeConversations conversations() {
		return this.conversations;
	}

	/**
	 * Lifetime of tokens issued from now on (default 86399 s). {@code expires_in} is the
	 * lifetime in whole seconds rounded down, and the token is rejected with
	 * {@code credentials.expired} once the exact lifetime has passed. Values below the
	 * real minimum of 300 s are allowed so tests can watch tokens expire.
	 */
	public void tokenLifetime(Duration lifetime) {
		Objects.requireNonNull(lifetime, "lifetime");
		if (lifetime.isNegative()) {
			throw new IllegalArgumentException("token lifetime must not be negative");
		}
		this.state.knobs.tokenLifetime = lifetime;
	}

	/**
	 * Invalidates every token issued so far: API calls with them get 401
	 * {@code credentials.expired}.
	 */
	public void expireAllTokens() {
		this.state.tokens.expireAll();
	}

	/** The success status of the inbound endpoints: 200 or 202 (default 202). */
	public void successStatus(int status) {
		if (status != 200 && status != 202) {
			throw new IllegalArgumentException("success status must be 200 or 202, was " + status);
		}
		this.state.knobs.successStatus = status;
	}

	/**
	 * Delay added to every {@code /api/v2} answer (errors too), not to token or control
	 * answers.
	 */
	public void latency(Duration fixedDelay) {
		Objects.requireNonNull(fixedDelay, "fixedDelay");
		if (fixedDelay.isNegative()) {
			throw new IllegalArgumentException("latency must not be negative");
		}
		this.state.knobs.latencyMillis = fixedDelay.toMillis();
	}

	/**
	 * The next {@code count} authenticated calls to any API operation the fake serves
	 * (inbound, conversations, users, organization, agentless) answer {@code status} with
	 * a Genesys ErrorBody (429 with Retry-After), before any validation. Calls rejected
	 * earlier (401, rate limit, unknown path) do not use up the count. Replaces an earlier
	 * countdown; {@code count} 0 cancels it.
	 */
	public void failNext(int count, int status) {
		if (count < 0) {
			throw new IllegalArgumentException("count must not be negative");
		}
		this.state.faults.failNext(count, FaultPlan.checkErrorStatus(status));
	}

	/**
	 * Makes that fraction of authenticated API calls fail with {@code status}. The
	 * draws come from a {@link java.util.Random} seeded with {@code seed}, so the number
	 * of failures among the first N calls is reproducible. Ratio 0 turns it off. A
	 * pending {@link #failNext} countdown is used up first.
	 */
	public void failRandomly(double ratio, int status, long seed) {
		FaultPlan.checkRatio(ratio);
		if (ratio == 0) {
			this.state.faults.failRandomly(0, 0, seed);
			return;
		}
		this.state.faults.failRandomly(ratio, FaultPlan.checkErrorStatus(status), seed);
	}

	/**
	 * The Retry-After of injected and rate-limit 429s (default 1 s), sent in whole
	 * seconds rounded up, at least 1.
	 */
	public void retryAfter(Duration retryAfter) {
		Objects.requireNonNull(retryAfter, "retryAfter");
		if (retryAfter.isNegative()) {
			throw new IllegalArgumentException("retryAfter must not be negative");
		}
		this.state.knobs.retryAfter = retryAfter;
	}

	/**
	 * Limits {@code /api/v2} calls per access token in fixed 60-second windows (0, the
	 * default, is unlimited). Calls over the limit get 429
	 * {@code too.many.requests.retry.after} with Retry-After from {@link #retryAfter}.
	 */
	public void rateLimitPerMinute(int perMinute) {
		if (perMinute < 0) {
			throw new IllegalArgumentException("perMinute must not be negative");
		}
		this.state.knobs.rateLimitPerMinute = perMinute;
	}

	/**
	 * Makes {@code /oauth/token} answer this status with an OAuth error body; 0 turns it
	 * off.
	 */
	public void failTokenEndpoint(int status) {
		this.state.knobs.tokenFailureStatus = (status == 0) ? 0 : FaultPlan.checkErrorStatus(status);
	}

	/**
	 * Idempotent mode (contract notes §2.6): a duplicate {@code channel.messageId} gets
	 * the first message's Genesys id back instead of a new one. Off by default;
	 * duplicates are counted either way.
	 */
	public void idempotentDuplicates(boolean enabled) {
		this.state.knobs.idempotentDuplicates = enabled;
	}

	/**
	 * Forgets recordings, counters, conversations, faults, issued tokens and rate
	 * windows, and puts every knob back to its default; registered clients,
	 * integrations and users stay. Old tokens then get 401 {@code bad.credentials}.
	 */
	public void reset() {
		this.state.reset();
		this.server.resetRequests();
	}

	/** Every accepted {@code /inbound/open/message} call, in arrival order. */
	public List<RecordedInbound> inboundMessages() {
		return this.state.ledger.messages();
	}

	/** Every accepted {@code /inbound/open/receipt} call, in arrival order. */
	public List<RecordedInbound> receipts() {
		return this.state.ledger.receipts();
	}

	/** Every accepted {@code /inbound/open/event} call, in arrival order. */
	public List<RecordedInbound> events() {
		return this.state.ledger.events();
	}

	/** Number of {@code POST /oauth/token} calls, whatever their outcome. */
	public int tokenRequests() {
		return this.state.tokens.requests();
	}

	/** Number of calls to {@code /inbound/open/*}, including rejected and failed ones. */
	public int inboundAttempts() {
		return this.state.ledger.attempts();
	}

	/**
	 * Accepted inbound messages whose {@code channel.messageId} had already been accepted
	 * on that integration.
	 */
	public long duplicatesSeen() {
		return this.state.ledger.duplicates();
	}

	/**
	 * The conversation the fake assigned to this customer on this integration, if any
	 * message created one.
	 */
	public Optional<String> conversationId(String integrationId, String customerId) {
		return this.state.ledger.existingConversation(integrationId, customerId);
	}

	/**
	 * The underlying server, for extra stubs (they take precedence over the fake's own)
	 * or verification.
	 */
	public WireMockServer wireMock() {
		return this.server;
	}

	/** Stops the server and frees the port. */
	@Override
	public void close() {
		this.server.stop();
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
	}

}
