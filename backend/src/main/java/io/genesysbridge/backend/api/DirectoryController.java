package io.genesysbridge.backend.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.genesysbridge.backend.genesys.GenesysDirectoryClient;

/**
 * A tenant's Genesys organization and users (agents). Genesys models are passed through as
 * Genesys returns them.
 */
@RestController
@RequestMapping(path = ApiPaths.TENANT, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Directory", description = "Genesys organization and users")
class DirectoryController {

	private static final String ID = ApiPaths.ID;

	private static final String WHY = ApiPaths.ID_MESSAGE;

	private final TenantResolver tenants;

	private final GenesysDirectoryClient genesys;

	DirectoryController(TenantResolver tenants, GenesysDirectoryClient genesys) {
		this.tenants = tenants;
		this.genesys = genesys;
	}

	@GetMapping("/organization")
	@Operation(summary = "Get the tenant's Genesys organization",
			description = "Needs no Genesys permission, so it also checks the tenant's OAuth client.")
	Mono<JsonNode> organization(@PathVariable @Pattern(regexp = ID, message = WHY) String tenantId) {
		return this.tenants.resolve(tenantId).flatMap(this.genesys::organization);
	}

	@GetMapping("/users")
	@Operation(summary = "List the tenant's active Genesys users, one page at a time")
	Mono<UserPageResponse> users(@PathVariable @Pattern(regexp = ID, message = WHY) String tenantId,
			@RequestParam(defaultValue = "25") @Min(1) @Max(500) int pageSize,
			@RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int pageNumber) {
		return this.tenants.resolve(tenantId)
			.flatMap((tenant) -> this.genesys.users(tenant, pageSize, pageNumber))
			.map((page) -> UserPageResponse.of(page, tenantId));
	}

	@GetMapping("/users/{userId}")
	@Operation(summary = "Get one Genesys user")
	Mono<JsonNode> user(@PathVariable @Pattern(regexp = ID, message = WHY) String tenantId,
			@PathVariable @Pattern(regexp = ID, message = WHY) String userId) {
		return this.tenants.resolve(tenantId).flatMap((tenant) -> this.genesys.user(tenant, userId));
	}

}
