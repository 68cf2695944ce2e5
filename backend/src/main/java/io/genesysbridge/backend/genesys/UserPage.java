package io.genesysbridge.backend.genesys;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One page of Genesys's {@code UserEntityListing}.
 *
 * @param entities the users on this page, each as Genesys's {@code User}
 * @param pageSize users per page, as Genesys applied it (it caps large sizes)
 * @param pageNumber the page, from 1
 * @param total users across all pages
 * @param pageCount number of pages
 */
public record UserPage(List<JsonNode> entities, int pageSize, int pageNumber, long total, int pageCount) {

	public UserPage {
		entities = List.copyOf(entities);
	}

	static UserPage of(JsonNode listing, int requestedSize, int requestedNumber) {
		return new UserPage(listing.path("entities").valueStream().toList(),
				listing.path("pageSize").asInt(requestedSize), listing.path("pageNumber").asInt(requestedNumber),
				listing.path("total").asLong(0), listing.path("pageCount").asInt(0));
	}

}
