{{/*
The processor's own environment: the encryption key and each seeded tenant's OAuth credentials,
all from Secrets. configmap.yaml refers to the tenant variables as ${GENESYS_TENANT_<i>_...}.
*/}}
{{- define "genesys-bridge.processor.env" -}}
- name: APP_TENANTS_ENCRYPTIONKEY
  valueFrom:
    secretKeyRef:
      name: {{ include "genesys-bridge.encryption.secretName" . }}
      key: {{ .Values.encryption.existingSecretKey }}
{{- $secret := include "genesys-bridge.genesys.secretName" . }}
{{- range $i, $t := .Values.genesys.tenants }}
- name: {{ printf "GENESYS_TENANT_%d_CLIENT_ID" $i }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ include "genesys-bridge.tenant.clientIdKey" $t }}
- name: {{ printf "GENESYS_TENANT_%d_CLIENT_SECRET" $i }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ include "genesys-bridge.tenant.clientSecretKey" $t }}
{{- end }}
{{- end -}}
