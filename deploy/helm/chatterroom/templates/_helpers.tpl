{{/* Names and labels. Components: gateway, user-service, chat-service, monolith. */}}
{{- define "chatterroom.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "chatterroom.name" -}}
{{- printf "%s-%s" (include "chatterroom.fullname" .root) .component -}}
{{- end -}}

{{- define "chatterroom.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "chatterroom.labels" -}}
{{ include "chatterroom.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "chatterroom.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "chatterroom.secretName" -}}
{{- .Values.secrets.existingSecret | default (printf "%s-secrets" (include "chatterroom.fullname" .)) -}}
{{- end -}}

{{/* The headless Service of a gRPC service: its DNS name lists every ready pod, for round-robin. */}}
{{- define "chatterroom.headless" -}}
{{- printf "%s-headless" (include "chatterroom.name" .) -}}
{{- end -}}

{{- define "chatterroom.usersAddress" -}}
dns:///{{ include "chatterroom.headless" (dict "root" . "component" "user-service") }}:{{ .Values.userService.port }}
{{- end -}}

{{- define "chatterroom.chatAddress" -}}
dns:///{{ include "chatterroom.headless" (dict "root" . "component" "chat-service") }}:{{ .Values.chatService.port }}
{{- end -}}

{{/*
Environment variables naming the secret files a container reads: .keys maps a variable
(AMQP_URL) to its key in the Secret (amqp-url); each becomes <VARIABLE>_FILE.
*/}}
{{- define "chatterroom.secretFileEnv" -}}
{{- range $variable, $key := .keys }}
- name: {{ $variable }}_FILE
  value: /run/secrets/chatterroom/{{ $key }}
{{- end }}
{{- end -}}

{{/* The secret volume holding only the keys this container reads. */}}
{{- define "chatterroom.secretVolume" -}}
- name: secrets
  secret:
    secretName: {{ include "chatterroom.secretName" .root }}
    defaultMode: 0440
    items:
{{- range $variable, $key := .keys }}
      - key: {{ $key }}
        path: {{ $key }}
{{- end }}
{{- end -}}

{{/* Extra environment from values (name -> value), sorted by name. */}}
{{- define "chatterroom.extraEnv" -}}
{{- range $name, $value := . }}
- name: {{ $name }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- end -}}

{{/* gRPC TLS files: a cert-manager style Secret (tls.crt, tls.key, ca.crt) mounted at /run/secrets/grpc-tls. */}}
{{- define "chatterroom.grpcTlsVolume" -}}
- name: grpc-tls
  secret:
    secretName: {{ .secret }}
    defaultMode: 0440
{{- end -}}

{{- define "chatterroom.grpcServerTlsEnv" -}}
- name: GRPC_TLS_CERT_FILE
  value: /run/secrets/grpc-tls/tls.crt
- name: GRPC_TLS_KEY_FILE
  value: /run/secrets/grpc-tls/tls.key
{{- end -}}

{{- define "chatterroom.grpcClientTlsEnv" -}}
- name: GRPC_TLS_CLIENT_CERT_FILE
  value: /run/secrets/grpc-tls/tls.crt
- name: GRPC_TLS_CLIENT_KEY_FILE
  value: /run/secrets/grpc-tls/tls.key
{{- end -}}

{{- define "chatterroom.grpcCaEnv" -}}
- name: GRPC_TLS_CA_FILE
  value: /run/secrets/grpc-tls/ca.crt
{{- end -}}

{{/* A NetworkPolicy egress rule: to these peers (any when empty) on one TCP port. */}}
{{- define "chatterroom.egressRule" -}}
- ports:
    - protocol: TCP
      port: {{ .port }}
{{- with .to }}
  to:
{{ toYaml . | indent 4 }}
{{- end }}
{{- end -}}

{{/* Pod-level pieces every component shares. */}}
{{- define "chatterroom.podCommon" -}}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
{{ toYaml . | indent 2 }}
{{- end }}
securityContext:
{{ toYaml .Values.podSecurityContext | indent 2 }}
automountServiceAccountToken: false
{{- end -}}

{{/* Prometheus' scrape annotations for a pod serving GET /metrics on port `.` (its own port, never the HTTP one). */}}
{{- define "chatterroom.scrapeAnnotations" -}}
prometheus.io/scrape: "true"
prometheus.io/port: {{ . | quote }}
prometheus.io/path: /metrics
{{- end -}}
