package io.genesysbridge.backend.api;

import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.genesysbridge.backend.genesys.GenesysClient;
import io.genesysbridge.backend.system.LogMasking;

/**
 * Customer messages and delivery receipts sent to Genesys synchronously, for callers that
 * want the Genesys answer at once. Unlike the queue these calls are neither deduplicated nor
 * retried and publish no correlation event: the caller owns retries.
 */
@RestController
@RequestMapping(path = ApiPaths.TENANT, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Inbound", description = "Customer messages and receipts to Genesys")
class InboundController {

	private static final Log logger = LogFactory.getLog(InboundController.class);

	private final TenantResolver tenants;

	private final GenesysClient genesys;

	private final Clock clock;

	InboundController(TenantResolver tenants, GenesysClient genesys, Clock clock) {
		this.tenants = tenants;
		this.genesys = genesys;
		this.clock = clock;
	}

	@PostMapping("/messages")
	@Operation(summary = "Deliver a customer message to Genesys now",
			description = "Calls the Open Messaging inbound message endpoint and answers with the Genesys message "
					+ "and conversation ids. Not deduplicated: send each message once.")
	Mono<InboundMessageResponse> sendMessage(
			@PathVariable @Pattern(regexp = ApiPaths.ID, message = ApiPaths.ID_MESSAGE) String tenantId,
			@Valid @RequestBody InboundMessageRequest request) {
		return this.tenants.resolve(tenantId).flatMap((tenant) -> {
			String integrationId = TenantResolver.integration(tenant, request.integrationId());
			return this.genesys.sendInboundMessage(tenant, integrationId, request.toGenesys(this.clock.instant()))
				.doOnNext((result) -> logger.debug("API delivered message " + request.messageId() + " from "
						+ LogMasking.mask(request.from().id()) + " of tenant " + tenantId + " as Genesys message "
						+ result.id()))
				.map((result) -> new InboundMessageResponse(integrationId, result.id(), result.conversationId()));
		});
	}

	@PostMapping("/receipts")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Tell Genesys whether an agent message reached the customer",
			description = "Delivered or Failed (with a reason), as an Open Messaging inbound receipt.")
	Mono<Void> sendReceipt(@PathVariable @Pattern(regexp = ApiPaths.ID, message = ApiPaths.ID_MESSAGE) String tenantId,
			@Valid @RequestBody ReceiptRequest request) {
		return this.tenants.resolve(tenantId).flatMap((tenant) -> {
			String integrationId = TenantResolver.integration(tenant, request.integrationId());
			return this.genesys.sendReceipt(tenant, integrationId, request.toGenesys(this.clock.instant()));
		});
	}

}
