{{/* vim: set filetype=mustache: */}}
{{/*
Names, labels, images and secret references shared by the processor and console templates.
*/}}

{{- define "genesys-bridge.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "genesys-bridge.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "genesys-bridge.processor.fullname" -}}
{{- printf "%s-processor" (include "genesys-bridge.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "genesys-bridge.console.fullname" -}}
{{- printf "%s-console" (include "genesys-bridge.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "genesys-bridge.namespace" -}}
{{- default .Release.Namespace .Values.namespaceOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "genesys-bridge.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of every object; pass (dict "context" $ "component" "processor") for a component. */}}
{{- define "genesys-bridge.labels" -}}
{{- $ctx := .context -}}
helm.sh/chart: {{ include "genesys-bridge.chart" $ctx }}
{{ include "genesys-bridge.selectorLabels" . }}
app.kubernetes.io/version: {{ $ctx.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ $ctx.Release.Service }}
app.kubernetes.io/part-of: genesys-bridge
{{- with $ctx.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "genesys-bridge.selectorLabels" -}}
app.kubernetes.io/name: {{ include "genesys-bridge.name" .context }}
app.kubernetes.io/instance: {{ .context.Release.Name }}
{{- if .component }}
app.kubernetes.io/component: {{ .component }}
{{- end }}
{{- end -}}

{{- define "genesys-bridge.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "genesys-bridge.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Label that lets a pod through the NetworkPolicies when allowExternal is false. */}}
{{- define "genesys-bridge.clientLabel" -}}
{{- printf "%s-client" (include "genesys-bridge.fullname" .) -}}
{{- end -}}

{{/* Full image reference; pass (dict "image" .Values.processor.image "context" $). */}}
{{- define "genesys-bridge.image" -}}
{{- $registry := coalesce .context.Values.global.imageRegistry .image.registry -}}
{{- $repository := .image.repository -}}
{{- if $registry -}}
{{- $repository = printf "%s/%s" $registry $repository -}}
{{- end -}}
{{- if .image.digest -}}
{{- printf "%s@%s" $repository .image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repository (default .context.Chart.AppVersion .image.tag | toString) -}}
{{- end -}}
{{- end -}}

{{/* imagePullSecrets of a pod; pass (dict "image" .Values.processor.image "context" $). */}}
{{- define "genesys-bridge.imagePullSecrets" -}}
{{- $secrets := concat .context.Values.global.imagePullSecrets .image.pullSecrets | uniq -}}
{{- if $secrets }}
imagePullSecrets:
{{- range $secrets }}
  - name: {{ . | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{/* A securityContext block without the chart's "enabled" switch. */}}
{{- define "genesys-bridge.securityContext" -}}
{{- toYaml (omit . "enabled") -}}
{{- end -}}

{{/* Pod anti-affinity preset; pass (dict "component" "processor" "preset" "soft" "context" $). */}}
{{- define "genesys-bridge.affinity" -}}
{{- $selector := include "genesys-bridge.selectorLabels" (dict "context" .context "component" .component) -}}
{{- if eq .preset "soft" }}
podAntiAffinity:
  preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 100
      podAffinityTerm:
        topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            {{- $selector | nindent 12 }}
{{- else if eq .preset "hard" }}
podAntiAffinity:
  requiredDuringSchedulingIgnoredDuringExecution:
    - topologyKey: kubernetes.io/hostname
      labelSelector:
        matchLabels:
          {{- $selector | nindent 10 }}
{{- end }}
{{- end -}}

{{/* Probe on an actuator health group; pass (dict "probe" .Values.processor.livenessProbe "path" "/actuator/health/liveness"). */}}
{{- define "genesys-bridge.probe" -}}
httpGet:
  path: {{ .path }}
  port: management
{{ toYaml (omit .probe "enabled") }}
{{- end -}}

{{/* Replicas the PDB and validation reason about: the autoscaler minimum when one is on. */}}
{{- define "genesys-bridge.effectiveReplicas" -}}
{{- $autoscaling := .component.autoscaling -}}
{{- if and $autoscaling.keda $autoscaling.keda.enabled -}}
{{- $autoscaling.keda.minReplicas -}}
{{- else if $autoscaling.hpa.enabled -}}
{{- $autoscaling.hpa.minReplicas -}}
{{- else -}}
{{- .component.replicaCount -}}
{{- end -}}
{{- end -}}

{{- define "genesys-bridge.autoscaled" -}}
{{- $autoscaling := .autoscaling -}}
{{- if or $autoscaling.hpa.enabled (and $autoscaling.keda $autoscaling.keda.enabled) -}}
true
{{- end -}}
{{- end -}}

{{/*
Secrets. The chart's own Secret (secrets.yaml) carries every credential whose block has no
existingSecret; each helper below answers the Secret name for one block.
*/}}

{{- define "genesys-bridge.secretName" -}}
{{- include "genesys-bridge.fullname" . -}}
{{- end -}}

{{- define "genesys-bridge.encryption.secretName" -}}
{{- default (include "genesys-bridge.secretName" .) .Values.encryption.existingSecret -}}
{{- end -}}

{{- define "genesys-bridge.genesys.secretName" -}}
{{- default (include "genesys-bridge.secretName" .) .Values.genesys.existingSecret -}}
{{- end -}}

{{- define "genesys-bridge.rabbitmq.secretName" -}}
{{- default (include "genesys-bridge.secretName" .) .Values.externalRabbitmq.existingSecret -}}
{{- end -}}

{{- define "genesys-bridge.redis.secretName" -}}
{{- default (include "genesys-bridge.secretName" .) .Values.externalRedis.existingSecret -}}
{{- end -}}

{{- define "genesys-bridge.console.secretName" -}}
{{- default (include "genesys-bridge.secretName" .) .Values.console.auth.existingSecret -}}
{{- end -}}

{{/* Whether the processor and console authenticate to Redis. */}}
{{- define "genesys-bridge.redis.auth" -}}
{{- if or .Values.externalRedis.existingSecret .Values.externalRedis.password -}}
true
{{- end -}}
{{- end -}}

{{- define "genesys-bridge.tenant.clientIdKey" -}}
{{- default (printf "%s-client-id" .id) .clientIdKey -}}
{{- end -}}

{{- define "genesys-bridge.tenant.clientSecretKey" -}}
{{- default (printf "%s-client-secret" .id) .clientSecretKey -}}
{{- end -}}

{{- define "genesys-bridge.user.passwordHashKey" -}}
{{- default (printf "%s-password-hash" .username) .passwordHashKey -}}
{{- end -}}

{{/* Whether the chart must create its Secret: some block has no existingSecret. */}}
{{- define "genesys-bridge.createSecret" -}}
{{- $v := .Values -}}
{{- $genesys := and $v.genesys.tenants (not $v.genesys.existingSecret) -}}
{{- $users := and $v.console.enabled $v.console.auth.users (not $v.console.auth.existingSecret) -}}
{{- $redis := and $v.externalRedis.password (not $v.externalRedis.existingSecret) -}}
{{- if or (not $v.encryption.existingSecret) (not $v.externalRabbitmq.existingSecret) $redis $genesys $users -}}
true
{{- end -}}
{{- end -}}

{{/*
Environment of both components: RabbitMQ and Redis connections. Non-secret settings are plain
values, passwords come from secretKeyRef; both override the packaged application.yml.
*/}}
{{- define "genesys-bridge.connectionEnv" -}}
{{- $rabbit := .Values.externalRabbitmq -}}
{{- $redis := .Values.externalRedis -}}
- name: SPRING_RABBITMQ_HOST
  value: {{ $rabbit.host | quote }}
- name: SPRING_RABBITMQ_PORT
  value: {{ $rabbit.port | quote }}
- name: SPRING_RABBITMQ_VIRTUALHOST
  value: {{ $rabbit.virtualHost | quote }}
- name: SPRING_RABBITMQ_USERNAME
  value: {{ $rabbit.username | quote }}
- name: SPRING_RABBITMQ_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "genesys-bridge.rabbitmq.secretName" . }}
      key: {{ $rabbit.existingSecretPasswordKey }}
- name: SPRING_RABBITMQ_SSL_ENABLED
  value: {{ $rabbit.ssl.enabled | quote }}
{{- if $redis.sentinel.enabled }}
- name: SPRING_DATA_REDIS_SENTINEL_MASTER
  value: {{ $redis.sentinel.master | quote }}
- name: SPRING_DATA_REDIS_SENTINEL_NODES
  value: {{ join "," $redis.sentinel.nodes | quote }}
{{- else }}
- name: SPRING_DATA_REDIS_HOST
  value: {{ $redis.host | quote }}
- name: SPRING_DATA_REDIS_PORT
  value: {{ $redis.port | quote }}
{{- end }}
- name: SPRING_DATA_REDIS_DATABASE
  value: {{ $redis.database | quote }}
{{- with $redis.username }}
- name: SPRING_DATA_REDIS_USERNAME
  value: {{ . | quote }}
{{- end }}
{{- if include "genesys-bridge.redis.auth" . }}
- name: SPRING_DATA_REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "genesys-bridge.redis.secretName" . }}
      key: {{ $redis.existingSecretPasswordKey }}
{{- end }}
- name: SPRING_DATA_REDIS_SSL_ENABLED
  value: {{ $redis.ssl.enabled | quote }}
{{- end -}}

{{/* pod annotations that roll the pods when their configuration or the chart's Secret changes. */}}
{{- define "genesys-bridge.checksums" -}}
checksum/config: {{ include (print .context.Template.BasePath "/" .component "/configmap.yaml") .context | sha256sum }}
checksum/secret: {{ include (print .context.Template.BasePath "/secrets.yaml") .context | sha256sum }}
{{- end -}}
