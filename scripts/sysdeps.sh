#!/usr/bin/env bash
# Install the Debian packages the tests need, when they are missing.
# As root: apt-get installs them. Otherwise: say exactly what is missing and how to get it.
# Usage: scripts/sysdeps.sh PACKAGE[:COMMAND] ...   (COMMAND is what proves it is installed)
set -u
missing=()
for spec in "$@"; do
  pkg=${spec%%:*}
  cmd=${spec#*:}
  [ "$cmd" = "$spec" ] && cmd=$pkg
  if ! command -v "$cmd" >/dev/null 2>&1 && ! dpkg -s "$pkg" >/dev/null 2>&1; then
    missing+=("$pkg")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "error: apt-get could not install: ${missing[*]}" >&2; exit 2; }
else
  echo "error: missing Debian packages: ${missing[*]} — run: sudo apt-get install ${missing[*]}" >&2
  exit 2
fi
