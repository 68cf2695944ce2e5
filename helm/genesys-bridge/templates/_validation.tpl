{{/*
validateValues: every check prints "block: message" or nothing; validation.yaml fails the
render with all messages at once, so a bad install never reaches the cluster.
*/}}
{{- define "genesys-bridge.validateValues" -}}
{{- $messages := list -}}
{{- $messages = append $messages (include "genesys-bridge.validateValues.encryption" .) -}}
{{- $messages = append $messages (include "genesys-bridge.validateValues.rabbitmq" .) -}}
{{- $messages = append $messages (include "genesys-bridge.validateValues.redis" .) -}}
{{- $messages = append $messages (include "genesys-bridge.validateValues.tenants" .) -}}
{{- $messages = append $messages (include "genesys-bridge.validateValues.component" (dict "name" "processor" "component" .Values.processor)) -}}
{{- $messages = append $messages (include "genesys-bridge.validateValues.keda" .) -}}
{{- if .Values.console.enabled -}}
{{- $messages = append $messages (include "genesys-bridge.validateValues.component" (dict "name" "console" "component" .Values.console)) -}}
{{- $messages = append $messages (include "genesys-bridge.validateValues.users" .) -}}
{{- end -}}
{{- $messages = without $messages "" -}}
{{- $message := join "\n" $messages -}}
{{- if $message -}}
{{- printf "\nVALUES VALIDATION:\n%s" $message | fail -}}
{{- end -}}
{{- end -}}

{{/* Whether a value is a TCP port (1-65535); answers "true" or nothing. */}}
{{- define "genesys-bridge.validPort" -}}
{{- if and (kindIs "float64" .) (eq (float64 (int .)) .) (ge (int .) 1) (le (int .) 65535) -}}
true
{{- else if and (kindIs "int64" .) (ge (int .) 1) (le (int .) 65535) -}}
true
{{- else if and (kindIs "int" .) (ge . 1) (le . 65535) -}}
true
{{- end -}}
{{- end -}}

{{- define "genesys-bridge.validateValues.encryption" -}}
{{- $e := .Values.encryption -}}
{{- if and (not $e.existingSecret) (not $e.key) -}}
{{- print "encryption: set encryption.key (openssl rand -base64 32) or encryption.existingSecret" -}}
{{- else if and (not $e.existingSecret) (not (regexMatch "^[A-Za-z0-9+/]{43}=$" $e.key)) -}}
{{- print "encryption: encryption.key must be the base64 of exactly 32 bytes (openssl rand -base64 32)" -}}
{{- end -}}
{{- end -}}

{{- define "genesys-bridge.validateValues.rabbitmq" -}}
{{- $r := .Values.externalRabbitmq -}}
{{- $messages := list -}}
{{- if not $r.host -}}
{{- $messages = append $messages "externalRabbitmq: externalRabbitmq.host is required" -}}
{{- end -}}
{{- if not (include "genesys-bridge.validPort" $r.port) -}}
{{- $messages = append $messages (printf "externalRabbitmq: invalid port %v (1-65535)" $r.port) -}}
{{- end -}}
{{- if and (not $r.existingSecret) (not $r.password) -}}
{{- $messages = append $messages "externalRabbitmq: set externalRabbitmq.password or externalRabbitmq.existingSecret" -}}
{{- end -}}
{{- join "\n" $messages -}}
{{- end -}}

{{- define "genesys-bridge.validateValues.redis" -}}
{{- $r := .Values.externalRedis -}}
{{- $messages := list -}}
{{- if $r.sentinel.enabled -}}
{{- if or (not $r.sentinel.master) (not $r.sentinel.nodes) -}}
{{- $messages = append $messages "externalRedis: sentinel needs externalRedis.sentinel.master and at least one of externalRedis.sentinel.nodes" -}}
{{- end -}}
{{- range $r.sentinel.nodes -}}
{{- if not (regexMatch "^[^:\\s]+:[0-9]{1,5}$" .) -}}
{{- $messages = append $messages (printf "externalRedis: sentinel node %q is not host:port" .) -}}
{{- end -}}
{{- end -}}
{{- else -}}
{{- if not $r.host -}}
{{- $messages = append $messages "externalRedis: externalRedis.host is required" -}}
{{- end -}}
{{- if not (include "genesys-bridge.validPort" $r.port) -}}
{{- $messages = append $messages (printf "externalRedis: invalid port %v (1-65535)" $r.port) -}}
{{- end -}}
{{- end -}}
{{- join "\n" $messages -}}
{{- end -}}

{{- define "genesys-bridge.validateValues.tenants" -}}
{{- $existing := .Values.genesys.existingSecret -}}
{{- $messages := list -}}
{{- $ids := list -}}
{{- range $i, $t := .Values.genesys.tenants -}}
{{- if not $t.id -}}
{{- $messages = append $messages (printf "genesys: genesys.tenants[%d] has no id" $i) -}}
{{- else -}}
{{- if has $t.id $ids -}}
{{- $messages = append $messages (printf "genesys: tenant id %q is listed twice" $t.id) -}}
{{- end -}}
{{- $ids = append $ids $t.id -}}
{{- if not (regexMatch "^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$" (default "mypurecloud.com" $t.region)) -}}
{{- $messages = append $messages (printf "genesys: tenant %q region %q is not a Genesys region domain such as mypurecloud.ie" $t.id $t.region) -}}
{{- end -}}
{{- if not $t.integrationIds -}}
{{- $messages = append $messages (printf "genesys: tenant %q needs at least one of integrationIds" $t.id) -}}
{{- end -}}
{{- if and (not $existing) (or (not $t.clientId) (not $t.clientSecret)) -}}
{{- $messages = append $messages (printf "genesys: tenant %q needs clientId and clientSecret, or set genesys.existingSecret" $t.id) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- join "\n" $messages -}}
{{- end -}}

