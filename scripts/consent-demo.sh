#!/usr/bin/env bash
# Gives consent and withdraws it through the terminal channel (piped input from consent-session.txt),
# then exports the consent events and verifies the audit trail. Uses a fresh database unless given one.
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-$(mktemp -d)/demo.db}"
dotnet build src/Bot -v quiet -nologo >/dev/null
dotnet run --no-build --project src/Bot -- chat --user demo --db "$db" < scripts/consent-session.txt
echo "--- consents export --format csv"
dotnet run --no-build --project src/Bot -- consents export --format csv --db "$db"
echo "--- audit verify"
dotnet run --no-build --project src/Bot -- audit verify --db "$db"
