package io.genesysbridge.backend.genesys;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;

import io.genesysbridge.backend.tenant.Tenant;

/**
 * Organization and user calls on behalf of a tenant (contract notes §4). The organization
 * needs no permission, so it also proves that a tenant's OAuth client works. Genesys models
 * come back as loose JSON; failures surface as {@link GenesysClientException}s.
 */
public class GenesysDirectoryClient {

	static final String ORGANIZATION = "organization";

	static final String USERS = "users";

	static final String USER = "user";

	private final GenesysHttp http;

	GenesysDirectoryClient(GenesysHttp http) {
		this.http = http;
	}

	/**
	 * @param tenant the tenant
	 * @return the tenant's Genesys {@code Organization}
	 */
	public Mono<JsonNode> organization(Tenant tenant) {
		return this.http.call(tenant, ORGANIZATION, HttpMethod.GET, "/api/v2/organizations/me", null, JsonNode.class);
	}

	/**
	 * @param tenant the tenant
	 * @param pageSize users per page (Genesys caps it, 500 is the documented maximum)
	 * @param pageNumber the page, from 1
	 * @return one page of active users
	 */
	public Mono<UserPage> users(Tenant tenant, int pageSize, int pageNumber) {
		return this.http
			.call(tenant, USERS, HttpMethod.GET, "/api/v2/users?pageSize={pageSize}&pageNumber={pageNumber}", null,
					JsonNode.class, pageSize, pageNumber)
			.map((listing) -> UserPage.of(listing, pageSize, pageNumber));
	}

	/**
	 * @param tenant the tenant
	 * @param userId a user id
	 * @return the Genesys {@code User}
	 */
	public Mono<JsonNode> user(Tenant tenant, String userId) {
		return this.http.call(tenant, USER, HttpMethod.GET, "/api/v2/users/{userId}", null, JsonNode.class, userId);
	}

}
