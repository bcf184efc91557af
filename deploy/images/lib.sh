# Shared by deploy/images/*: a private podman/buildah store (no daemon, nothing shared with the machine's own store)
# and the tools, installed from Debian packages when missing (these machines run the scripts as root).
# shellcheck shell=bash

IMAGES_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT_DIR=$(cd "$IMAGES_DIR/../.." && pwd)
IMAGE_STORE=${POLYSTORE_IMAGE_STORE:-/var/tmp/polystore-images}
STORE_FLAGS=(--root "$IMAGE_STORE/storage" --runroot "$IMAGE_STORE/run" --storage-driver overlay)
BASE_IMAGE=localhost/polystore/jre17-debian:bookworm
BASE_TAR="$IMAGE_STORE/jre17-base.tar"
# What `docker` is to Quarkus' Jib (quarkus.jib.docker-executable-name): podman on the private store.
PODMAN_AS_DOCKER="$IMAGE_STORE/podman-as-docker"
SERVICES=(gateway incident-service mandate-service session-service catalog-service payment-service)
# The services' default ports (deploy/local/lib.sh, deploy/k8s): quarkus-kubernetes reads quarkus.http.port and
# quarkus.management.port at build time, and five services take them from their config mapping (${port}), which the
# build cannot expand, so each image build names them.
declare -A API_PORT=([gateway]=8080 [incident-service]=8081 [mandate-service]=8082 [session-service]=8083
  [catalog-service]=8084 [payment-service]=8085)
VERSION=0.1.0-SNAPSHOT
mkdir -p "$IMAGE_STORE"

say() { printf '%s\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

need_tools() { # installs podman, buildah, runc, debootstrap, curl from Debian when one is missing
  local missing=()
  for tool in podman buildah debootstrap curl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  [[ -x /usr/sbin/runc ]] || missing+=(runc)
  ((${#missing[@]} == 0)) && return
  [[ $(id -u) == 0 ]] || fail "missing ${missing[*]}: apt-get install podman buildah runc debootstrap"
  say "installing ${missing[*]} (Debian)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    podman buildah runc debootstrap curl) >"$IMAGE_STORE/apt.log" 2>&1 || fail "apt-get install failed: $IMAGE_STORE/apt.log"
}

podman_() { podman "${STORE_FLAGS[@]}" "$@"; }

# podman run on these machines (cgroup v1 hybrid, restricted rlimits): runc instead of crun, explicit ulimits, host
# network (the app listens on a free loopback port).
PODMAN_RUN_FLAGS=(--runtime /usr/sbin/runc --ulimit nofile=1024:1024 --ulimit nproc=4096:4096 --network host)

write_podman_as_docker() {
  cat >"$PODMAN_AS_DOCKER" <<END
#!/bin/sh
exec podman ${STORE_FLAGS[*]} "\$@"
END
  chmod +x "$PODMAN_AS_DOCKER"
}
