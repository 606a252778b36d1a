#!/bin/sh
# Fills a database with realistic data for screenshots and manual checks:
#   make_demo_db.sh CLI DB   (the month of $SPONSORDESK_TODAY, else the current one;
#   $DRAFT_DATE: the issue that gets a draft, default the first of the month)
set -e
CLI="$1"; DB="$2"
# A CLI given as a path relative to here (even without "./") works too: a
# bare name would otherwise be looked up on PATH.
case "$CLI" in /*) ;; *) [ -x "$CLI" ] && CLI="$PWD/$CLI" ;; esac
c() { "$CLI" --db "$DB" "$@"; }
M=$(echo "${SPONSORDESK_TODAY:-$(date +%Y-%m-%d)}" | cut -c1-7)
c publisher set --name "Les Éditions du Matin SAS" --address "12 rue des Lilas, 75011 Paris" --email factures@editionsdumatin.fr \
  --siren 443061841 --vat-number FR64443061841
c publication add --name "Le Brief du Matin" --slug brief --currency EUR --language fr --cadence mon,tue,wed,thu,fri
c placement add --publication brief --code main --name "Sponsor principal" --price 1500 --heading "UN MOT DE NOTRE SPONSOR" --max-words 80 --position 1
c placement add --publication brief --code classified --name "Petite annonce" --price 250 --heading "PETITES ANNONCES" --max-words 35 --slots 3 --position 2
c house-ad set --publication brief --placement main --text "Abonnez vos collègues au **Brief du Matin** : [c'est gratuit](https://brief.example/abo)."
c issue plan --publication brief --from "$M-01" --to "$(date -d "$M-01 +2 month" +%Y-%m-%d)"
i=0
for s in "Alan Studio:design" "Qonto Pro:banque" "Shine:banque" "Malt:freelance" "Doctolib Pro:santé" "Le Slip Français:mode" "Back Market:tech" "Alma:paiement" "Swile:rh" "PayFit:rh" "Pennylane:compta" "Ornikar:auto"; do
  name=${s%%:*}; cat=${s##*:}
  c sponsor add --name "$name" --category "$cat" --country FR >/dev/null
  c contact add --sponsor "$name" --name "Camille Martin" --email "camille@$(echo "$name" | tr -cd 'A-Za-z' | tr A-Z a-z).example" --role creative >/dev/null
done
dates=$(c issue list --publication brief --from "$M-01" --to "$(date -d "$M-01 +1 month -1 day" +%Y-%m-%d)" | awk '{print $2}' | grep -E '^[0-9]{4}-')
n=0
for d in $dates; do
  n=$((n+1))
  for sp in "Alan Studio" "Qonto Pro" "Malt" "Doctolib Pro" "Le Slip Français" "Back Market" "Alma" "Swile" "Pennylane" "Ornikar"; do :; done
  main=$(echo "Alan Studio|Qonto Pro|Malt|Doctolib Pro|Le Slip Français|Back Market|Alma|Swile|Pennylane|Ornikar" | cut -d'|' -f$(( (n % 10) + 1 )))
  case $((n % 5)) in
    0) c book --sponsor "$main" --publication brief --date "$d" --placement main --status hold >/dev/null 2>&1 || true ;;
    4) ;;
    *) id=$(c book --sponsor "$main" --publication brief --date "$d" --placement main 2>/dev/null) || id=""
       if [ -n "$id" ] && [ $((n % 3)) -ne 0 ]; then
         c booking copy "$id" --text "Avec **$main**, gagnez une heure par jour. Essai gratuit de 30 jours, sans carte bancaire." --link "https://example.com/$n" >/dev/null
         [ $((n % 2)) -eq 0 ] && c booking status "$id" approved >/dev/null
       fi ;;
  esac
  if [ $((n % 2)) -eq 1 ]; then
    c book --sponsor "Shine" --publication brief --date "$d" --placement classified >/dev/null 2>&1 || true
    c book --sponsor "Swile" --publication brief --date "$d" --placement classified --status hold >/dev/null 2>&1 || true
  fi
  [ $((n % 3)) -eq 0 ] && c book --sponsor "Pennylane" --publication brief --date "$d" --placement classified >/dev/null 2>&1 || true
done
# Invoices of the month: issued, one paid, one left as a draft.
for sp in "Shine" "Pennylane" "Alma"; do
  id=$(c --json invoice create --sponsor "$sp" --month "$M" | sed -n 's/.*"id": *\([0-9]*\).*/\1/p' | head -1)
  [ -n "$id" ] || continue
  [ "$sp" = Alma ] && continue
  c invoice issue "$id" --date "$M-01" >/dev/null
  [ "$sp" = Shine ] && c invoice pay "$id" --amount 500 --date "$M-01" >/dev/null
done
first=${DRAFT_DATE:-$(echo "$dates" | head -1)}
c issue set-draft --publication brief --date "$first" --text "# Le Brief du Matin n°{{issue_number}}

*{{issue_date}} — {{word_count}} mots, {{reading_time}} de lecture*

Bonjour ! Voici l'essentiel de l'actualité tech et éco de ce matin.

{{slot:main}}

## À la une

La BCE maintient ses taux ; les marchés saluent une **inflation** revenue sous les 2 %.

## En bref

- Les ventes de vélos électriques progressent de 12 % sur un an.
- Un nouveau câble sous-marin relie Marseille à Singapour.

{{slot:classified}}

À demain !" >/dev/null
echo "$DB ready"
