package io.genesysbridge.console.tenant;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.genesysbridge.console.audit.AuditEvent;
import io.genesysbridge.console.audit.AuditLog;
import io.genesysbridge.console.deadletter.DeadLetterStore;
import io.genesysbridge.console.metrics.ProcessorMetrics;
import io.genesysbridge.console.security.Operators;
import io.genesysbridge.console.system.Flash;

/**
 * The tenants page: every tenant's configured rate and burst, live permits, pause state
 * and waiting dead letters, with the processor's deferrals and Genesys 429s of the last
 * minutes (in total, by reason, and per tenant from the processor's {@code tenant} tag;
 * tenants beyond the processor's tag bound are summed as {@code other}); changing a
 * limit, pausing and resuming (OPERATOR, with a reason, audited).
 */
@Controller
@Validated
class TenantController {

	static final String VIEW = "tenants/list";

	static final Duration WINDOW = Duration.ofMinutes(5);

	private final TenantStore tenants;

	private final RateLimitReader rates;

	private final TenantPauses pauses;

	private final DeadLetterStore deadLetters;

	private final ProcessorMetrics metrics;

	private final TenantProperties properties;

	private final AuditLog audit;

	TenantController(TenantStore tenants, RateLimitReader rates, TenantPauses pauses, DeadLetterStore deadLetters,
			ProcessorMetrics metrics, TenantProperties properties, AuditLog audit) {
		this.tenants = tenants;
		this.rates = rates;
		this.pauses = pauses;
		this.deadLetters = deadLetters;
		this.metrics = metrics;
		this.properties = properties;
		this.audit = audit;
	}

	@GetMapping("/tenants")
	String list(Model model) {
		List<TenantRow> rows = rows();
		model.addAttribute("rows", rows);
		model.addAttribute("deferred", this.metrics.deltas("deferred:", WINDOW));
		model.addAttribute("throttled", this.metrics.delta("throttled", WINDOW));
		model.addAttribute("untagged", untagged(rows));
		model.addAttribute("metricsError", this.metrics.lastError());
		model.addAttribute("maxPerMinute", this.properties.maxPerMinute());
		model.addAttribute("maxBurst", this.properties.maxBurst());
		return VIEW;
	}

	@GetMapping("/api/tenants")
	@ResponseBody
	Map<String, Object> live() {
		Map<String, Object> live = new LinkedHashMap<>();
		List<TenantRow> rows = rows();
		live.put("tenants", rows.stream().map(TenantController::json).toList());
		live.put("deferred", this.metrics.deltas("deferred:", WINDOW));
		live.put("throttled", this.metrics.delta("throttled", WINDOW));
		live.put("untagged", untagged(rows));
		live.put("metricsError", this.metrics.lastError());
		return live;
	}

