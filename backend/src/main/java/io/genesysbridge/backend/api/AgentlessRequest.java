package io.genesysbridge.backend.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import io.genesysbridge.backend.genesys.AgentlessMessage;

/**
 * A text message to a customer without an agent (a notification), over Open Messaging.
 *
 * @param integrationId the integration to send from; the tenant's default when absent
 * @param toAddress the customer's id on the integration (the id inbound messages carry as
 * {@code from.id})
 * @param text the text, at most 2000 characters (Genesys's limit)
 * @param useExistingActiveConversation whether to post into the customer's active
 * conversation instead of starting a new one
 */
@Schema(name = "AgentlessMessage")
record AgentlessRequest(@Nullable @Pattern(regexp = ApiPaths.ID, message = ApiPaths.ID_MESSAGE) String integrationId,
		@NotBlank @Size(max = 256) String toAddress, @NotBlank @Size(max = AgentlessMessage.MAX_TEXT) String text,
		@Nullable Boolean useExistingActiveConversation) {

	AgentlessMessage toGenesys(String integrationId) {
		return AgentlessMessage.openText(integrationId, this.toAddress, this.text,
				Boolean.TRUE.equals(this.useExistingActiveConversation));
	}

}
