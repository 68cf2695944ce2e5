package io.genesysbridge.backend.deferral;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Delay routes. Each tier is a durable queue {@code <queuePrefix><millis>} with that message TTL
 * whose dead-letter route is the work queue, so an expired message goes back to be processed;
 * one TTL per queue keeps expiry FIFO. A deferral picks the shortest tier at least as long as the
 * wanted delay (the longest tier if none is).
 *
 * @param queuePrefix name prefix of the tier queues; application.yml derives it from the work
 * queue ({@code <work queue>.delay.}) so deployments sharing a vhost never share delay routes
 * @param tiers the delays available
 * @param confirmTimeout bound on the broker's confirm of a deferred message; past it the attempt
 * fails as transient and binder retry takes over (the message is never lost)
 */
@Validated
@ConfigurationProperties("app.deferral")
public record DeferralProperties(@DefaultValue("genesys-bridge.inbound.work.delay.") String queuePrefix,
		@DefaultValue({ "1s", "5s", "30s", "2m", "10m" }) List<Duration> tiers,
		@DefaultValue("5s") Duration confirmTimeout) {

	public DeferralProperties {
		tiers = tiers.stream().sorted().distinct().toList();
		if (tiers.isEmpty()) {
			throw new IllegalArgumentException("app.deferral.tiers needs at least one delay");
		}
	}

	String queueFor(Duration tier) {
		return this.queuePrefix + tier.toMillis();
	}

	Duration tierFor(Duration wanted) {
		for (Duration tier : this.tiers) {
			if (tier.compareTo(wanted) >= 0) {
				return tier;
			}
		}
		return this.tiers.getLast();
	}

}
