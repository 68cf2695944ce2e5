package io.genesysbridge.backend.genesys;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v2/conversations/messages/agentless}
 * ({@code SendAgentlessOutboundMessageRequest}) for open messaging: text only, at most
 * {@value #MAX_TEXT} characters.
 *
 * @param fromAddress the Open Messaging integration id
 * @param toAddress the customer's id on the integration (what inbound messages carry as
 * {@code channel.from.id})
 * @param toAddressMessengerType always {@code open}
 * @param textBody the text
 * @param useExistingActiveConversation whether to join the customer's active conversation
 * instead of starting a new one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentlessMessage(String fromAddress, String toAddress, String toAddressMessengerType, String textBody,
		@Nullable Boolean useExistingActiveConversation) {

	/** Genesys's limit on agent and agentless text for non-SMS channels. */
	public static final int MAX_TEXT = 2000;

	/**
	 * An open-messaging text message.
	 * @param integrationId the integration it is sent from
	 * @param toAddress the customer
	 * @param text at most {@value #MAX_TEXT} characters
	 * @param useExistingActiveConversation see the record description
	 * @return the request
	 */
	public static AgentlessMessage openText(String integrationId, String toAddress, String text,
			boolean useExistingActiveConversation) {
		return new AgentlessMessage(integrationId, toAddress, "open", text,
				useExistingActiveConversation ? Boolean.TRUE : null);
	}

}
