package io.genesysbridge.console.overview;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import io.genesysbridge.console.circuit.CircuitStore;
import io.genesysbridge.console.circuit.CircuitView;
import io.genesysbridge.console.deadletter.DeadLetterProperties;
import io.genesysbridge.console.deadletter.DeadLetterStore;
import io.genesysbridge.console.metrics.ProcessorMetrics;
import io.genesysbridge.console.system.Formats;
import io.genesysbridge.console.tenant.TenantPauses;
import io.genesysbridge.console.tenant.TenantRecord;
import io.genesysbridge.console.tenant.TenantStore;

/**
 * The overview page: messages per second, error rate, p95 Genesys latency, dead letters
 * waiting (stored, and still in the DLQ), open circuits and paused tenants. The page
 * renders once and then refreshes itself from {@code /api/overview} without reloading.
 */
@Controller
class OverviewController {

	static final String VIEW = "overview/index";

	private static final Duration RATE_WINDOW = Duration.ofMinutes(1);

	private static final Duration WINDOW = Duration.ofMinutes(5);

	private final ProcessorMetrics metrics;

	private final DeadLetterStore deadLetters;

	private final DeadLetterProperties deadLetterProperties;

	private final CircuitStore circuits;

	private final TenantStore tenants;

	private final TenantPauses pauses;

	private final AmqpAdmin rabbit;

	private final Formats formats;

	OverviewController(ProcessorMetrics metrics, DeadLetterStore deadLetters, DeadLetterProperties deadLetterProperties,
			CircuitStore circuits, TenantStore tenants, TenantPauses pauses, AmqpAdmin rabbit, Formats formats) {
		this.formats = formats;
		this.metrics = metrics;
		this.deadLetters = deadLetters;
		this.deadLetterProperties = deadLetterProperties;
		this.circuits = circuits;
		this.tenants = tenants;
		this.pauses = pauses;
		this.rabbit = rabbit;
	}

	@GetMapping("/")
	String root() {
		return "redirect:/overview";
	}

	@GetMapping("/overview")
	String overview(Model model) {
		model.addAttribute("o", live());
		return VIEW;
	}

	@GetMapping("/api/overview")
	@ResponseBody
	Map<String, Object> live() {
		List<String> tenantIds = this.tenants.all().stream().map(TenantRecord::id).toList();
		List<CircuitView> open = this.circuits.all(tenantIds).stream().filter(CircuitView::open).toList();
		List<String> paused = this.pauses.paused(tenantIds);
		Map<String, Object> live = new LinkedHashMap<>();
		live.put("messagesPerSecond", round(this.metrics.rate("inbound:delivered", RATE_WINDOW), 2));
		live.put("errorRatePercent", round(errorRate(), 1));
		live.put("p95Millis",
				this.metrics.p95(WINDOW)
					.stream()
					.mapToObj((s) -> (Object) Math.round(s * 1000))
					.findFirst()
					.orElse(""));
		live.put("deadLettered5m", Math.round(this.metrics.delta("deadlettered", WINDOW)));
		live.put("deadLettersWaiting",
				this.deadLetters.waitingByTenant().values().stream().mapToLong(Long::longValue).sum());
		live.put("dlqBacklog", dlqBacklog());
		live.put("openCircuits", open.stream().map(CircuitView::name).toList());
		live.put("pausedTenants", paused);
		live.put("tenants", tenantIds.size());
		live.put("deferred5m", this.metrics.deltas("deferred:", WINDOW));
		live.put("throttled5m", Math.round(this.metrics.delta("throttled", WINDOW)));
		live.put("deliveredSeries",
				this.metrics.series("inbound:delivered", Duration.ofSeconds(10))
					.stream()
					.map((value) -> round(value, 2))
					.toList());
		live.put("metricsError", (this.metrics.lastError() != null) ? this.metrics.lastError() : "");
		live.put("metricsAt", this.formats.time(this.metrics.lastSuccess()));
		return live;
	}

	private double errorRate() {
		double failed = this.metrics.delta("inbound:rejected", WINDOW) + this.metrics.delta("inbound:failed", WINDOW);
		double all = failed + this.metrics.delta("inbound:delivered", WINDOW)
				+ this.metrics.delta("inbound:duplicate", WINDOW);
		return (all <= 0) ? 0 : 100.0 * failed / all;
	}

	private Object dlqBacklog() {
		try {
			QueueInformation info = this.rabbit.getQueueInfo(this.deadLetterProperties.queue());
			return (info != null) ? info.getMessageCount() : "";
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	private static double round(double value, int digits) {
		double scale = Math.pow(10, digits);
		return Math.round(value * scale) / scale;
	}

}
