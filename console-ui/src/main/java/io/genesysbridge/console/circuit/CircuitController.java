package io.genesysbridge.console.circuit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import io.genesysbridge.console.security.Operators;
import io.genesysbridge.console.system.Flash;
import io.genesysbridge.console.tenant.TenantRecord;
import io.genesysbridge.console.tenant.TenantStore;

/**
 * The circuits page: every Genesys org's breaker state, failure rate and recent
 * transitions with their cause; forcing open or closed (ADMIN, with a reason, audited).
 * Only a circuit the processor knows or a known tenant's circuit can be forced: an
 * unknown name is refused rather than creating a breaker (Resilience4j's endpoint creates
 * one).
 */
@Controller
@Validated
class CircuitController {

	static final String VIEW = "circuits/list";

	private static final Set<String> COMMANDS = Set.of("FORCED_OPEN", "CLOSED");

	private final CircuitStore circuits;

	private final TenantStore tenants;

	private final AuditLog audit;

	CircuitController(CircuitStore circuits, TenantStore tenants, AuditLog audit) {
		this.circuits = circuits;
		this.tenants = tenants;
		this.audit = audit;
	}

	@GetMapping("/circuits")
	String list(Model model) {
		model.addAttribute("circuits", all());
		return VIEW;
	}

	@GetMapping("/api/circuits")
	@ResponseBody
	List<Map<String, Object>> live() {
		return all().stream().map(CircuitController::json).toList();
	}

	@PostMapping("/circuits/{name}/force")
	String force(@PathVariable String name, @RequestParam String state,
			@RequestParam @NotBlank @Size(max = 500) String reason, Authentication authentication,
			RedirectAttributes redirect) {
		String by = Operators.name(authentication);
		if (!COMMANDS.contains(state)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		boolean known = this.circuits.indexed().contains(name)
				|| this.tenants.find(this.circuits.tenantOf(name)).isPresent();
		if (!known) {
			this.audit.record(AuditEvent.of(by, "circuit.force", name, reason.trim(), AuditEvent.Result.REFUSED,
					"unknown circuit"));
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		this.circuits.force(name, state, by, reason.trim());
		this.audit.record(AuditEvent.of(by, "circuit.force", name, reason.trim(), AuditEvent.Result.OK, state));
		Flash.show(redirect, "ok",
				"Circuit " + name + " forced " + state + ". Every processor replica applies it within about a second.");
		return "redirect:/circuits";
	}

	private List<CircuitView> all() {
		return this.circuits.all(this.tenants.all().stream().map(TenantRecord::id).toList());
	}

	private static Map<String, Object> json(CircuitView circuit) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", circuit.name());
		json.put("state", circuit.state());
		json.put("since", circuit.since());
		json.put("failureRate", circuit.failureRate());
		json.put("open", circuit.open());
		json.put("forced", (circuit.forced() != null) ? circuit.forced().state() : "");
		return json;
	}

}
