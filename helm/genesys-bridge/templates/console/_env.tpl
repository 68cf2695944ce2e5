{{/*
The console's own environment: each user's BCrypt hash from the Secret (configmap.yaml refers
to them as ${CONSOLE_USER_<i>_PASSWORD_HASH}) and the processor's REST API address.
*/}}
{{- define "genesys-bridge.console.env" -}}
- name: GENESYS_BRIDGE_PROCESSOR_URL
  value: {{ printf "http://%s:%v" (include "genesys-bridge.processor.fullname" .) .Values.processor.service.ports.http | quote }}
{{- $secret := include "genesys-bridge.console.secretName" . }}
{{- range $i, $u := .Values.console.auth.users }}
- name: {{ printf "CONSOLE_USER_%d_PASSWORD_HASH" $i }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ include "genesys-bridge.user.passwordHashKey" $u }}
{{- end }}
{{- end -}}
