#!/bin/sh
# Install the Debian packages listed for a step in tools/debian-packages.txt when they are missing.
# Usage: tools/debian-packages.sh site|test   (test includes site)
# As root with apt-get (this project's machines, CI, a fresh Debian) it installs them; otherwise it
# names the missing packages and the command to install them, and fails.
set -eu
step=${1:?usage: tools/debian-packages.sh site|test}
list="$(dirname "$0")/debian-packages.txt"
case $step in
  site) pattern='^site:' ;;
  test) pattern='^(site|test):' ;;
  *) echo "tools/debian-packages.sh: unknown step '$step' (use site or test)" >&2; exit 2 ;;
esac
wanted=$(grep -E "$pattern" "$list" | sed -e 's/#.*//' -e 's/^[a-z]*: *//' -e 's/ *$//' | tr ' ' ':')
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian system: make sure these (or your system's equivalents) are installed: $(echo $wanted | sed 's/:[^ ]*//g')"
  exit 0
fi
missing=""
for entry in $wanted; do
  pkg=${entry%%:*}; cmd=${entry#*:}
  [ "$cmd" != "$entry" ] && command -v "$cmd" >/dev/null 2>&1 && continue
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = installed ] || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "Please install these Debian packages first:$missing"
  echo "  sudo apt-get install$missing"
  exit 1
fi
