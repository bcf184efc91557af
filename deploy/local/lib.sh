# Shared by deploy/local/*: where things live, which ports they use, and small helpers.
# Local-only credentials: these servers listen on 127.0.0.1 and hold throw-away development data.
# shellcheck shell=bash

LOCAL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT_DIR=$(cd "$LOCAL_DIR/../.." && pwd)
DATA_DIR="$LOCAL_DIR/.data"
RUN_DIR="$LOCAL_DIR/.run"
LOG_DIR="$RUN_DIR/logs"
mkdir -p "$DATA_DIR" "$RUN_DIR" "$LOG_DIR"

STORES=(mariadb postgres redis neo4j)
declare -A STORE_PORT=([mariadb]=13306 [postgres]=15432 [redis]=16379 [neo4j]=17687)
declare -A STORE_HEAP=([mariadb]=96m [postgres]=256m [redis]=64m [neo4j]=768m)
declare -A STORE_DATABASES=(
  [mariadb]="incidents:incidents:incidents-local,payments:payments:payments-local"
  [postgres]="mandates:mandates:mandates-local"
)

# Services with a picocli ops command line (deploy/local/ops).
OPS_SERVICES=(incident-service gateway catalog-service payment-service session-service mandate-service)

SERVICES=(incident-service mandate-service session-service catalog-service payment-service gateway)
declare -A SERVICE_PORT=([gateway]=8080 [incident-service]=8081 [mandate-service]=8082
  [session-service]=8083 [catalog-service]=8084 [payment-service]=8085)
# Management interface of each service (/q/health, /q/metrics, /q/openapi; the gateway's detailed /health).
declare -A MANAGEMENT_PORT=([gateway]=9080 [incident-service]=9081 [mandate-service]=9082
  [session-service]=9083 [catalog-service]=9084 [payment-service]=9085)

# The gateway's identity key pair: made on first run by devstack's IdentityKeyPair, kept with the local data.
IDENTITY_DIR="$DATA_DIR/identity"
IDENTITY_PRIVATE_KEY="$IDENTITY_DIR/identity-private.pem"
IDENTITY_PUBLIC_KEY="$IDENTITY_DIR/identity-public.pem"

# Environment each service runs with: the variable names operators already use. The five services listen on loopback
# only (API and management): nothing but the gateway and this machine's operator reaches them.
service_env() {
  if [[ $1 == gateway ]]; then
    echo "GATEWAY_IDENTITY_PRIVATE_KEY=$IDENTITY_PRIVATE_KEY QUARKUS_MANAGEMENT_HOST=127.0.0.1"
  else
    echo "IDENTITY_PUBLIC_KEYS=$IDENTITY_PUBLIC_KEY QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_HOST=127.0.0.1"
  fi
  case "$1" in
    incident-service) echo "DB_HOST=127.0.0.1 DB_PORT=13306 DB_NAME=incidents DB_USER=incidents DB_PASSWORD=incidents-local" ;;
    payment-service) echo "DB_HOST=127.0.0.1 DB_PORT=13306 DB_NAME=payments DB_USER=payments DB_PASSWORD=payments-local REDIS_URL=redis://127.0.0.1:16379" ;;
    mandate-service) echo "POSTGRES_HOST=127.0.0.1 POSTGRES_PORT=15432 POSTGRES_DB=mandates POSTGRES_USER=mandates POSTGRES_PASSWORD=mandates-local SECRET_KEY=local-throwaway-mandate-secret-key-not-for-production WEBHOOK_ALLOW_PRIVATE_TARGETS=true" ;;
    # session-service signs its archive hand-overs to mandate-service's /internal/** with the local identity private
    # key (see session-service/README.md, "Trust boundary"); SESSION_TTL from the caller's environment (e.g. 20s to
    # watch idle sessions being archived), else the default 1h.
    session-service) echo "REDIS_URL=redis://127.0.0.1:16379 MANDATE_SERVICE_URL=http://127.0.0.1:8082 CATALOG_SERVICE_URL=http://127.0.0.1:8084 GATEWAY_IDENTITY_PRIVATE_KEY=$IDENTITY_PRIVATE_KEY${SESSION_TTL:+ SESSION_TTL=$SESSION_TTL}" ;;
    catalog-service) echo "NEO4J_URI=bolt://127.0.0.1:17687 NEO4J_USERNAME=neo4j NEO4J_PASSWORD=unused-auth-is-off-locally CATALOG_IMPORT_SAMPLE_AT_START=true" ;;
    gateway) echo "REDIS_URL=redis://127.0.0.1:16379 $(gateway_service_urls) RATE_LIMIT=true RATE_LIMIT_REQUESTS=100 RATE_LIMIT_PERIOD=3600 RATE_LIMIT_FAIL_MODE=open" ;;
  esac
}

# Where the gateway finds each service: <SERVICE>_SERVICE_URL (API port) and <SERVICE>_SERVICE_READINESS_URL
# (management port) for all five, from the port tables above, so a port changed there is changed for the gateway too.
gateway_service_urls() {
  local service name urls=()
  for service in "${SERVICES[@]}"; do
    [[ $service == gateway ]] && continue
    name=${service//-/_}
    name=${name^^}
    urls+=("${name}_URL=http://127.0.0.1:${SERVICE_PORT[$service]}"
      "${name}_READINESS_URL=http://127.0.0.1:${MANAGEMENT_PORT[$service]}/q/health/ready")
  done
  echo "${urls[*]}"
}

DEVSTACK_JAR="$ROOT_DIR/deploy/devstack/target/devstack-0.1.0-SNAPSHOT.jar"
DEVSTACK_LIB="$ROOT_DIR/deploy/devstack/target/lib"

say() { printf '%s\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

# pid_alive NAME: the process recorded for NAME is running.
pid_alive() {
  local file="$RUN_DIR/$1.pid"
  [[ -f "$file" ]] && kill -0 "$(cat "$file")" 2>/dev/null
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# stop_pid NAME [SECONDS]: SIGTERM the recorded process, wait for it, SIGKILL after the grace period.
stop_pid() {
  local name=$1 grace=${2:-30} file="$RUN_DIR/$1.pid" pid i
  [[ -f "$file" ]] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < grace * 10; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      say "  $name did not stop in ${grace}s; killing it"
      pkill -KILL -P "$pid" 2>/dev/null || true
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$file"
}

# http_get PORT PATH: prints the body of GET http://127.0.0.1:PORT/PATH; succeeds on a 2xx answer.
# Plain bash (/dev/tcp), so the scripts need nothing but a JDK and coreutils.
http_get() {
  local response status
  response=$(timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" && printf "GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n" "$2" >&3 && cat <&3' _ "$1" "$2" 2>/dev/null) || return 1
  status=$(head -n 1 <<<"$response" | cut -d ' ' -f 2)
  printf '%s' "${response#*$'\r\n\r\n'}"
  [[ $status == 2* ]]
}
