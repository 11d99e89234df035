#!/usr/bin/env bash
# Renders page 1 of the workbook (the Summary sheet) of a run on the shipped sample to
# docs/summary.png, as the README shows it. Needs the packaged jar, LibreOffice
# (soffice) and poppler-utils (pdftoppm).
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${EXCHANGE_JAR:-$PWD/target/exchange-reports.jar}"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -r input "$scratch/"
(cd "$scratch" && java -jar "$jar" run >/dev/null)
soffice --headless "-env:UserInstallation=file://$scratch/profile" --convert-to pdf --outdir "$scratch" \
	"$scratch/reports/exchange_report.xlsx" >/dev/null
pdftoppm -f 1 -l 1 -r 110 -png -singlefile "$scratch/exchange_report.pdf" docs/summary
echo "docs/summary.png"