{{- define "genesys-bridge.validateValues.users" -}}
{{- $existing := .Values.console.auth.existingSecret -}}
{{- $messages := list -}}
{{- range $i, $u := .Values.console.auth.users -}}
{{- if not $u.username -}}
{{- $messages = append $messages (printf "console: console.auth.users[%d] has no username" $i) -}}
{{- else if and (not $existing) (not (regexMatch "^(\\{bcrypt\\})?\\$2[aby]?\\$[0-9]{2}\\$[./A-Za-z0-9]{53}$" (default "" $u.passwordHash))) -}}
{{- $messages = append $messages (printf "console: user %q needs a BCrypt passwordHash, or set console.auth.existingSecret" $u.username) -}}
{{- end -}}
{{- end -}}
{{- join "\n" $messages -}}
{{- end -}}

{{/* Replicas, autoscaling, PDB and ports of one component; pass (dict "name" "processor" "component" .Values.processor). */}}
{{- define "genesys-bridge.validateValues.component" -}}
{{- $name := .name -}}
{{- $c := .component -}}
{{- $hpa := $c.autoscaling.hpa -}}
{{- $keda := default (dict "enabled" false) $c.autoscaling.keda -}}
{{- $messages := list -}}
{{- if and (not $hpa.enabled) (not $keda.enabled) (lt (int $c.replicaCount) 1) -}}
{{- $messages = append $messages (printf "%s: %s.replicaCount must be at least 1 when autoscaling is disabled" $name $name) -}}
{{- end -}}
{{- if and $hpa.enabled $keda.enabled -}}
{{- $messages = append $messages (printf "%s: enable either %s.autoscaling.hpa or %s.autoscaling.keda, not both (KEDA manages its own HPA)" $name $name $name) -}}
{{- end -}}
{{- if and $hpa.enabled (or (lt (int $hpa.minReplicas) 1) (gt (int $hpa.minReplicas) (int $hpa.maxReplicas))) -}}
{{- $messages = append $messages (printf "%s: %s.autoscaling.hpa needs 1 <= minReplicas <= maxReplicas (got %v and %v)" $name $name $hpa.minReplicas $hpa.maxReplicas) -}}
{{- end -}}
{{- if and $keda.enabled (or (lt (int $keda.minReplicas) 1) (gt (int $keda.minReplicas) (int $keda.maxReplicas))) -}}
{{- $messages = append $messages (printf "%s: %s.autoscaling.keda needs 1 <= minReplicas <= maxReplicas (got %v and %v)" $name $name $keda.minReplicas $keda.maxReplicas) -}}
{{- end -}}
{{- if $c.pdb.create -}}
{{- $min := toString $c.pdb.minAvailable -}}
{{- if and $min (toString $c.pdb.maxUnavailable) -}}
{{- $messages = append $messages (printf "%s: set only one of %s.pdb.minAvailable and %s.pdb.maxUnavailable" $name $name $name) -}}
{{- else if and $min (not (hasSuffix "%" $min)) -}}
{{- $replicas := int (include "genesys-bridge.effectiveReplicas" (dict "component" $c)) -}}
{{- if ge (int $min) $replicas -}}
{{- $messages = append $messages (printf "%s: %s.pdb.minAvailable (%s) must be lower than the replicas (%d), or no pod could ever be evicted" $name $name $min $replicas) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- range $port, $value := $c.containerPorts -}}
{{- if not (include "genesys-bridge.validPort" $value) -}}
{{- $messages = append $messages (printf "%s: invalid port %s.containerPorts.%s=%v (1-65535)" $name $name $port $value) -}}
{{- end -}}
{{- end -}}
{{- range $port, $value := $c.service.ports -}}
{{- if not (include "genesys-bridge.validPort" $value) -}}
{{- $messages = append $messages (printf "%s: invalid port %s.service.ports.%s=%v (1-65535)" $name $name $port $value) -}}
{{- end -}}
{{- end -}}
{{- if eq (toString $c.containerPorts.http) (toString $c.containerPorts.management) -}}
{{- $messages = append $messages (printf "%s: %s.containerPorts.http and .management must differ (the actuator runs on its own port)" $name $name) -}}
{{- end -}}
{{- if and $c.ingress.enabled (not $c.ingress.hostname) -}}
{{- $messages = append $messages (printf "%s: %s.ingress.hostname is required when the Ingress is enabled" $name $name) -}}
{{- end -}}
{{- join "\n" $messages -}}
{{- end -}}

{{- define "genesys-bridge.validateValues.keda" -}}
{{- $keda := .Values.processor.autoscaling.keda -}}
{{- if and $keda.enabled (not $keda.queueName) -}}
{{- print "processor: processor.autoscaling.keda.queueName (the RabbitMQ queue to watch) is required with KEDA" -}}
{{- end -}}
{{- end -}}
