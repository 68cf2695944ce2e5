package io.genesysbridge.console.audit;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log page: newest first, filtered by user, action, target id or result, paged
 * by stream id so that new entries never shift a page.
 */
@Controller
class AuditController {

	static final String VIEW = "audit/list";

	private static final int PAGE_SIZE = 50;

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/audit")
	String list(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
			@RequestParam(defaultValue = "") String target, @RequestParam(defaultValue = "") String result,
			@RequestParam(required = false) @Nullable String before, Model model) {
		List<AuditEntry> entries = this.audit.page(filter(actor, action, target, result), before, PAGE_SIZE);
		model.addAttribute("entries", entries);
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		model.addAttribute("target", target);
		model.addAttribute("result", result);
		model.addAttribute("next", (entries.size() == PAGE_SIZE) ? entries.getLast().id() : null);
		return VIEW;
	}

	private static Predicate<AuditEntry> filter(String actor, String action, String target, String result) {
		return (entry) -> contains(entry.actor(), actor) && contains(entry.action(), action)
				&& (target.isBlank() || entry.targets().stream().anyMatch((id) -> contains(id, target))
						|| contains(entry.operation(), target))
				&& (result.isBlank() || entry.result().equalsIgnoreCase(result));
	}

	private static boolean contains(String value, String part) {
		return part.isBlank() || value.toLowerCase(Locale.ROOT).contains(part.trim().toLowerCase(Locale.ROOT));
	}

}
