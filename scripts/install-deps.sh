#!/usr/bin/env bash
# Installs everything pyro2cpp needs to build, test and benchmark, from Debian 12 packages.
# Idempotent and quiet when all is present; run as root (or with sudo available).
set -euo pipefail

packages=(
  g++ cmake make ninja-build git
  libboost-fiber-dev libboost-context-dev
  libfmt-dev
  catch2
  clang-14 libclang-14-dev libclang-cpp14-dev llvm-14-dev
  clang-format-14
  gdb
  golang-go
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root (or sudo) to install: ${missing[*]}" >&2; exit 2; }
  sudo=sudo
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
