#!/usr/bin/env bash
# Installs everything the portal needs, and only what is missing, so a second run is quick:
#   1. Debian packages (toolchains, libraries, Chromium, fonts);
#   2. Dear ImGui, pinned, from Debian's source package, unpacked into build/deps (never into git);
#   3. npm packages from the committed lockfile (playwright-core, which drives Debian's Chromium;
#      @redocly/cli, which lints the OpenAPI document).
# Sourced by ./portal; uses its helpers `say` and `root`.
set -euo pipefail

IMGUI_VERSION="1.90.1+ds-1"
IMGUI_DIR_NAME="imgui-1.90.1"

# Packages by the command or file that proves each is present, so we only call apt when needed.
# Format: "package|probe" where probe is a path that exists once the package is installed.
DEBIAN_PACKAGES=(
    "cmake|/usr/bin/cmake"
    "ninja-build|/usr/bin/ninja"
    "g++|/usr/bin/g++"
    "pkg-config|/usr/bin/pkg-config"
    "clang-format|/usr/bin/clang-format"
    "emscripten|/usr/bin/em++"
    "nlohmann-json3-dev|/usr/include/nlohmann/json.hpp"
    # portal-stub's HTTP server: Boost.Beast + Asio (header-only).
    "libboost-dev|/usr/include/boost/beast.hpp"
    # cpp-httplib: the HTTP client of the tests and of ./portal bench.
    "libcpp-httplib-dev|/usr/include/httplib.h"
    "libsqlite3-dev|/usr/include/sqlite3.h"
    "libsodium-dev|/usr/include/sodium.h"
    "zlib1g-dev|/usr/include/zlib.h"
    "libgtest-dev|/usr/include/gtest/gtest.h"
    "libbenchmark-dev|/usr/include/benchmark/benchmark.h"
    "chromium|/usr/bin/chromium"
    "fonts-roboto-unhinted|/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-Regular.ttf"
    "fonts-font-awesome|/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf"
    "fonts-dejavu-core|/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    "fonttools|/usr/bin/pyftsubset"
    "python3|/usr/bin/python3"
    "dpkg-dev|/usr/bin/dpkg-source"
    "xz-utils|/usr/bin/xz"
    "gnupg|/usr/bin/gpgv"
    "curl|/usr/bin/curl"
    # Sanitizer runtimes of g++ (scripts/sanitizers.sh); g++ normally brings them already.
    "libasan8|/usr/lib/x86_64-linux-gnu/libasan.so.8"
    "libubsan1|/usr/lib/x86_64-linux-gnu/libubsan.so.1"
    # ./portal fuzz (scripts/fuzz.sh): clang and its libFuzzer + sanitizer runtimes.
    "clang|/usr/bin/clang++"
    "libclang-rt-14-dev|/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a"
)

APT_UPDATED=0
apt_update_once() {
    if [ "$APT_UPDATED" = 0 ]; then
        say "apt-get update"
        root apt-get update -qq
        APT_UPDATED=1
    fi
}

install_debian_packages() {
    local missing=() entry
    for entry in "${DEBIAN_PACKAGES[@]}"; do
        [ -e "${entry#*|}" ] || missing+=("${entry%%|*}")
    done
    # Node.js and npm: any install satisfies us (some machines carry a newer Node from elsewhere).
    command -v node >/dev/null || missing+=(nodejs)
    command -v npm >/dev/null || missing+=(npm)
    if [ ${#missing[@]} -gt 0 ]; then
        apt_update_once
        say "installing Debian packages: ${missing[*]}"
        DEBIAN_FRONTEND=noninteractive root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

# Dear ImGui is in no binary package; Debian's source package carries it (DESIGN.md). apt checks the
# signed Release file and the .dsc's hashes before dpkg-source unpacks it.
install_imgui() {
    local deps="$PORTAL_ROOT/build/deps"
    [ -f "$deps/$IMGUI_DIR_NAME/imgui.h" ] && return 0
    local list=/etc/apt/sources.list.d/portal-debian-trixie-src.sources
    if [ ! -f "$list" ]; then
        say "adding Debian trixie deb-src entries (only for Dear ImGui's source package)"
        root tee "$list" >/dev/null <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
        APT_UPDATED=0
    fi
    apt_update_once
    mkdir -p "$deps/imgui-src"
    say "fetching Dear ImGui $IMGUI_VERSION (Debian source package)"
    (cd "$deps/imgui-src" && apt-get source --download-only "imgui=$IMGUI_VERSION" >/dev/null 2>&1) ||
        die "could not download the Debian source package imgui=$IMGUI_VERSION"
    rm -rf "${deps:?}/$IMGUI_DIR_NAME.tmp"
    mkdir -p "$deps/$IMGUI_DIR_NAME.tmp"
    tar -xJf "$deps"/imgui-src/imgui_*.orig.tar.xz -C "$deps/$IMGUI_DIR_NAME.tmp" --strip-components=1
    [ -f "$deps/$IMGUI_DIR_NAME.tmp/imgui.h" ] || die "the imgui source package has no imgui.h"
    mv "$deps/$IMGUI_DIR_NAME.tmp" "$deps/$IMGUI_DIR_NAME"
}

install_npm_packages() {
    local stamp="$PORTAL_ROOT/node_modules/.portal-lock-stamp"
    if [ -f "$stamp" ] && cmp -s "$stamp" "$PORTAL_ROOT/package-lock.json"; then
        return 0
    fi
    say "installing npm packages from package-lock.json"
    # Trust the system's certificate store too (where a machine's own CAs are installed).
    (cd "$PORTAL_ROOT" &&
        NODE_EXTRA_CA_CERTS="${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}" \
            npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
    cp "$PORTAL_ROOT/package-lock.json" "$stamp"
}

portal_setup() {
    install_debian_packages
    install_imgui
    install_npm_packages
}
