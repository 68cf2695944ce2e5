package io.genesysbridge.backend.api;

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

import io.genesysbridge.backend.genesys.AgentlessResult;
import io.genesysbridge.backend.genesys.GenesysConversationsClient;
import io.genesysbridge.backend.system.LogMasking;

/**
 * Agentless outbound text: Genesys sends it to the customer through the integration's webhook,
 * like an agent message, so it reaches WhatsApp through the usual outbound path.
 */
@RestController
@RequestMapping(path = ApiPaths.TENANT, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Outbound", description = "Messages to customers without an agent")
class AgentlessController {

	private static final Log logger = LogFactory.getLog(AgentlessController.class);

	private final TenantResolver tenants;

	private final GenesysConversationsClient genesys;

	AgentlessController(TenantResolver tenants, GenesysConversationsClient genesys) {
		this.tenants = tenants;
		this.genesys = genesys;
	}

	@PostMapping("/agentless-messages")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send an agentless text message to a customer",
			description = "Open Messaging only, text only, at most 2000 characters.")
	Mono<AgentlessResult> send(@PathVariable @Pattern(regexp = ApiPaths.ID, message = ApiPaths.ID_MESSAGE) String tenantId,
			@Valid @RequestBody AgentlessRequest request) {
		return this.tenants.resolve(tenantId).flatMap((tenant) -> {
			String integrationId = TenantResolver.integration(tenant, request.integrationId());
			return this.genesys.sendAgentless(tenant, request.toGenesys(integrationId))
				.doOnNext((result) -> logger.info("Agentless message " + result.id() + " to "
						+ LogMasking.mask(request.toAddress()) + " for tenant " + tenantId + " accepted by Genesys"));
		});
	}

}
