package io.genesysbridge.console.deadletter;

import java.io.IOException;

import com.rabbitmq.client.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/**
 * Keeps every dead letter: stores it in Redis and acknowledges it only after the write
 * succeeded (persist, then acknowledge, like ServiceControl). If Redis refuses, the
 * message is returned to the DLQ and tried again after {@code retry-delay}, so a Redis
 * outage delays dead letters but never loses one. A redelivered message that was already
 * stored is recognised and stored once.
 */
final class DeadLetterIngester implements ChannelAwareMessageListener {

	static final String INGESTED = "genesysbridge.console.deadletters.ingested";

	private static final Log logger = LogFactory.getLog(DeadLetterIngester.class);

	private final DeadLetterParser parser;

	private final DeadLetterStore store;

	private final DeadLetterProperties properties;

	private final MeterRegistry meters;

	DeadLetterIngester(DeadLetterParser parser, DeadLetterStore store, DeadLetterProperties properties,
			MeterRegistry meters) {
		this.parser = parser;
		this.store = store;
		this.properties = properties;
		this.meters = meters;
	}

	@Override
	public void onMessage(Message message, Channel channel) throws IOException {
		long tag = message.getMessageProperties().getDeliveryTag();
		Intake intake = this.parser.parse(message);
		long result;
		try {
			result = this.store.store(intake);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not store dead letter " + intake.id() + " (" + ex.getClass().getSimpleName()
					+ "); returning it to " + this.properties.queue() + " and retrying in "
					+ this.properties.ingest().retryDelay());
			pause();
			channel.basicNack(tag, false, true);
			return;
		}
		channel.basicAck(tag, false);
		count(result);
		if (logger.isDebugEnabled()) {
			logger.debug("Stored dead letter " + intake.id() + " of tenant " + intake.tenant() + " (" + intake.reason()
					+ ", result " + result + ")");
		}
	}

	private void count(long result) {
		String outcome = (result == 0) ? "redelivered" : (result == 1) ? "new" : "failed-again";
		Counter.builder(INGESTED)
			.description("Dead letters read from the DLQ and stored, by outcome")
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

	private void pause() {
		try {
			Thread.sleep(this.properties.ingest().retryDelay());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
