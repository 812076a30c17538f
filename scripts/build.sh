#!/usr/bin/env bash
# Builds the native side (stub, tests) and the WebAssembly page, incrementally; and serves them.
# Sourced by ./portal.

JOBS="${PORTAL_JOBS:-$(nproc)}"

portal_build() {
    portal_build_native
    portal_build_web
}

portal_build_native() {
    say "building native (stub, backend, tests)"
    cmake --preset native >/dev/null
    cmake --build --preset native -j "$JOBS"
}

portal_build_web() {
    say "building the WebAssembly page"
    cmake --preset web >/dev/null
    cmake --build --preset web -j "$JOBS"
    portal_dist
}

# dist/: the static-host demo, as the web build assembles it in build/web/demo (target
# portal-demo): the page plus the backend core and the demo's data, with config.json saying "demo",
# so any static file server is enough (python3 -m http.server, in dist/).
portal_dist() {
    local dist="$PORTAL_ROOT/dist" staging="$PORTAL_ROOT/dist.tmp"
    rm -rf "$staging"
    cp -r "$DEMO_SITE" "$staging"
    rm -rf "$dist"
    mv "$staging" "$dist"
}

STUB="$PORTAL_ROOT/build/native/server-stub/portal-stub"
SITE="$PORTAL_ROOT/build/web/site"
DEMO_SITE="$PORTAL_ROOT/build/web/demo"

portal_serve() {
    local port=8080 bind=127.0.0.1 db="$PORTAL_ROOT/build/portal.db"
    local clock=()  # empty: the real time
    while [ $# -gt 0 ]; do
        case "$1" in
        --port) port="$2"; shift 2 ;;
        --bind) bind="$2"; shift 2 ;;
        --db) db="$2"; shift 2 ;;
        --now) clock=(--now "$2"); shift 2 ;;
        *) die "unknown option for run: $1 (use --port N, --bind ADDR, --db PATH, --now YYYY-MM-DDTHH:MM)" ;;
        esac
    done
    exec "$STUB" --port "$port" --bind "$bind" --db "$db" --static "$SITE" \
        --manuals "$PORTAL_ROOT/assets/manuals" "${clock[@]}"
}
