package io.genesysbridge.console.deadletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dead letters sharing a failure fingerprint (exception type + reason), like
 * ServicePulse's default grouping: how many, since when, until when, across how many
 * tenants.
 *
 * @param fingerprint the group key
 * @param reason the shared reason
 * @param exception the shared exception type
 * @param count dead letters in the group (under the current filter)
 * @param tenants distinct tenants affected
 * @param attempts delivery attempts over the group
 * @param firstSeen earliest first failure
 * @param lastSeen latest failure
 */
public record FailureGroup(String fingerprint, String reason, String exception, int count, int tenants, long attempts,
		Instant firstSeen, Instant lastSeen) {

	/**
	 * @param summaries dead letters
	 * @return their groups, largest first
	 */
	public static List<FailureGroup> of(Collection<DeadLetterSummary> summaries) {
		Map<String, List<DeadLetterSummary>> byFingerprint = new LinkedHashMap<>();
		for (DeadLetterSummary summary : summaries) {
			byFingerprint.computeIfAbsent(summary.fingerprint(), (key) -> new ArrayList<>()).add(summary);
		}
		return byFingerprint.values()
			.stream()
			.map(FailureGroup::group)
			.sorted(Comparator.comparingInt(FailureGroup::count)
				.reversed()
				.thenComparing(FailureGroup::lastSeen, Comparator.reverseOrder()))
			.toList();
	}

	private static FailureGroup group(List<DeadLetterSummary> members) {
		DeadLetterSummary any = members.getFirst();
		Instant first = members.stream()
			.map(DeadLetterSummary::firstFailure)
			.min(Comparator.naturalOrder())
			.orElseThrow();
		Instant last = members.stream()
			.map(DeadLetterSummary::lastFailure)
			.max(Comparator.naturalOrder())
			.orElseThrow();
		int tenants = (int) members.stream().map(DeadLetterSummary::tenant).distinct().count();
		long attempts = members.stream().mapToLong(DeadLetterSummary::attempts).sum();
		return new FailureGroup(any.fingerprint(), any.reason(), any.exceptionShort(), members.size(), tenants,
				attempts, first, last);
	}

}