	@PostMapping("/tenants/{id}/limit")
	String changeLimit(@PathVariable String id, @RequestParam int perMinute, @RequestParam int burst,
			@RequestParam @NotBlank @Size(max = 500) String reason, Authentication authentication,
			RedirectAttributes redirect) {
		String by = Operators.name(authentication);
		if (perMinute < 1 || perMinute > this.properties.maxPerMinute() || burst < 1
				|| burst > this.properties.maxBurst()) {
			this.audit.record(AuditEvent.of(by, "tenant.limit", id, reason.trim(), AuditEvent.Result.REFUSED,
					"out of bounds: " + perMinute + "/min, burst " + burst));
			Flash.show(redirect, "error", "Rate must be 1 to " + this.properties.maxPerMinute()
					+ " per minute and burst 1 to " + this.properties.maxBurst() + ".");
			return "redirect:/tenants";
		}
		Optional<TenantRecord> previous = this.tenants.changeLimit(id, perMinute, burst);
		if (previous.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		String change = previous.get().perMinute() + "/min burst " + previous.get().burst() + " -> " + perMinute
				+ "/min burst " + burst;
		this.audit.record(AuditEvent.of(by, "tenant.limit", id, reason.trim(), AuditEvent.Result.OK, change));
		Flash.show(redirect, "ok",
				"Limit of " + id + " changed (" + change + "). Every processor replica applies it within 5 seconds.");
		return "redirect:/tenants";
	}

	@PostMapping("/tenants/{id}/pause")
	String pause(@PathVariable String id, @RequestParam @NotBlank @Size(max = 500) String reason,
			Authentication authentication, RedirectAttributes redirect) {
		requireTenant(id);
		String by = Operators.name(authentication);
		this.pauses.pause(id, by, reason.trim());
		this.audit.record(AuditEvent.of(by, "tenant.pause", id, reason.trim(), AuditEvent.Result.OK, ""));
		Flash.show(redirect, "ok", "Paused " + id + ": its messages are held (not lost) until it is resumed.");
		return "redirect:/tenants";
	}

	@PostMapping("/tenants/{id}/resume")
	String resume(@PathVariable String id, @RequestParam @NotBlank @Size(max = 500) String reason,
			Authentication authentication, RedirectAttributes redirect) {
		requireTenant(id);
		boolean wasPaused = this.pauses.resume(id);
		this.audit.record(AuditEvent.of(Operators.name(authentication), "tenant.resume", id, reason.trim(),
				wasPaused ? AuditEvent.Result.OK : AuditEvent.Result.REFUSED, wasPaused ? "" : "was not paused"));
		Flash.of(redirect, wasPaused, "Resumed " + id + ": held messages flow again, in order.",
				id + " was not paused.");
		return "redirect:/tenants";
	}

	private void requireTenant(String id) {
		if (this.tenants.find(id).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private List<TenantRow> rows() {
		List<TenantRecord> all = this.tenants.all();
		Map<String, RateUsage> usage = this.rates.usage(all);
		Map<String, TenantPauses.Pause> paused = this.pauses.find(all.stream().map(TenantRecord::id).toList());
		Map<String, Long> waiting = this.deadLetters.waitingByTenant();
		Map<String, Double> deferred = this.metrics.deltas(ProcessorMetrics.TENANT_DEFERRED, WINDOW);
		Map<String, Double> throttled = this.metrics.deltas(ProcessorMetrics.TENANT_THROTTLED, WINDOW);
		return all.stream()
			.map((tenant) -> new TenantRow(tenant, usage.get(tenant.id()), paused.get(tenant.id()),
					waiting.getOrDefault(tenant.id(), 0L), Math.round(deferred.getOrDefault(tenant.id(), 0.0)),
					Math.round(throttled.getOrDefault(tenant.id(), 0.0))))
			.toList();
	}

	/**
	 * @return deferrals and 429s of the last minutes tagged with no tenant of this page
	 * ({@code other} beyond the processor's tag bound, tenants since removed), so the
	 * per-tenant figures still add up to the totals
	 */
	private Map<String, Long> untagged(List<TenantRow> rows) {
		List<String> listed = rows.stream().map((row) -> row.tenant().id()).toList();
		Map<String, Long> untagged = new LinkedHashMap<>();
		untagged.put("deferred", sumExcept(this.metrics.deltas(ProcessorMetrics.TENANT_DEFERRED, WINDOW), listed));
		untagged.put("throttled", sumExcept(this.metrics.deltas(ProcessorMetrics.TENANT_THROTTLED, WINDOW), listed));
		return untagged;
	}

	private static long sumExcept(Map<String, Double> byTenant, List<String> listed) {
		return Math.round(byTenant.entrySet()
			.stream()
			.filter((entry) -> !listed.contains(entry.getKey()))
			.mapToDouble(Map.Entry::getValue)
			.sum());
	}

	private static Map<String, Object> json(TenantRow row) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", row.tenant().id());
		json.put("perMinute", row.usage().perMinute());
		json.put("burst", row.usage().burst());
		json.put("available", row.usage().available());
		json.put("usedPercent", row.usage().usedPercent());
		json.put("nextPermitMillis", row.usage().nextPermitMillis());
		json.put("clientAvailable", row.usage().clientAvailable());
		json.put("penalized", row.usage().penalized());
		json.put("paused", row.paused());
		json.put("waitingDeadLetters", row.waitingDeadLetters());
		json.put("deferred", row.deferred());
		json.put("throttled", row.throttled());
		return json;
	}

}
