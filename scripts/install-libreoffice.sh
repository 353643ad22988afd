#!/usr/bin/env bash
# Installs Debian's headless LibreOffice Writer: the reader tests export their DOCX fixtures to PDF
# with it (`soffice --headless --convert-to pdf`). Needs root and apt.
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "soffice not found and cannot apt-get it here: the PDF fixture tests will be skipped" >&2
  exit 0
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null
