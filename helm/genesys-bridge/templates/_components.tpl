{{/*
Objects shared by the processor and the console, which differ only in names, ports and
environment. Each takes (dict "context" $ "name" "processor" "values" .Values.processor ...).
*/}}

{{- define "genesys-bridge.component.fullname" -}}
{{- printf "%s-%s" (include "genesys-bridge.fullname" .context) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "genesys-bridge.component.metadata" -}}
name: {{ .fullname | default (include "genesys-bridge.component.fullname" .) }}
namespace: {{ include "genesys-bridge.namespace" .context }}
labels:
  {{- include "genesys-bridge.labels" (dict "context" .context "component" .name) | nindent 2 }}
  {{- with .labels }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- $annotations := merge (deepCopy (default (dict) .annotations)) .context.Values.commonAnnotations }}
{{- with $annotations }}
annotations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/* Deployment; also takes "env": the component's own environment as a YAML list string. */}}
{{- define "genesys-bridge.component.deployment" -}}
{{- $ctx := .context -}}
{{- $v := .values -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  {{- include "genesys-bridge.component.metadata" . | nindent 2 }}
spec:
  {{- if not (include "genesys-bridge.autoscaled" $v) }}
  replicas: {{ $v.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  {{- with $v.updateStrategy }}
  strategy:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "genesys-bridge.selectorLabels" (dict "context" $ctx "component" .name) | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "genesys-bridge.labels" (dict "context" $ctx "component" .name) | nindent 8 }}
        {{- with $v.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      annotations:
        {{- include "genesys-bridge.checksums" (dict "context" $ctx "component" .name) | nindent 8 }}
        {{- with $v.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "genesys-bridge.serviceAccountName" $ctx }}
      automountServiceAccountToken: {{ $ctx.Values.serviceAccount.automountServiceAccountToken }}
      {{- with include "genesys-bridge.imagePullSecrets" (dict "image" $v.image "context" $ctx) | trim }}
      {{- . | nindent 6 }}
      {{- end }}
      {{- if $v.podSecurityContext.enabled }}
      securityContext:
        {{- include "genesys-bridge.securityContext" $v.podSecurityContext | nindent 8 }}
      {{- end }}
      terminationGracePeriodSeconds: {{ $v.terminationGracePeriodSeconds }}
      {{- with $v.priorityClassName }}
      priorityClassName: {{ . | quote }}
      {{- end }}
      {{- if $v.affinity }}
      affinity:
        {{- toYaml $v.affinity | nindent 8 }}
      {{- else if $v.podAntiAffinityPreset }}
      affinity:
        {{- include "genesys-bridge.affinity" (dict "component" .name "preset" $v.podAntiAffinityPreset "context" $ctx) | trim | nindent 8 }}
      {{- end }}
      {{- with $v.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.topologySpreadConstraints }}
      topologySpreadConstraints:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ .name }}
          image: {{ include "genesys-bridge.image" (dict "image" $v.image "context" $ctx) }}
          imagePullPolicy: {{ $v.image.pullPolicy }}
          {{- if $v.containerSecurityContext.enabled }}
          securityContext:
            {{- include "genesys-bridge.securityContext" $v.containerSecurityContext | nindent 12 }}
          {{- end }}
          ports:
            - name: http
              containerPort: {{ $v.containerPorts.http }}
              protocol: TCP
            - name: management
              containerPort: {{ $v.containerPorts.management }}
              protocol: TCP
          env:
            - name: JAVA_TOOL_OPTIONS
              value: {{ $v.javaOpts | quote }}
            - name: SPRING_CONFIG_ADDITIONAL_LOCATION
              value: file:/config/application.yaml
            {{- include "genesys-bridge.connectionEnv" $ctx | nindent 12 }}
            {{- with .env }}
            {{- . | nindent 12 }}
            {{- end }}
            {{- with $v.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          {{- if $v.startupProbe.enabled }}
          startupProbe:
            {{- include "genesys-bridge.probe" (dict "probe" $v.startupProbe "path" "/actuator/health/liveness") | nindent 12 }}
          {{- end }}
          {{- if $v.livenessProbe.enabled }}
          livenessProbe:
            {{- include "genesys-bridge.probe" (dict "probe" $v.livenessProbe "path" "/actuator/health/liveness") | nindent 12 }}
          {{- end }}
          {{- if $v.readinessProbe.enabled }}
          readinessProbe:
            {{- include "genesys-bridge.probe" (dict "probe" $v.readinessProbe "path" "/actuator/health/readiness") | nindent 12 }}
          {{- end }}
          {{- with $v.lifecycleHooks }}
          lifecycle:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          {{- with $v.resources }}
          resources:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          volumeMounts:
            - name: config
              mountPath: /config
              readOnly: true
            - name: tmp
              mountPath: /tmp
            {{- with $v.extraVolumeMounts }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
      volumes:
        - name: config
          configMap:
            name: {{ include "genesys-bridge.component.fullname" . }}
        - name: tmp
          emptyDir:
            {{- with $v.tmpDirSizeLimit }}
            sizeLimit: {{ . }}
            {{- end }}
        {{- with $v.extraVolumes }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
{{- end -}}

{{/* The HTTP Service (service.type applies) and the management one (always ClusterIP). */}}
{{- define "genesys-bridge.component.services" -}}
{{- $v := .values -}}
apiVersion: v1
kind: Service
metadata:
  {{- include "genesys-bridge.component.metadata" (merge (dict "annotations" $v.service.annotations) .) | nindent 2 }}
spec:
  type: {{ $v.service.type }}
  ports:
    - name: http
      port: {{ $v.service.ports.http }}
      targetPort: http
      protocol: TCP
  selector:
    {{- include "genesys-bridge.selectorLabels" (dict "context" .context "component" .name) | nindent 4 }}
---
apiVersion: v1
kind: Service
metadata:
  {{- $name := printf "%s-metrics" (include "genesys-bridge.component.fullname" .) | trunc 63 | trimSuffix "-" }}
  {{- include "genesys-bridge.component.metadata" (merge (dict "fullname" $name "labels" (dict "app.kubernetes.io/subcomponent" "metrics")) .) | nindent 2 }}
spec:
  type: ClusterIP
  ports:
    - name: management
      port: {{ $v.service.ports.management }}
      targetPort: management
      protocol: TCP
  selector:
    {{- include "genesys-bridge.selectorLabels" (dict "context" .context "component" .name) | nindent 4 }}
{{- end -}}

{{- define "genesys-bridge.component.pdb" -}}
{{- $pdb := .values.pdb -}}
{{- if $pdb.create }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  {{- include "genesys-bridge.component.metadata" . | nindent 2 }}
spec:
  {{- if toString $pdb.minAvailable }}
  minAvailable: {{ $pdb.minAvailable }}
  {{- else }}
  maxUnavailable: {{ default 1 $pdb.maxUnavailable }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "genesys-bridge.selectorLabels" (dict "context" .context "component" .name) | nindent 6 }}
{{- end }}
{{- end -}}

{{- define "genesys-bridge.component.hpa" -}}
{{- $hpa := .values.autoscaling.hpa -}}
{{- if $hpa.enabled }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  {{- include "genesys-bridge.component.metadata" . | nindent 2 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "genesys-bridge.component.fullname" . }}
  minReplicas: {{ $hpa.minReplicas }}
  maxReplicas: {{ $hpa.maxReplicas }}
  metrics:
    {{- with $hpa.targetCPU }}
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ . }}
    {{- end }}
    {{- with $hpa.targetMemory }}
    - type: Resource
      resource:
        name: memory
        target:
          type: Utilization
          averageUtilization: {{ . }}
    {{- end }}
  {{- with $hpa.behavior }}
  behavior:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
{{- end -}}

{{/* Ingress to the HTTP Service; the management port is never routed. */}}
{{- define "genesys-bridge.component.ingress" -}}
{{- $ingress := .values.ingress -}}
{{- if $ingress.enabled }}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  {{- include "genesys-bridge.component.metadata" (merge (dict "annotations" $ingress.annotations) .) | nindent 2 }}
spec:
  {{- with $ingress.ingressClassName }}
  ingressClassName: {{ . | quote }}
  {{- end }}
  rules:
    - host: {{ $ingress.hostname | quote }}
      http:
        paths:
          - path: {{ $ingress.path }}
            pathType: {{ $ingress.pathType }}
            backend:
              service:
                name: {{ include "genesys-bridge.component.fullname" . }}
                port:
                  name: http
  {{- if $ingress.tls }}
  tls:
    - hosts:
        - {{ $ingress.hostname | quote }}
      secretName: {{ default (printf "%s-tls" $ingress.hostname) $ingress.tlsSecretName }}
  {{- end }}
{{- end }}
{{- end -}}

{{- define "genesys-bridge.component.serviceMonitor" -}}
{{- $sm := .context.Values.metrics.serviceMonitor -}}
{{- if $sm.enabled }}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "genesys-bridge.component.fullname" . }}
  namespace: {{ default (include "genesys-bridge.namespace" .context) $sm.namespace }}
  labels:
    {{- include "genesys-bridge.labels" (dict "context" .context "component" .name) | nindent 4 }}
    {{- with $sm.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- $annotations := merge (deepCopy $sm.annotations) .context.Values.commonAnnotations }}
  {{- with $annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- with $sm.jobLabel }}
  jobLabel: {{ . }}
  {{- end }}
  namespaceSelector:
    matchNames:
      - {{ include "genesys-bridge.namespace" .context }}
  selector:
    matchLabels:
      {{- include "genesys-bridge.selectorLabels" (dict "context" .context "component" .name) | nindent 6 }}
      app.kubernetes.io/subcomponent: metrics
  endpoints:
    - port: management
      path: /actuator/prometheus
      {{- with $sm.interval }}
      interval: {{ . }}
      {{- end }}
      {{- with $sm.scrapeTimeout }}
      scrapeTimeout: {{ . }}
      {{- end }}
      honorLabels: {{ $sm.honorLabels }}
      {{- with $sm.relabelings }}
      relabelings:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $sm.metricRelabelings }}
      metricRelabelings:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end }}
{{- end -}}

