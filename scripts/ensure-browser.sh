#!/usr/bin/env bash
# Playwright cannot download its own browsers here: use Debian's chromium and CJK fonts, installed once.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# Read the font list whole: with pipefail, `fc-list | grep -q` fails whenever grep stops reading early.
fonts=$(fc-list 2>/dev/null || true)
grep -qi "Noto Sans CJK" <<<"$fonts" || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  echo "正在安装浏览器测试所需的软件包：${need[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
