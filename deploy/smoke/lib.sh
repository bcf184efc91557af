#!/usr/bin/env bash
# Shared by the smoke checks in deploy/smoke/*: end-to-end calls through the gateway of the running local stack
# (deploy/local/up). Each check is an executable script named after what it checks; .ci/run runs them all in order.
set -euo pipefail
SMOKE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$SMOKE_DIR/../.." && pwd)"
GATEWAY="${GATEWAY_URL:-http://127.0.0.1:8080}"

# new_key [SCOPE...]: creates a fresh user and an API key for it with the incident-service CLI; prints the key.
# Without scopes the key gets every data scope.
new_key() {
  local email="smoke-$(date +%s%N)-$RANDOM@example.com" user_json user_id scopes=()
  user_json=$("$ROOT_DIR/deploy/local/ops" incident-service user create --email "$email" --name smoke --json)
  user_id=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' <<<"$user_json")
  for scope in "$@"; do scopes+=(--scope "$scope"); done
  "$ROOT_DIR/deploy/local/ops" incident-service api create --user-id "$user_id" --name smoke "${scopes[@]}" --json |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["apiKey"])'
}

# call KEY METHOD PATH [BODY] [EXTRA CURL ARGS...]: prints "<status>\n<body>"; never fails on an HTTP error status.
call() {
  local key=$1 method=$2 path=$3 body=${4:-}
  shift $(($# < 4 ? $# : 4))
  local args=(-sS -m 30 -X "$method" -H "X-API-Key: $key" -w '\n%{http_code}' "$@")
  [[ -n "$body" ]] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
  local out
  out=$(curl "${args[@]}" "$GATEWAY$path")
  printf '%s\n%s\n' "${out##*$'\n'}" "${out%$'\n'*}"
}

# expect_status WANT "<call output>" WHAT: fails the check unless the call answered WANT.
expect_status() {
  local want=$1 got
  got=$(head -n 1 <<<"$2")
  [[ "$got" == "$want" ]] || { echo "FAILED: $3: got $got, want $want"; tail -n +2 <<<"$2" | head -c 2000; echo; exit 1; }
  echo "ok: $3 ($got)"
}

# body_of "<call output>": the response body.
body_of() { tail -n +2 <<<"$1"; }

# json_field FIELD <<<json: one top-level field of a JSON document (empty when absent), or a python3 expression on the
# document `d` starting with d[: json_field 'd["items"][0]["id"]'.
json_field() { python3 -c "import json,sys; d=json.load(sys.stdin); v=eval(sys.argv[1]) if sys.argv[1].startswith('d[') else d.get(sys.argv[1]); print('' if v is None else v if not isinstance(v,(dict,list)) else json.dumps(v))" "$1"; }