{{/*
NetworkPolicy; also takes "peers" (YAML list of extra sources allowed on the HTTP port, e.g. the
console for the processor) and "egress" (YAML list of component-specific egress rules).
*/}}
{{- define "genesys-bridge.component.networkPolicy" -}}
{{- $ctx := .context -}}
{{- $np := .values.networkPolicy -}}
{{- $ports := .values.containerPorts -}}
{{- if $np.enabled }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  {{- include "genesys-bridge.component.metadata" . | nindent 2 }}
spec:
  podSelector:
    matchLabels:
      {{- include "genesys-bridge.selectorLabels" (dict "context" $ctx "component" .name) | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  ingress:
    {{- if $np.allowExternal }}
    - ports:
        - port: {{ $ports.http }}
        - port: {{ $ports.management }}
    {{- else }}
    - ports:
        - port: {{ $ports.http }}
      from:
        - podSelector:
            matchLabels:
              {{ include "genesys-bridge.clientLabel" $ctx }}: "true"
        {{- with .peers }}
        {{- . | nindent 8 }}
        {{- end }}
        {{- if or $np.ingressNSMatchLabels $np.ingressNSPodMatchLabels }}
        - namespaceSelector:
            matchLabels:
              {{- toYaml (default (dict) $np.ingressNSMatchLabels) | nindent 14 }}
          {{- with $np.ingressNSPodMatchLabels }}
          podSelector:
            matchLabels:
              {{- toYaml . | nindent 14 }}
          {{- end }}
        {{- end }}
    {{- if or $np.metricsNSMatchLabels $np.metricsPodMatchLabels }}
    - ports:
        - port: {{ $ports.management }}
      from:
        - namespaceSelector:
            matchLabels:
              {{- toYaml (default (dict) $np.metricsNSMatchLabels) | nindent 14 }}
          {{- with $np.metricsPodMatchLabels }}
          podSelector:
            matchLabels:
              {{- toYaml . | nindent 14 }}
          {{- end }}
    {{- end }}
    {{- end }}
    {{- with $np.extraIngress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  egress:
    {{- if $np.allowExternalEgress }}
    - {}
    {{- else }}
    - ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
    - ports:
        - port: {{ $ctx.Values.externalRabbitmq.port }}
        {{- include "genesys-bridge.redisEgressPorts" $ctx | trim | nindent 8 }}
    {{- with .egress }}
    {{- . | nindent 4 }}
    {{- end }}
    {{- end }}
    {{- with $np.extraEgress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- end }}
{{- end -}}

{{/* Redis ports for egress rules: the server port, or every distinct Sentinel port. */}}
{{- define "genesys-bridge.redisEgressPorts" -}}
{{- $redis := .Values.externalRedis -}}
{{- if $redis.sentinel.enabled -}}
{{- $ports := list -}}
{{- range $redis.sentinel.nodes -}}
{{- $ports = append $ports (last (splitList ":" .)) -}}
{{- end -}}
{{- $ports = append $ports "6379" -}}
{{- range $ports | uniq }}
- port: {{ . }}
{{- end }}
{{- else }}
- port: {{ $redis.port }}
{{- end }}
{{- end -}}
