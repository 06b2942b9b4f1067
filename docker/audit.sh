#!/usr/bin/env bash
# The auditor's command line (no running backend needed for the offline checks):
#   docker/audit.sh verify-proof event-42-proof.json ca.pem
#   docker/audit.sh verify-checkpoints ./ledger-checkpoints ca.pem
#   docker/audit.sh verify http://localhost:8081 auditor 'Demo@2026'
# ca.pem: GET /api/signing/trust-anchors.pem (or the CA you trust). Exit code 0 = everything holds.
set -euo pipefail
jar=$(ls "$(dirname "$0")"/../backend/target/backend-*-exec.jar 2>/dev/null | head -1)
if [ -z "$jar" ]; then
  echo "Build first: mvn -q install -DskipTests" >&2; exit 2
fi
exec java -Dloader.main=org.ecabinet.audit.AuditCommandLine -cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher "$@"
