package io.genesysbridge.backend.api;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Request and response bodies of the conversation operations.
 */
final class ConversationRequests {

	private ConversationRequests() {
	}

	/**
	 * @param attributes participant attributes to set (merged into the existing ones)
	 */
	@Schema(name = "ParticipantAttributes")
	record Attributes(@NotEmpty @Size(max = 100) Map<@NotBlank @Size(max = 256) String, @NotNull @Size(
			max = 4096) String> attributes) {
	}

	/**
	 * @param durationMs how long Genesys shows the indicator; its default when absent
	 */
	@Schema(name = "Typing")
	record Typing(@Nullable @Min(1) @Max(60_000) Long durationMs) {
	}

	/**
	 * @param conversationId the conversation
	 * @param participantId the customer participant
	 * @param alreadyDisconnected whether the customer had left before, so nothing was sent
	 */
	@Schema(name = "CustomerDisconnect")
	record Disconnected(String conversationId, String participantId, boolean alreadyDisconnected) {
	}

}
