#!/usr/bin/env bash
# Install the Debian packages the test suite needs, if any are missing (needs root or sudo).
set -euo pipefail
# dbus, libnotify-bin (notify-send) and libglib2.0-bin (gdbus): a private bus and real senders
# for the notification and capture tests.
# The bundle check (tests/bundle/check_bundle.py): binutils for PyInstaller; Qt's xcb libraries,
# which PyInstaller copies into the bundle; Xvfb and trayer (a tray host) to show its tray icon.
packages=(desktop-file-utils appstream dbus libnotify-bin libglib2.0-bin libegl1 libgl1
          libfontconfig1 libxkbcommon0 libdbus-1-3 fonts-dejavu-core poppler-utils
          binutils xvfb xauth trayer x11-utils libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
          libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0
          libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
  echo "system-deps: please install: ${missing[*]} (apt-get install ${missing[*]})" >&2; exit 1
fi
echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
