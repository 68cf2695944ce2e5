{{/*
The console's own environment: each user's BCrypt hash from the Secret (configmap.yaml refers
to them as ${CONSOLE_USER_<i>_PASSWORD_HASH}), the processor's REST API address, and the
Prometheus endpoints of every processor replica.
*/}}
{{- define "genesys-bridge.console.env" -}}
- name: GENESYS_BRIDGE_PROCESSOR_URL
  value: {{ printf "http://%s:%v" (include "genesys-bridge.processor.fullname" .) .Values.processor.service.ports.http | quote }}
- name: GENESYS_BRIDGE_PROMETHEUS_URLS
  value: {{ include "genesys-bridge.console.prometheusUrls" . | quote }}
{{- $secret := include "genesys-bridge.console.secretName" . }}
{{- range $i, $u := .Values.console.auth.users }}
- name: {{ printf "CONSOLE_USER_%d_PASSWORD_HASH" $i }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ include "genesys-bridge.user.passwordHashKey" $u }}
{{- end }}
{{- end -}}

{{/* The processor's headless Service (processor/services.yaml), one DNS address per pod. */}}
{{- define "genesys-bridge.processor.headlessName" -}}
{{- printf "%s-headless" (include "genesys-bridge.processor.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
console.metrics.prometheusUrls when given, else every processor pod: a dns+ URL of the
headless Service, which the console resolves at each scrape. Pod addresses take the container
port (a headless Service maps no ports).
*/}}
{{- define "genesys-bridge.console.prometheusUrls" -}}
{{- if .Values.console.metrics.prometheusUrls -}}
{{- join "," .Values.console.metrics.prometheusUrls -}}
{{- else -}}
{{- printf "dns+http://%s.%s.svc:%v/actuator/prometheus" (include "genesys-bridge.processor.headlessName" .) (include "genesys-bridge.namespace" .) .Values.processor.containerPorts.management -}}
{{- end -}}
{{- end -}}
