#!/usr/bin/env bash
# Installs Debian's Tesseract OCR with Russian, which reads scanned and photographed reports, and its
# orientation model (osd), which finds a page lying sideways or upside down.
# Needs root and apt.
set -euo pipefail
if command -v tesseract >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx rus && tesseract --list-langs 2>/dev/null | grep -qx osd; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "tesseract with Russian not found and cannot apt-get it here: scans and photos will be" \
    "quarantined and the OCR tests skipped (install tesseract-ocr tesseract-ocr-rus to enable)" >&2
  exit 0
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends tesseract-ocr tesseract-ocr-rus tesseract-ocr-osd poppler-utils >/dev/null
