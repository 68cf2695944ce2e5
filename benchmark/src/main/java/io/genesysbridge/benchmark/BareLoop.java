package io.genesysbridge.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.MessageProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The baseline: the least a bridge must do, with no framework, no Redis and no safety nets.
 * A plain amqp-client consumer (manual ack, prefetch = the in-flight budget) parses the
 * envelope with Jackson, maps it to an Open Messaging body, POSTs it with the JDK's async
 * HttpClient (bearer token fetched once), publishes a correlation event (persistent, with a
 * publisher confirm) and acknowledges the input once the confirm arrived. A failed call is
 * requeued. No validation, ordering, dedupe, rate limit, circuit breaker, retry policy or
 * dead-lettering.
 */
final class BareLoop implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Connection connection;

	private final String inputQueue;

	private final String outputQueue;

	private final URI messageUri;

	private int inFlight;

	private final HttpClient http;

	private final String bearer;

	private Channel consumerChannel;

	private Channel publishChannel;

	private String consumerTag;

	/** Confirm sequence number → delivery tag of the input to acknowledge. */
	private final ConcurrentNavigableMap<Long, Long> pending = new ConcurrentSkipListMap<>();

	private final AtomicInteger busy = new AtomicInteger();

	private final AtomicLong failures = new AtomicLong();

	BareLoop(Connection connection, String inputQueue, String outputQueue, String genesysBaseUrl, String clientId,
			String clientSecret, String integrationId) throws IOException, InterruptedException {
		this.connection = connection;
		this.inputQueue = inputQueue;
		this.outputQueue = outputQueue;
		this.messageUri = URI.create(genesysBaseUrl + "/api/v2/conversations/messages/" + integrationId
				+ "/inbound/open/message?prefetchConversationId=true");
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		this.bearer = "Bearer " + token(genesysBaseUrl, clientId, clientSecret);
	}

	private String token(String baseUrl, String clientId, String clientSecret) throws IOException, InterruptedException {
		String basic = Base64.getEncoder()
			.encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/oauth/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("bare loop could not get a token: " + response.statusCode() + " " + response.body());
		}
		return JSON.readTree(response.body()).path("access_token").asString();
	}

	long failures() {
		return this.failures.get();
	}

	/**
	 * Starts consuming.
	 * @param inFlight the prefetch: messages in flight at once
	 */
	synchronized void start(int inFlight) throws IOException {
		if (this.consumerTag != null) {
			return;
		}
		this.inFlight = inFlight;
		this.publishChannel = this.connection.createChannel();
		this.publishChannel.confirmSelect();
		this.publishChannel.addConfirmListener((seq, multiple) -> confirmed(seq, multiple, true),
				(seq, multiple) -> confirmed(seq, multiple, false));
		this.consumerChannel = this.connection.createChannel();
		this.consumerChannel.basicQos(this.inFlight);
		this.consumerTag = this.consumerChannel.basicConsume(this.inputQueue, false, new DefaultConsumer(this.consumerChannel) {
			@Override
			public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
				handle(envelope.getDeliveryTag(), body);
			}
		});
	}

	/** Stops consuming and waits for what is in flight. */
	synchronized void stop() throws IOException, InterruptedException, TimeoutException {
		if (this.consumerTag == null) {
			return;
		}
		this.consumerChannel.basicCancel(this.consumerTag);
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while ((this.busy.get() > 0 || !this.pending.isEmpty()) && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		this.consumerChannel.close();
		this.publishChannel.close();
		this.consumerTag = null;
	}

	private void handle(long deliveryTag, byte[] body) {
		this.busy.incrementAndGet();
		try {
			JsonNode envelope = JSON.readTree(body);
			JsonNode metadata = envelope.path("metadata");
			JsonNode payload = envelope.path("genesysPayload");
			JsonNode channel = payload.path("channel");
			JsonNode from = channel.path("from");
			ObjectNode message = JSON.createObjectNode();
			ObjectNode outChannel = message.putObject("channel");
			outChannel.put("messageId", metadata.path("whatsapp_message_id").asString());
			ObjectNode outFrom = outChannel.putObject("from");
			outFrom.put("id", from.path("id").asString());
			outFrom.put("idType", from.path("idType").asString("Phone"));
			outFrom.put("nickname", from.path("nickname").asString());
			outFrom.put("firstName", from.path("firstName").asString());
			outChannel.put("time", channel.path("time").asString());
			message.put("text", payload.path("text").asString());
			HttpRequest request = HttpRequest.newBuilder(this.messageUri)
				.header("Authorization", this.bearer)
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(10))
				.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(message)))
				.build();
			this.http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
				try {
					if (failure != null || response.statusCode() / 100 != 2) {
						fail(deliveryTag);
						return;
					}
					JsonNode answer = JSON.readTree(response.body());
					publishEvent(deliveryTag, metadata, answer);
				}
				catch (RuntimeException | IOException ex) {
					fail(deliveryTag);
				}
				finally {
					this.busy.decrementAndGet();
				}
			});
		}
		catch (RuntimeException ex) {
			this.busy.decrementAndGet();
			fail(deliveryTag);
		}
	}

	private void publishEvent(long deliveryTag, JsonNode metadata, JsonNode answer) throws IOException {
		ObjectNode event = JSON.createObjectNode();
		event.put("tenantId", metadata.path("tenantId").asString());
		event.put("conversationId", answer.path("conversationId").asString(null));
		event.putNull("communicationId");
		event.put("genesysMessageId", answer.path("id").asString(null));
		event.put("whatsapp_message_id", metadata.path("whatsapp_message_id").asString());
		event.put("status", "created");
		event.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
		String correlationId = metadata.path("correlationId").asString();
		event.put("correlationId", correlationId);
		AMQP.BasicProperties properties = MessageProperties.PERSISTENT_BASIC.builder()
			.contentType("application/json")
			.correlationId(correlationId)
			.build();
		byte[] bytes = JSON.writeValueAsBytes(event);
		synchronized (this.publishChannel) {
			this.pending.put(this.publishChannel.getNextPublishSeqNo(), deliveryTag);
			this.publishChannel.basicPublish("", this.outputQueue, properties, bytes);
		}
	}

	private void confirmed(long seq, boolean multiple, boolean ack) {
		List<Long> tags = new ArrayList<>();
		if (multiple) {
			ConcurrentNavigableMap<Long, Long> head = this.pending.headMap(seq, true);
			tags.addAll(head.values());
			head.clear();
		}
		else {
			Long tag = this.pending.remove(seq);
			if (tag != null) {
				tags.add(tag);
			}
		}
		for (long tag : tags) {
			if (ack) {
				ack(tag);
			}
			else {
				fail(tag);
			}
		}
	}

	private void ack(long deliveryTag) {
		try {
			synchronized (this.consumerChannel) {
				this.consumerChannel.basicAck(deliveryTag, false);
			}
		}
		catch (IOException | RuntimeException ex) {
			this.failures.incrementAndGet();
		}
	}

	private void fail(long deliveryTag) {
		this.failures.incrementAndGet();
		try {
			synchronized (this.consumerChannel) {
				this.consumerChannel.basicNack(deliveryTag, false, true);
			}
		}
		catch (IOException | RuntimeException ex) {
			// the channel is closing: the broker requeues unacknowledged messages
		}
	}

	@Override
	public void close() throws IOException, InterruptedException, TimeoutException {
		stop();
		this.http.close();
	}

}
