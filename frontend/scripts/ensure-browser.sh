#!/usr/bin/env bash
# Installs the system Chromium and the Noto CJK fonts the browser tests need, and
# only when they are missing (Debian/Ubuntu; as root or through sudo).
# Without the CJK fonts Chinese text renders as boxes in the screenshots.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
if ! dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed' &&
  ! ls /usr/share/fonts/opentype/noto/NotoSansCJK-*.ttc >/dev/null 2>&1; then
  need+=(fonts-noto-cjk)
fi

if [ ${#need[@]} -eq 0 ]; then
  echo "chromium and Noto CJK fonts are present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "need root (or sudo) to install: ${need[*]}" >&2
    exit 1
  fi
fi

echo "installing: ${need[*]}"
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${need[@]}"
