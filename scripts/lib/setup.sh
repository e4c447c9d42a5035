#!/usr/bin/env bash
# Shared by scripts/run and scripts/test: install missing Debian packages, configure, build.
set -euo pipefail

HNTT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HNTT_PACKAGES_FILE="$HNTT_ROOT/scripts/debian-packages.txt"

hntt_install_missing_packages() {
    local wanted missing
    wanted=$(grep -v '^[[:space:]]*#' "$HNTT_PACKAGES_FILE" | awk 'NF { print $1 }')
    # One dpkg-query for all names keeps a second run instant.
    missing=$(for p in $wanted; do
        dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || echo "$p"
    done)
    [ -z "$missing" ] && return 0
    echo "==> Installing missing packages:" $missing
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
}

# hntt_build BUILD_DIR CMAKE_ARGS...
hntt_build() {
    local dir="$1"
    shift
    if [ ! -f "$dir/build.ninja" ]; then
        cmake -S "$HNTT_ROOT" -B "$dir" -G Ninja "$@"
    fi
    cmake --build "$dir" --parallel "$(nproc)"
}
