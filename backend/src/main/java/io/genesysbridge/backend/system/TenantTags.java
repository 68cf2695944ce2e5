package io.genesysbridge.backend.system;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The value of a meter's {@code tenant} tag, bounded by
 * {@link MetricsProperties#maxTaggedTenants()}: the first tenants seen keep their id, every
 * later one becomes {@value #OTHER} (counted, and warned about once), so the number of series
 * stays bounded by configuration whatever tenant ids arrive.
 */
public class TenantTags {

	/** The tag name. */
	public static final String TAG = "tenant";

	/** The tag value of tenants beyond the bound. */
	public static final String OTHER = "other";

	/** The tag value when a message names no tenant. */
	public static final String UNKNOWN = "unknown";

	static final String UNTAGGED = "genesysbridge.metrics.tenants.untagged";

	private static final Log logger = LogFactory.getLog(TenantTags.class);

	private final int max;

	private final Set<String> tagged = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean warned = new AtomicBoolean();

	private final Counter untagged;

	TenantTags(MetricsProperties properties, MeterRegistry registry) {
		this.max = properties.maxTaggedTenants();
		this.untagged = Counter.builder(UNTAGGED)
			.description("Meter recordings tagged tenant=other because app.metrics.max-tagged-tenants was reached")
			.register(registry);
	}

	/**
	 * @param tenantId a tenant id, or null when unknown
	 * @return the tenant id while the bound allows, else {@value #OTHER}
	 */
	public String of(@Nullable String tenantId) {
		if (tenantId == null || tenantId.isBlank()) {
			return UNKNOWN;
		}
		if (this.tagged.contains(tenantId) || admit(tenantId)) {
			return tenantId;
		}
		this.untagged.increment();
		if (this.warned.compareAndSet(false, true)) {
			logger.warn("More than " + this.max + " tenants seen: meters tag further tenants as '" + OTHER
					+ "' (raise app.metrics.max-tagged-tenants to tell them apart)");
		}
		return OTHER;
	}

	private synchronized boolean admit(String tenantId) {
		if (this.tagged.size() >= this.max) {
			return false;
		}
		this.tagged.add(tenantId);
		return true;
	}

}
