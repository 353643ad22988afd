#!/usr/bin/env bash
# Installs Debian's headless LibreOffice Writer: it converts .doc, .rtf and .odt reports to DOCX,
# writes `muniflow compile --pdf`, and the reader tests export their DOCX fixtures to PDF with it.
# Needs root and apt.
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "soffice not found and cannot apt-get it here: .doc/.rtf/.odt files will be quarantined" \
    "and the tests that need it skipped (install libreoffice-writer-nogui to enable)" >&2
  exit 0
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null
