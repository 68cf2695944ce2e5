package io.genesysbridge.console.tenant;

import java.util.List;

/**
 * What the console shows of a tenant record. The client secret is never read into it.
 *
 * @param id tenant id
 * @param region Genesys region domain
 * @param clientId OAuth client id (names the shared client bucket)
 * @param integrationIds Open Messaging integrations
 * @param enabled whether its messages are delivered
 * @param perMinute sustained Genesys requests per minute
 * @param burst requests allowed at once
 * @param updatedAt when the record was last written (ISO-8601), or empty
 */
public record TenantRecord(String id, String region, String clientId, List<String> integrationIds, boolean enabled,
		int perMinute, int burst, String updatedAt) {
}
