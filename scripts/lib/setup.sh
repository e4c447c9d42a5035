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

# The suites whose threads meet, built and run under ThreadSanitizer (scripts/test).
HNTT_TSAN_SUITES='^(engine\..+|sip\..+|app\.(session_.+|store.*|recording_watchdog|job_queue|sip_calls|sip_abuse|browser_sites|source_policy))$'
HNTT_TSAN_DIR="$HNTT_ROOT/build/tsan"
HNTT_FUZZ_DIR="$HNTT_ROOT/build/fuzz"

# ThreadSanitizer cannot share a process with AddressSanitizer: a tree of its own, holding only
# the suites above (no benchmarks, no console, no widgets). Configured every time, so that the
# tree builds the suites scripts/test runs.
hntt_build_tsan_tree() {
    cmake -S "$HNTT_ROOT" -B "$HNTT_TSAN_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" -DHNTT_TSAN=ON \
        -DHNTT_WERROR=ON -DHNTT_BUILD_BENCH=OFF "-DHNTT_TEST_SUITES=$HNTT_TSAN_SUITES" >/dev/null
    cmake --build "$HNTT_TSAN_DIR" --parallel "$(nproc)" --target test_suites
}

# The fuzz targets: a tree of its own (clang, the fuzzer's sanitizers), building only them, never
# the console, the suites or the benchmarks. Configured every time.
hntt_build_fuzz_tree() {
    cmake -S "$HNTT_ROOT" -B "$HNTT_FUZZ_DIR" -G Ninja --no-warn-unused-cli -DCMAKE_BUILD_TYPE= \
        -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang -DHNTT_FUZZ=ON -DHNTT_WERROR=ON \
        -DHNTT_BUILD_TESTS=OFF -DHNTT_BUILD_BENCH=OFF >/dev/null
    cmake --build "$HNTT_FUZZ_DIR" --parallel "$(nproc)" --target fuzz_targets
}
