package io.genesysbridge.console.deadletter;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.genesysbridge.console.audit.AuditEvent;
import io.genesysbridge.console.audit.AuditLog;
import io.genesysbridge.console.security.ConsoleRole;
import io.genesysbridge.console.security.Operators;
import io.genesysbridge.console.system.Flash;

/**
 * Dead-letter pages: the filtered list with failure groups, the detail page (masked
 * unless an ADMIN asks for customer data, which is audited), and archiving and restoring
 * (ADMIN, with a reason). Replays are {@code replay.ReplayController}'s.
 */
@Controller
@Validated
class DeadLetterController {

	static final String VIEW_LIST = "deadletters/list";

	static final String VIEW_DETAIL = "deadletters/detail";

	static final int PAGE_SIZE = 50;

	private final DeadLetterStore store;

	private final PayloadMasker masker;

	private final AuditLog audit;

	DeadLetterController(DeadLetterStore store, PayloadMasker masker, AuditLog audit) {
		this.store = store;
		this.masker = masker;
		this.audit = audit;
	}

	@GetMapping("/dead-letters")
	String list(DeadLetterFilter filter, @RequestParam(defaultValue = "0") int page, Model model) {
		List<DeadLetterSummary> matching = this.store.find(filter.toQuery());
		int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(0, page), pages - 1);
		model.addAttribute("filter", filter);
		model.addAttribute("rows",
				matching.subList(current * PAGE_SIZE, Math.min(matching.size(), (current + 1) * PAGE_SIZE)));
		model.addAttribute("total", matching.size());
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("groups", FailureGroup.of(matching));
		model.addAttribute("tenants", new TreeSet<>(matching.stream().map(DeadLetterSummary::tenant).toList()));
		model.addAttribute("reasons", new TreeSet<>(matching.stream().map(DeadLetterSummary::reason).toList()));
		model.addAttribute("prevLink", (current > 0) ? filter.link(Map.of("page", String.valueOf(current - 1))) : null);
		model.addAttribute("nextLink",
				(current + 1 < pages) ? filter.link(Map.of("page", String.valueOf(current + 1))) : null);
		return VIEW_LIST;
	}

	@GetMapping("/dead-letters/{id}")
	String detail(@PathVariable String id, @RequestParam(defaultValue = "false") boolean unmasked,
			Authentication authentication, Model model) {
		DeadLetter deadLetter = this.store.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		boolean showCustomerData = unmasked && ConsoleRole.ADMIN.heldBy(authentication);
		if (showCustomerData) {
			this.audit.record(AuditEvent.of(Operators.name(authentication), "deadletter.unmask", id, "",
					AuditEvent.Result.OK, "viewed customer data"));
		}
		model.addAttribute("dl", deadLetter);
		model.addAttribute("s", deadLetter.summary());
		model.addAttribute("unmasked", showCustomerData);
		model.addAttribute("payload", this.masker.render(deadLetter.payload(), showCustomerData));
		model.addAttribute("headers", this.masker.headers(deadLetter.headers(), showCustomerData));
		model.addAttribute("replayable",
				deadLetter.summary().status() == DeadLetterStatus.WAITING && !deadLetter.truncated());
		return VIEW_DETAIL;
	}

	@PostMapping("/dead-letters/{id}/archive")
	String archive(@PathVariable String id, @RequestParam @NotBlank @Size(max = 500) String reason,
			Authentication authentication, RedirectAttributes redirect) {
		String result = this.store.archive(id, Operators.name(authentication), reason.trim());
		record(authentication, "deadletter.archive", id, reason, result);
		Flash.of(redirect, "OK".equals(result), "Archived dead letter " + id + ".",
				"Not archived: the dead letter is " + result.toLowerCase(java.util.Locale.ROOT) + ".");
		return "redirect:/dead-letters/" + id;
	}

	@PostMapping("/dead-letters/archive")
	String archiveSelected(@RequestParam(name = "ids", required = false) List<String> ids,
			@RequestParam @NotBlank @Size(max = 500) String reason, Authentication authentication,
			RedirectAttributes redirect) {
		List<String> selected = (ids != null) ? ids.stream().distinct().limit(1000).toList() : List.of();
		int archived = 0;
		for (String id : selected) {
			String result = this.store.archive(id, Operators.name(authentication), reason.trim());
			record(authentication, "deadletter.archive", id, reason, result);
			archived += "OK".equals(result) ? 1 : 0;
		}
		Flash.of(redirect, archived == selected.size() && archived > 0, "Archived " + archived + " dead letters.",
				"Archived " + archived + " of " + selected.size()
						+ " selected dead letters (the others were not waiting).");
		return "redirect:/dead-letters";
	}

	@PostMapping("/dead-letters/{id}/restore")
	String restore(@PathVariable String id, @RequestParam @NotBlank @Size(max = 500) String reason,
			Authentication authentication, RedirectAttributes redirect) {
		String result = this.store.restore(id);
		record(authentication, "deadletter.restore", id, reason, result);
		Flash.of(redirect, "OK".equals(result), "Restored dead letter " + id + ": it is waiting again.",
				"Not restored: the dead letter is " + result.toLowerCase(java.util.Locale.ROOT) + ".");
		return "redirect:/dead-letters/" + id;
	}

	private void record(Authentication authentication, String action, String id, String reason, String result) {
		this.audit.record(AuditEvent.of(Operators.name(authentication), action, id, reason.trim(),
				"OK".equals(result) ? AuditEvent.Result.OK : AuditEvent.Result.REFUSED,
				"OK".equals(result) ? "" : "status " + result));
	}

}
