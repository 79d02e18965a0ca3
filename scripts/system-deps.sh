#!/usr/bin/env bash
# Installs the system packages the tests need, with apt-get, only when something is missing.
#   chromium        Playwright's browser (npx playwright install cannot download here)
#   fonts-noto-cjk  without a CJK font every Chinese character renders as a box
#   postgresql      server 15 (/usr/lib/postgresql/15/bin), the second database the tests run on
#   poppler-utils   pdftoppm, pdffonts, to look at printed forms
#   libreoffice-writer-nogui  soffice, to print the generated .docx forms to PDF in tests
#   pgbackrest      point-in-time recovery of PostgreSQL, for the restore drill (scripts/pgbackrest-drill.sh)
# Idempotent: when everything is present it only checks (a few ms) and exits 0.
# Runs as root (CI); otherwise uses sudo when available, else says what to install and exits 1.
set -euo pipefail

PACKAGES=(chromium fonts-noto-cjk postgresql poppler-utils libreoffice-writer-nogui pgbackrest)

installed() {
  # "ii " = wanted install, status installed (dpkg -s alone also succeeds for removed-but-configured).
  [[ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null)" == "ii "* ]]
}

missing=()
for pkg in "${PACKAGES[@]}"; do
  installed "$pkg" || missing+=("$pkg")
done
# The postgresql meta package could point at another major version; the tests need 15.
if installed postgresql && [[ ! -x /usr/lib/postgresql/15/bin/initdb ]]; then
  missing+=(postgresql-15)
fi

if ((${#missing[@]} == 0)); then
  echo "system-deps: all present (${PACKAGES[*]})" >&2
  exit 0
fi

echo "system-deps: missing: ${missing[*]}" >&2

if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: apt-get not found; install these packages yourself: ${missing[*]}" >&2
  exit 1
fi

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    echo "system-deps: not root and sudo is unavailable (or needs a password)." >&2
    echo "system-deps: run as root:  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi

# Another apt/dpkg may be running (unattended upgrades, a parallel setup script): wait for its
# locks instead of failing. DPkg::Lock::Timeout covers the dpkg lock; the lists lock taken by
# `apt-get update` is waited for explicitly.
wait_for_lock() {
  local lock waited=0
  command -v fuser >/dev/null 2>&1 || return 0
  for lock in /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock /var/cache/apt/archives/lock; do
    while "${SUDO[@]}" fuser "$lock" >/dev/null 2>&1; do
      if ((waited == 0)); then echo "system-deps: waiting for another apt/dpkg to release $lock ..." >&2; fi
      if ((waited >= 600)); then
        echo "system-deps: $lock still held after 600 s; giving up" >&2
        return 1
      fi
      sleep 2
      waited=$((waited + 2))
    done
  done
}

APT_OPTS=(-o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)
export DEBIAN_FRONTEND=noninteractive

wait_for_lock
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${APT_OPTS[@]}" update -q
wait_for_lock
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${APT_OPTS[@]}" install -y -q --no-install-recommends "${missing[@]}"

still=()
for pkg in "${missing[@]}"; do installed "$pkg" || still+=("$pkg"); done
if ((${#still[@]} > 0)); then
  echo "system-deps: still missing after apt-get install: ${still[*]}" >&2
  exit 1
fi
echo "system-deps: installed ${missing[*]}" >&2
