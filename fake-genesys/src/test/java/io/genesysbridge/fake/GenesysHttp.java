package io.genesysbridge.fake;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A small java.net.http client for the fake, speaking HTTP/1.1 like the bridge does, so
 * tests exercise the real wire format rather than the fake's internals.
 */
final class GenesysHttp {

	static final String CLIENT_ID = "bridge-client";

	static final String CLIENT_SECRET = "s3cret-s3cret-s3cret";

	static final String INTEGRATION = "8f1c6b52-6a3e-4e0e-9d35-0f2f7b1c9a10";

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String baseUrl;

	GenesysHttp(FakeGenesys fake) {
		this.baseUrl = fake.baseUrl();
	}

	/** Starts a fake that knows the default client and integration. */
	static FakeGenesys startFake() {
		FakeGenesys fake = FakeGenesys.start();
		fake.registerClient(CLIENT_ID, CLIENT_SECRET);
		fake.registerIntegration(INTEGRATION);
		return fake;
	}

	HttpResponse<String> requestToken(String clientId, String secret, String form) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/oauth/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (clientId != null) {
			String basic = Base64.getEncoder()
				.encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
			request.header("Authorization", "Basic " + basic);
		}
		return send(request);
	}

	String token() {
		HttpResponse<String> response = requestToken(CLIENT_ID, CLIENT_SECRET, "grant_type=client_credentials");
		if (response.statusCode() != 200) {
			throw new IllegalStateException("token request failed: " + response.statusCode() + " " + response.body());
		}
		return (String) json(response).get("access_token");
	}

	HttpResponse<String> post(String path, String authorization, String body) {
		return send(postRequest(path, authorization, body, "application/json"));
	}

	HttpResponse<String> post(String path, String authorization, String body, String contentType) {
		return send(postRequest(path, authorization, body, contentType));
	}

	CompletableFuture<HttpResponse<String>> postAsync(String path, String authorization, String body) {
		return CLIENT.sendAsync(postRequest(path, authorization, body, "application/json").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(String path, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request);
	}

	HttpResponse<String> patch(String path, String authorization, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request);
	}

	HttpResponse<String> delete(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).DELETE());
	}

	HttpResponse<String> message(String token, String body) {
		return post(inboundPath(INTEGRATION, "message"), bearer(token), body);
	}

	HttpResponse<String> receipt(String token, String body) {
		return post(inboundPath(INTEGRATION, "receipt"), bearer(token), body);
	}

	HttpResponse<String> event(String token, String body) {
		return post(inboundPath(INTEGRATION, "event"), bearer(token), body);
	}

	static String inboundPath(String integrationId, String kind) {
		return "/api/v2/conversations/messages/" + integrationId + "/inbound/open/" + kind;
	}

	static String bearer(String token) {
		return "Bearer " + token;
	}

	static String textMessage(String customerId, String messageId, String text) {
		return """
				{"channel":{"from":{"id":"%s","idType":"Opaque","firstName":"Ana"},"time":"2026-03-01T10:00:00.000Z","messageId":"%s"},"text":"%s"}"""
			.formatted(customerId, messageId, text);
	}

	static String receiptBody(String status, String reasons) {
		return """
				{"id":"0123456789abcdef0123456789abcdef","channel":{"to":{"id":"+33611111111"},"time":"2026-03-01T10:00:05Z"},"status":"%s"%s}"""
			.formatted(status, (reasons != null) ? ",\"reasons\":" + reasons : "");
	}

	static String typingEvent(String customerId, String eventType) {
		return """
				{"channel":{"from":{"id":"%s","idType":"Opaque"},"time":"2026-03-01T10:00:00Z"},"events":[{"eventType":"%s"}]}"""
			.formatted(customerId, eventType);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> json(HttpResponse<String> response) {
		return (Map<String, Object>) JsonText.parse(response.body());
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> object(Object value) {
		return (Map<String, Object>) value;
	}

	private HttpRequest.Builder postRequest(String path, String authorization, String body, String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return request;
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
