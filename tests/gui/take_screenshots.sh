#!/bin/sh
# Screenshots of every view for docs/screenshots (light theme, fresh settings):
#   DISPLAY=:99 tests/gui/take_screenshots.sh BUILD_DIR DB OUT_DIR [LANG]
# DB is made by make_demo_db.sh with SPONSORDESK_TODAY set to the same day.
set -e
BUILD="$1"; DB="$2"; OUT="$3"; LANGUAGE_TAG="${4:-en}"
HOME_DIR=$(mktemp -d)/camille
mkdir -p "$HOME_DIR/Documents"
mkdir -p "$OUT"
for view in dashboard calendar bookings sponsors draft invoices reports; do
  HOME="$HOME_DIR" LANGUAGE="$LANGUAGE_TAG" GTK_THEME=Adwaita NO_AT_BRIDGE=1 \
    "$BUILD/src/gui/sponsordesk" --view "$view" "$DB" &
  pid=$!
  sleep 3
  suffix=""; [ "$LANGUAGE_TAG" != en ] && suffix="-$LANGUAGE_TAG"
  import -window root -crop 1400x900+0+0 +repage "$OUT/$view$suffix.png"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
rm -rf "$(dirname "$HOME_DIR")"
