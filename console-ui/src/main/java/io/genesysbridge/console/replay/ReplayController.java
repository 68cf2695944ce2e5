package io.genesysbridge.console.replay;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.genesysbridge.console.audit.AuditEvent;
import io.genesysbridge.console.audit.AuditLog;
import io.genesysbridge.console.deadletter.DeadLetterFilter;
import io.genesysbridge.console.deadletter.DeadLetterQuery;
import io.genesysbridge.console.deadletter.DeadLetterStatus;
import io.genesysbridge.console.deadletter.DeadLetterStore;
import io.genesysbridge.console.deadletter.DeadLetterSummary;
import io.genesysbridge.console.security.Operators;
import io.genesysbridge.console.system.Flash;

/**
 * Replays: one dead letter at once, or a bulk replay of the selected ones or of all that
 * match the current filter. A bulk replay is frozen first (the set of ids is fixed and
 * its count shown), then confirmed by typing that count, then runs at the chosen rate
 * with live progress, pause, resume, rate changes and cancel. Every action is audited.
 */
@Controller
class ReplayController {

	static final String VIEW_LIST = "replays/list";

	static final String VIEW_DETAIL = "replays/detail";

	private final ReplayService service;

	private final BulkReplays replays;

	private final DeadLetterStore store;

	private final ReplayProperties properties;

	private final AuditLog audit;

	ReplayController(ReplayService service, BulkReplays replays, DeadLetterStore store, ReplayProperties properties,
			AuditLog audit) {
		this.service = service;
		this.replays = replays;
		this.store = store;
		this.properties = properties;
		this.audit = audit;
	}

	@PostMapping("/dead-letters/{id}/replay")
	String replayOne(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
		String by = Operators.name(authentication);
		ReplayOutcome outcome = this.service.replay(id, by, "", "");
		AuditEvent.Result result = switch (outcome.kind()) {
			case REPLAYED, FAILED_AGAIN, UNCERTAIN -> AuditEvent.Result.OK;
			case REFUSED -> AuditEvent.Result.REFUSED;
			case FAILED -> AuditEvent.Result.FAILED;
		};
		this.audit.record(AuditEvent.of(by, "deadletter.replay", id, "", result,
				outcome.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + outcome.detail()));
		String level = outcome.published() ? "ok" : (outcome.kind() == ReplayOutcome.Kind.FAILED) ? "error" : "warn";
		String text = switch (outcome.kind()) {
			case REPLAYED -> "Replayed: " + outcome.detail() + ".";
			case FAILED_AGAIN -> "Replayed (" + outcome.detail() + ").";
			case REFUSED -> "Not replayed: " + outcome.detail() + ".";
			case FAILED -> "Replay failed: " + outcome.detail() + ". The dead letter is waiting again.";
			case UNCERTAIN -> "Replay sent, but " + outcome.detail() + ".";
		};
		Flash.show(redirect, level, text);
		return "redirect:/dead-letters/" + id;
	}

	@PostMapping("/replays")
	String prepare(@RequestParam(defaultValue = "filter") String scope,
			@RequestParam(name = "ids", required = false) @Nullable List<String> ids, DeadLetterFilter filter,
			Authentication authentication, RedirectAttributes redirect) {
		String by = Operators.name(authentication);
		List<String> frozen;
		String description;
		if ("selected".equals(scope)) {
			frozen = (ids != null) ? ids.stream().distinct().toList() : List.of();
			description = "selected dead letters";
		}
		else {
			DeadLetterQuery query = filter.toQuery();
			DeadLetterQuery waiting = new DeadLetterQuery(query.tenant(), query.reason(), query.fingerprint(),
					query.ref(), Set.of(DeadLetterStatus.WAITING), query.from(), query.to());
			frozen = this.store.find(waiting).stream().map(DeadLetterSummary::id).toList();
			description = "waiting dead letters matching " + waiting.describe();
		}
		if (frozen.isEmpty() || frozen.size() > this.properties.maxBulk()) {
			Flash.show(redirect, "warn",
					frozen.isEmpty() ? "Nothing to replay: no dead letter is selected or waiting."
							: "Too many dead letters (" + frozen.size() + "); narrow the filter to at most "
									+ this.properties.maxBulk() + ".");
			return "redirect:/dead-letters";
		}
		String id = this.replays.prepare(frozen, description, by, this.properties.defaultRate());
		this.audit.record(new AuditEvent(by, "replay.bulk.prepare", List.of(id), frozen.size(), "",
				AuditEvent.Result.OK, "froze " + frozen.size() + " " + description, id));
		return "redirect:/replays/" + id;
	}

	@GetMapping("/replays")
	String list(Model model) {
		model.addAttribute("replays", this.replays.recent(50));
		return VIEW_LIST;
	}

