#!/usr/bin/env bash
# Installs the system programs the test suite drives for real, if they are missing:
# tmux (the terminal checklist is tested by keystrokes), chromium (paperwork is rendered to PDF and
# screenshot by headless Chromium), poppler-utils (pdfinfo, pdftoppm and pdftotext check the printed
# pages), a font for Chromium to print with, and PostgreSQL's server (the tests start their own
# throwaway server to test the register on PostgreSQL; Debian keeps initdb and pg_ctl under
# /usr/lib/postgresql/VERSION/bin, not on PATH). Node.js runs the example service client
# (examples/service-client) that the tests drive, and autocannon for the service benchmark.
# Needs root (as on CI) or sudo.
set -euo pipefail
need=()
command -v tmux >/dev/null 2>&1 || need+=(tmux)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
{ command -v pdftoppm && command -v pdfinfo && command -v pdftotext; } >/dev/null 2>&1 || need+=(poppler-utils)
# The paperwork's HTML names DejaVu Sans first; without any font Chromium prints empty boxes.
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
postgres_server() {
    command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && return 0
    local bin
    for bin in /usr/lib/postgresql/*/bin; do
        [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ] && return 0
    done
    return 1
}
postgres_server || need+=(postgresql)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing system packages: ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
