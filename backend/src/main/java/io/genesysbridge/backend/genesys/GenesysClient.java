package io.genesysbridge.backend.genesys;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;

import io.genesysbridge.backend.tenant.Tenant;

/**
 * Open Messaging inbound calls (customer → Genesys). Non-2xx answers surface as
 * {@link GenesysRetryableException} or {@link GenesysRejectedException}, never as WebClient
 * exceptions; a refused token is replaced once.
 */
public class GenesysClient {

	static final String TOKEN_OPERATION = "token";

	static final String INBOUND_MESSAGE = "inbound-message";

	static final String INBOUND_RECEIPT = "inbound-receipt";

	static final String INBOUND_EVENT = "inbound-event";

	private static final String INBOUND_RECEIPT_PATH = "/api/v2/conversations/messages/{integrationId}/inbound/open/receipt";

	private static final String INBOUND_EVENT_PATH = "/api/v2/conversations/messages/{integrationId}/inbound/open/event";

	private static final String INBOUND_MESSAGE_PATH = "/api/v2/conversations/messages/{integrationId}/inbound/open/message?prefetchConversationId=true";

	private final GenesysHttp http;

	GenesysClient(GenesysHttp http) {
		this.http = http;
	}

	/**
	 * Delivers a customer message to Genesys.
	 * @param tenant the tenant
	 * @param integrationId the Open Messaging integration
	 * @param message the normalized message
	 * @return the Genesys message and conversation ids
	 */
	public Mono<InboundMessageResult> sendInboundMessage(Tenant tenant, String integrationId,
			OpenInboundMessage message) {
		return this.http
			.call(tenant, INBOUND_MESSAGE, HttpMethod.POST, INBOUND_MESSAGE_PATH, message, InboundMessageResult.class,
					integrationId)
			.defaultIfEmpty(new InboundMessageResult(null, null));
	}

	/**
	 * Tells Genesys whether an agent message reached the customer.
	 * @param tenant the tenant
	 * @param integrationId the integration the agent message came through
	 * @param receipt the receipt
	 * @return completion
	 */
	public Mono<Void> sendReceipt(Tenant tenant, String integrationId, OpenInboundReceipt receipt) {
		return this.http
			.call(tenant, INBOUND_RECEIPT, HttpMethod.POST, INBOUND_RECEIPT_PATH, receipt, String.class, integrationId)
			.then();
	}

	/**
	 * Sends a customer event (typing) to Genesys.
	 * @param tenant the tenant
	 * @param integrationId the integration
	 * @param event the event
	 * @return completion
	 */
	public Mono<Void> sendEvent(Tenant tenant, String integrationId, OpenInboundEvent event) {
		return this.http
			.call(tenant, INBOUND_EVENT, HttpMethod.POST, INBOUND_EVENT_PATH, event, String.class, integrationId)
			.then();
	}

}
