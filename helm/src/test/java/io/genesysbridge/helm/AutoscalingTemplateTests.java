package io.genesysbridge.helm;

import java.util.List;
import java.util.Map;

import io.genesysbridge.helm.Chart.Manifests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The processor's CPU/memory HorizontalPodAutoscaler, the alternative to KEDA (which
 * all-toggles-values.yaml covers).
 */
class AutoscalingTemplateTests {

	private static final String PROCESSOR = "gb-genesys-bridge-processor";

	@Test
	void shouldScaleProcessorOnCpuAndMemoryWhenHpaIsEnabled() {
		Manifests manifests = Manifests.parse(Chart.templateCommand(Chart.REQUIRED_VALUES)
			.set("processor.autoscaling.hpa.enabled", true)
			.set("processor.autoscaling.hpa.targetMemory", 80)
			.call());
		Map<String, Object> spec = Yamls.map(manifests.get("HorizontalPodAutoscaler", PROCESSOR), "spec");

		assertThat(spec).contains(entry("minReplicas", 2), entry("maxReplicas", 6));
		assertThat(Yamls.at(spec, "scaleTargetRef"))
			.isEqualTo(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", PROCESSOR));
		assertThat(Yamls.list(spec, "metrics")).containsExactly(utilization("cpu", 70), utilization("memory", 80));
		assertThat(Yamls.map(manifests.get("Deployment", PROCESSOR), "spec")).doesNotContainKey("replicas");
		assertThat(manifests.ofKind("ScaledObject")).isEmpty();
	}

	private static Map<String, Object> utilization(String resource, int percent) {
		return Map.of("type", "Resource", "resource",
				Map.of("name", resource, "target", Map.of("type", "Utilization", "averageUtilization", percent)));
	}

}