	@GetMapping("/replays/{id}")
	String detail(@PathVariable String id, Model model) {
		model.addAttribute("replay", find(id));
		model.addAttribute("maxRate", this.properties.maxRate());
		model.addAttribute("rates",
				List.of(1, 5, 10, 20, 50, 100, this.properties.maxRate())
					.stream()
					.filter((rate) -> rate <= this.properties.maxRate())
					.distinct()
					.toList());
		return VIEW_DETAIL;
	}

	@GetMapping("/api/replays/{id}")
	@ResponseBody
	Map<String, Object> progress(@PathVariable String id) {
		BulkReplay replay = find(id);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", replay.id());
		json.put("status", replay.status());
		json.put("total", replay.total());
		json.put("done", replay.done());
		json.put("skipped", replay.skipped());
		json.put("failed", replay.failed());
		json.put("remaining", replay.remaining());
		json.put("percent", replay.percent());
		json.put("rate", replay.rate());
		json.put("etaSeconds", replay.etaSeconds());
		json.put("heldBack", replay.heldBack());
		json.put("lastError", replay.lastError());
		return json;
	}

	@PostMapping("/replays/{id}/start")
	String start(@PathVariable String id, @RequestParam(defaultValue = "-1") int confirmCount,
			@RequestParam(defaultValue = "0") int rate, @RequestParam(defaultValue = "") String reason,
			Authentication authentication, RedirectAttributes redirect) {
		String by = Operators.name(authentication);
		BulkReplay replay = find(id);
		String why = (reason.length() > 500) ? reason.substring(0, 500) : reason.trim();
		if (confirmCount != replay.total()) {
			Flash.show(redirect, "warn", "Type the number of dead letters (" + replay.total() + ") to confirm.");
			return "redirect:/replays/" + id;
		}
		int chosen = clampRate(rate);
		boolean started = this.replays.confirm(id, by, chosen, why);
		this.audit.record(new AuditEvent(by, "replay.bulk.start", List.of(id), replay.total(), why,
				started ? AuditEvent.Result.OK : AuditEvent.Result.REFUSED,
				started ? "replaying " + replay.total() + " " + replay.scope() + " at " + chosen + "/s"
						: "already " + replay.status().toLowerCase(java.util.Locale.ROOT),
				id));
		Flash.of(redirect, started, "Bulk replay started at " + chosen + " messages per second.",
				"This bulk replay was already " + replay.status().toLowerCase(java.util.Locale.ROOT) + ".");
		return "redirect:/replays/" + id;
	}

	@PostMapping("/replays/{id}/pause")
	String pause(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
		return control(id, "RUNNING", "PAUSED", "replay.bulk.pause", authentication, redirect);
	}

	@PostMapping("/replays/{id}/resume")
	String resume(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
		return control(id, "PAUSED", "RUNNING", "replay.bulk.resume", authentication, redirect);
	}

	@PostMapping("/replays/{id}/cancel")
	String cancel(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
		return control(id, "PREPARED RUNNING PAUSED", "CANCELLED", "replay.bulk.cancel", authentication, redirect);
	}

	@PostMapping("/replays/{id}/rate")
	String rate(@PathVariable String id, @RequestParam int rate, Authentication authentication,
			RedirectAttributes redirect) {
		BulkReplay replay = find(id);
		int chosen = clampRate(rate);
		this.replays.set(id, "rate", String.valueOf(chosen));
		this.audit.record(new AuditEvent(Operators.name(authentication), "replay.bulk.rate", List.of(id),
				replay.total(), "", AuditEvent.Result.OK, replay.rate() + "/s -> " + chosen + "/s", id));
		Flash.show(redirect, "ok", "Rate set to " + chosen + " messages per second.");
		return "redirect:/replays/" + id;
	}

	private String control(String id, String from, String to, String action, Authentication authentication,
			RedirectAttributes redirect) {
		BulkReplay replay = find(id);
		boolean changed = "CANCELLED".equals(to) ? this.replays.finish(id, from, to)
				: this.replays.transition(id, from, to, "", "");
		this.audit.record(new AuditEvent(Operators.name(authentication), action, List.of(id), replay.total(), "",
				changed ? AuditEvent.Result.OK : AuditEvent.Result.REFUSED,
				changed ? "after " + replay.done() + " replayed" : "was " + replay.status(), id));
		Flash.of(redirect, changed, "Bulk replay " + to.toLowerCase(java.util.Locale.ROOT) + ".",
				"Not changed: the bulk replay is " + replay.status().toLowerCase(java.util.Locale.ROOT) + ".");
		return "redirect:/replays/" + id;
	}

	private int clampRate(int rate) {
		return (rate < 1) ? this.properties.defaultRate() : Math.min(rate, this.properties.maxRate());
	}

	private BulkReplay find(String id) {
		return this.replays.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
