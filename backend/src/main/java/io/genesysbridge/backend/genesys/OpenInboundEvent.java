package io.genesysbridge.backend.genesys;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code POST …/{integrationId}/inbound/open/event} ({@code OpenInboundNormalizedEvent}),
 * e.g. a customer typing indicator. Genesys shows it only where the integration's messaging
 * setting enables inbound typing.
 *
 * @param channel the customer and time
 * @param events the events, e.g. one {@code {"eventType":"Typing"}}
 */
public record OpenInboundEvent(Channel channel, List<Event> events) {

	public OpenInboundEvent {
		events = List.copyOf(events);
	}

	public static OpenInboundEvent typing(OpenInboundMessage.From from, String time) {
		return new OpenInboundEvent(new Channel(from, time), List.of(new Event("Typing")));
	}

	/**
	 * @param from the customer
	 * @param time when it happened, ISO-8601
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Channel(OpenInboundMessage.From from, String time) {
	}

	/**
	 * @param eventType {@code Typing}
	 */
	public record Event(String eventType) {
	}

}
