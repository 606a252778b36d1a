#!/usr/bin/env bash
# Fills a new database with the records the migration tests look for, through
# a real sponsordesk-cli of an earlier version (see README.md here).
#   record.sh CLI DATABASE [--invoices]
# --invoices (CLIs with schema version 3 or later) also issues an invoice,
# records a part payment and cancels a second invoice with a credit note.
set -euo pipefail
cli=$1
db=$2
invoices=${3:-}
[[ ! -e "$db" ]] || { echo "$db exists" >&2; exit 1; }
sd() { "$cli" --db "$db" "$@"; }
export SPONSORDESK_TODAY=2026-02-20

sd publisher set --name "Éditions du Matin SAS" --address $'1 rue de la Paix\n75002 Paris' \
  --siren 732829320 --vat-number FR44732829320
sd publication add --name "Le Brief" --slug brief --cadence mon,tue,wed,thu,fri
sd placement add --publication brief --code MAIN --name "Sponsor principal" --price 1500 \
  --heading "UN MOT DE NOTRE SPONSOR" --max-words 80
sd placement add --publication brief --code ANNONCES --name "Petites annonces" --price 150 --slots 4
sd issue plan --publication brief --from 2026-03-02 --to 2026-03-13 >/dev/null
sd issue set-draft --publication brief --date 2026-03-03 --text $'# Le Brief\n\n{{slot:MAIN}}\n\nBonne lecture.\n'
sd sponsor add --name Acme --category banque --siren 552100554
sd contact add --sponsor Acme --name "Marie Curie" --email marie@acme.example --role creative
sd sponsor add --name "Café Crème" --category café
main=$(sd book --sponsor Acme --publication brief --date 2026-03-03 --placement MAIN)
sd booking copy "$main" --text "**Acme**, la banque simple." --link https://acme.example/essai >/dev/null
sd booking status "$main" approved >/dev/null
sd book --sponsor "Café Crème" --publication brief --date 2026-03-04 --placement ANNONCES --hold-until 2026-03-01 >/dev/null
ads=$(sd book --sponsor Acme --publication brief --date 2026-03-05 --placement ANNONCES --price 120)

if [[ "$invoices" == "--invoices" ]]; then
  export SPONSORDESK_TODAY=2026-03-12
  sd invoice create --sponsor Acme --bookings "$main" >/dev/null
  sd invoice issue 1 --date 2026-03-06 >/dev/null  # a draft is named by its id
  sd invoice pay 2026-0001 --amount 500 --date 2026-03-10
  sd invoice create --sponsor Acme --bookings "$ads" >/dev/null
  sd invoice issue 2 --date 2026-03-09 >/dev/null
  sd invoice cancel 2026-0002 --date 2026-03-11 >/dev/null
fi
sd publication list >/dev/null  # the last connection closes: WAL checkpointed into the file
