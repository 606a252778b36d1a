#!/usr/bin/python3
r"""The French catalogue of the desktop application, resources/locale/fr/sponsordesk.po.

    resources/locale/update_po.py            extract src/gui's strings and rewrite the .po
    resources/locale/update_po.py --check    change nothing; exit 1 when a string of src/gui
                                             is missing from the .po, untranslated or fuzzy
                                             (CTest runs it: ctest -R '^po\.')

Strings are extracted with xgettext from src/gui/*.cpp and *.h, keywords _(),
wxPLURAL(singular, plural, n) and wxGETTEXT_IN_CONTEXT(context, text) (see
src/gui/gui_util.h), with the `// TRANSLATORS:` comments above them.

A string's French comes from FR (plain and plural strings) or FR_CTX (strings
with a context) below, the one place to review translations; failing that,
from the .po as it stands (so entries merged into the .po by hand survive a
rerun). Fuzzy entries are never taken over: review them, then add them to FR.
A string with no translation is written empty and listed on stderr, and the
check fails until it is translated. Rerunning the script is harmless.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

FR = {
    # No lost work, empty states, confirmations (issue 9).
    "The copy of this booking has changes that are not saved.": "Le texte de cette réservation a des modifications non enregistrées.",
    "Cancel the booking of %s in issue #%d of %s (%s, %s)?": "Annuler la réservation de %s dans le numéro %d du %s (%s, %s) ?",
    "Its slot becomes free for another sponsor and the booking can no longer be changed. This cannot be undone.":
        "Son emplacement redevient libre pour un autre annonceur et la réservation ne pourra plus être modifiée. C’est irréversible.",
    "It stays on invoice %s: cancel that invoice with a credit note if it should not be paid.":
        "Elle reste sur la facture %s : annulez cette facture par un avoir si elle ne doit pas être payée.",
    "Cancel the &Booking": "Annuler la &réservation",
    "&Keep It": "&La garder",
    "No mail program could be opened on this computer.\n\nCopy the reminder (recipient, subject and text) to the clipboard, to paste it into your mail?":
        "Aucun logiciel de messagerie n’a pu être ouvert sur cet ordinateur.\n\nCopier la relance (destinataire, objet et texte) dans le presse-papiers, pour la coller dans votre messagerie ?",
    "&Copy to Clipboard": "&Copier dans le presse-papiers",
    "Close": "Fermer",
    "To: %s": "À : %s",
    "Subject: %s": "Objet : %s",
    "No booking matches these filters: set Status and Publication to All, clear the sponsor and the dates.":
        "Aucune réservation ne correspond à ces filtres : choisissez Tous pour le statut et la publication, videz l’annonceur et les dates.",
    "No booking yet: click an open slot in the Calendar (Ctrl+1) to book it.":
        "Aucune réservation pour l’instant : cliquez sur un emplacement libre du calendrier (Ctrl+1) pour le réserver.",
    ("%zu issue in %s", "%zu issues in %s"): ("%zu numéro en %s", "%zu numéros en %s"),
    "No publication yet: create one with Publication ▸ New Publication.":
        "Aucune publication pour l’instant : créez-en une avec Publication ▸ Nouvelle publication.",
    "This publication has no placement yet: add one in Preferences ▸ Placements (Ctrl+7), then plan its issues with Publication ▸ Plan Issues.":
        "Cette publication n’a pas encore d’emplacement : ajoutez-en un dans Préférences ▸ Emplacements (Ctrl+7), puis planifiez ses numéros avec Publication ▸ Planifier les numéros.",
    "No issue planned in %s: plan issues with Publication ▸ Plan Issues, or go to another month.":
        "Aucun numéro prévu en %s : planifiez des numéros avec Publication ▸ Planifier les numéros, ou allez à un autre mois.",
    "This publication has no issue planned around today: plan its issues with Publication ▸ Plan Issues, then write each issue's draft here.":
        "Cette publication n’a aucun numéro prévu autour d’aujourd’hui : planifiez ses numéros avec Publication ▸ Planifier les numéros, puis rédigez ici le brouillon de chacun.",
    "The draft of issue #%d (%s) has changes that are not saved.":
        "Le brouillon du numéro %d (%s) a des modifications non enregistrées.",
    "Could not write the recovery copy of the draft in %s.": "Impossible d’écrire la copie de secours du brouillon dans %s.",
    "A recovery copy of the draft of issue #%d (%s) was found: it holds changes that were never saved, probably because SponsorDesk stopped unexpectedly.\n\nRestore it into the editor? You can then save it or discard it.":
        "Une copie de secours du brouillon du numéro %d (%s) a été trouvée : elle contient des modifications jamais enregistrées, sans doute parce que SponsorDesk s’est arrêté inopinément.\n\nLa restaurer dans l’éditeur ? Vous pourrez ensuite l’enregistrer ou l’abandonner.",
    "Recover Draft": "Récupérer le brouillon",
    "&Delete the Copy": "&Supprimer la copie",
    "Recovered draft restored: save it to keep it.": "Brouillon récupéré : enregistrez-le pour le conserver.",
    ("This issue has %zu warning: what is copied may not be ready to send to subscribers.",
     "This issue has %zu warnings: what is copied may not be ready to send to subscribers."):
        ("Ce numéro a %zu avertissement : ce qui est copié n’est peut-être pas prêt à être envoyé aux abonnés.",
         "Ce numéro a %zu avertissements : ce qui est copié n’est peut-être pas prêt à être envoyé aux abonnés."),
    "Copy Issue": "Copier le numéro",
    "Copy &Anyway": "Copier &quand même",
    "Cancel": "Annuler",
    "Nothing copied.": "Rien n’a été copié.",
    "“%s” is not a date: the date stays %s.": "« %s » n’est pas une date : la date reste %s.",
    "empty": "vide",
    "No sponsor yet: add one in the Sponsors view first.": "Aucun annonceur pour l’instant : ajoutez-en un d’abord dans la vue Annonceurs.",
    "Choose the sponsor to invoice.": "Choisissez l’annonceur à facturer.",
    "This sponsor has no booking to invoice: only confirmed bookings (or later) not yet invoiced can be.":
        "Cet annonceur n’a aucune réservation à facturer : seules les réservations confirmées (ou au-delà) pas encore facturées peuvent l’être.",
    "&Issue…": "É&mettre…",
    "Pre&view PDF": "A&perçu PDF",
    "The draft as a PDF marked \"not an invoice\", without a number":
        "Le brouillon en PDF marqué « pas une facture », sans numéro",
    "nothing outstanding": "rien à encaisser",
    "No sponsor yet: add sponsors in the Sponsors view and book their slots; invoices are made from their confirmed bookings.":
        "Aucun annonceur pour l’instant : ajoutez des annonceurs dans la vue Annonceurs et réservez leurs emplacements ; les factures se font à partir de leurs réservations confirmées.",
    "No invoice matches these filters: choose All to see every invoice.":
        "Aucune facture ne correspond à ces filtres : choisissez Tous pour voir toutes les factures.",
    "No invoice yet: click New Invoice… to invoice a sponsor's confirmed bookings.":
        "Aucune facture pour l’instant : cliquez sur Nouvelle facture… pour facturer les réservations confirmées d’un annonceur.",
    "Preview written to %s: it is not an invoice.": "Aperçu écrit dans %s : ce n’est pas une facture.",
    "The preview is in %s, but no application could open it.": "L’aperçu est dans %s, mais aucune application n’a pu l’ouvrir.",
    "Preview PDF": "Aperçu PDF",
    "Delete this draft invoice? It has no number yet, so nothing is owed; its bookings can be invoiced again.":
        "Supprimer ce brouillon de facture ? Il n’a pas encore de numéro, rien n’est donc dû ; ses réservations pourront être facturées à nouveau.",
    "Cancel invoice %s (%s)? A credit note for its full amount is issued today with the next credit note number, and its bookings can be invoiced again. This cannot be undone.":
        "Annuler la facture %s (%s) ? Un avoir de son montant total est émis aujourd’hui avec le prochain numéro d’avoir, et ses réservations pourront être facturées à nouveau. C’est irréversible.",
    "Delete Draft": "Supprimer le brouillon",
    "&Delete Draft": "&Supprimer le brouillon",
    "Issue Credit &Note": "Émettre l’&avoir",
    "Keep": "Garder",
    "Issue Invoice": "Émettre la facture",
    "Issue the draft invoice for %s (%s before VAT)?": "Émettre le brouillon de facture de %s (%s HT) ?",
    "Issue date:": "Date d’émission :",
    "Invoice number:": "Numéro de facture :",
    "Due date:": "Échéance :",
    "Once issued, an invoice keeps its number and can no longer be changed or deleted: only cancelled by a credit note.":
        "Une fois émise, une facture garde son numéro et ne peut plus être modifiée ni supprimée : seulement annulée par un avoir.",
    "&Issue Invoice": "É&mettre la facture",
    "&Save\tCtrl+S": "&Enregistrer\tCtrl+S",
    "Save the draft or the form being edited": "Enregistrer le brouillon ou le formulaire en cours",
    "&Preferences…": "&Préférences…",
    "The publisher profile has changes that are not saved.": "Le profil de l’éditeur a des modifications non enregistrées.",
    "No booking yet: reports will be empty until slots are booked in the Calendar (Ctrl+1).":
        "Aucune réservation pour l’instant : les rapports seront vides tant qu’aucun emplacement n’est réservé dans le calendrier (Ctrl+1).",
    "Saved %s: %s, %s.": "%s enregistré : %s, %s.",
    ("%lld sponsor", "%lld sponsors"): ("%lld annonceur", "%lld annonceurs"),
    ("Saved %s: %lld invoice or credit note.", "Saved %s: %lld invoices and credit notes."):
        ("%s enregistré : %lld facture ou avoir.", "%s enregistré : %lld factures et avoirs."),
    "The new sponsor is not saved yet.": "Le nouvel annonceur n’est pas encore enregistré.",
    "The changes to sponsor %s are not saved.": "Les modifications de l’annonceur %s ne sont pas enregistrées.",
    "No sponsor matches this search.": "Aucun annonceur ne correspond à cette recherche.",
    "No sponsor yet: fill in the form on the right and click Save to add the first one.":
        "Aucun annonceur pour l’instant : remplissez le formulaire à droite et cliquez sur Enregistrer pour ajouter le premier.",
    "Unsaved changes": "Modifications non enregistrées",
    "&Discard": "&Abandonner",
    "%s (category “%s”) has booking %lld in this issue.": "%s (catégorie « %s ») a la réservation %lld dans ce numéro.",
    "A sponsor in the category “%s” is already booked in this issue.":
        "Un annonceur de la catégorie « %s » est déjà réservé dans ce numéro.",
    "Not booked: %s": "Non réservé : %s",
    "Edit Publication": "Modifier la publication",
    "The slug cannot change: scripts and links use it.": "L’identifiant ne peut pas changer : scripts et liens l’utilisent.",
    "Save": "Enregistrer",
    "Edit Placement": "Modifier l’emplacement",
    "The code cannot change: drafts use it.": "Le code ne peut pas changer : les brouillons l’utilisent.",
    "List price (new bookings):": "Prix catalogue (nouvelles réservations) :",
    "Position in the issue:": "Position dans le numéro :",
    "Offered for new bookings": "Proposé aux nouvelles réservations",
    "Active:": "Actif :",
    "%d words — reading time %s": "%d mots — temps de lecture %s",
    "&Edit Publication…": "&Modifier la publication…",
    "Position": "Position",
    "Active": "Actif",
    "&Edit Placement…": "&Modifier l’emplacement…",
    "yes": "oui",
    "no": "non",
    "database file": "fichier de base de données",
    "Book a Slot": "Réserver un emplacement",
    "%s — issue #%d of %s — %s": "%s — numéro %d du %s — %s",
    "Search sponsors": "Rechercher un annonceur",
    "Sponsor:": "Annonceur :",
    "Price (%s):": "Prix (%s) :",
    "Status:": "Statut :",
    "Hold until:": "Option jusqu’au :",
    "Notes:": "Notes :",
    "Choose the sponsor to book.": "Choisissez l’annonceur à réserver.",
    "A competitor is already booked in this issue:\n%s\n\nBook anyway?":
        "Un concurrent est déjà réservé dans ce numéro :\n%s\n\nRéserver quand même ?",
    "Competitor in the Issue": "Concurrent dans le numéro",
    "Booking %lld": "Réservation %lld",
    "&Confirm": "&Confirmer",
    "&Approve Copy": "&Valider le texte",
    "Mark &Published": "Marquer &publiée",
    "Cancel &Booking": "&Annuler la réservation",
    "Send Copy &Reminder…": "&Relancer pour le texte…",
    "https://… (call-to-action link)": "https://… (lien de l’appel à l’action)",
    "&Save Copy": "&Enregistrer le texte",
    "Copy (Markdown: paragraphs, **bold**, *italic*, [links](url)):":
        "Texte (Markdown : paragraphes, **gras**, *italique*, [liens](url)) :",
    "Link:": "Lien :",
    "Cancel this booking? Its slot becomes free.": "Annuler cette réservation ? Son emplacement sera libéré.",
    "Cancel Booking": "Annuler la réservation",
    "%s — issue #%d of %s — %s (slot %d)": "%s — numéro %d du %s — %s (emplacement %d)",
    "Price: %s    Copy due: %s": "Prix : %s    Texte attendu le : %s",
    "Invoice: %s": "Facture : %s",
    "%s until %s": "%s jusqu’au %s",
    "Copy late": "Texte en retard",
    "%d / %d words": "%d / %d mots",
    ("%d word", "%d words"): ("%d mot", "%d mots"),
    "Copy not saved: %s": "Texte non enregistré. %s",
    "Nobody at this sponsor has an email address: add a contact first.":
        "Personne chez cet annonceur n’a d’adresse e-mail : ajoutez d’abord un contact.",
    "Could not open the mail program.": "Impossible d’ouvrir la messagerie.",
    " until %s": " jusqu’au %s",
    "(late)": "(en retard)",
    "All": "Tous",
    "Publication:": "Publication :",
    "Sponsor": "Annonceur",
    "From:": "Du :",
    "To:": "Au :",
    "No.": "N°",
    "Issue date": "Date du numéro",
    "Publication": "Publication",
    "Placement": "Emplacement",
    "Status": "Statut",
    "Price": "Prix",
    "Copy due": "Texte attendu",
    "Invoice": "Facture",
    "&Open…": "&Ouvrir…",
    "%zu sponsors match; showing %s.": "%zu annonceurs correspondent ; affichage de %s.",
    ("%lld booking", "%lld bookings"): ("%lld réservation", "%lld réservations"),
    "Booking %lld is now %s.": "La réservation %lld est maintenant : %s.",
    "Copy Reminder": "Relance pour le texte",
    "Previous": "Précédent",
    "Previous month (Page Up)": "Mois précédent (Ctrl+Page préc.)",
    "Next month (Page Down)": "Mois suivant (Ctrl+Page suiv.)",
    "Today": "Aujourd’hui",
    "Click an open slot to book it; double-click a booking to open it.":
        "Cliquez sur un emplacement libre pour le réserver ; double-cliquez sur une réservation pour l’ouvrir.",
    "Legend:": "Légende :",
    "open": "libre",
    "No publication.": "Aucune publication.",
    "No issue planned this month: use Publication ▸ Plan Issues.":
        "Aucun numéro prévu ce mois-ci : utilisez Publication ▸ Planifier des numéros.",
    "%zu issues in %s": "%zu numéros en %s",
    "Booking %lld made.": "Réservation %lld enregistrée.",
    "&Book This Slot…": "&Réserver cet emplacement…",
    "&Open Booking…": "&Ouvrir la réservation…",
    "New Publication": "Nouvelle publication",
    "Name:": "Nom :",
    "short-name, used in file names and links": "nom-court, utilisé dans les noms de fichiers et les liens",
    "Slug:": "Identifiant :",
    "French": "Français",
    "English": "Anglais",
    "Language:": "Langue :",
    "Currency:": "Devise :",
    "Sent on:": "Envoyée le :",
    "Reading speed (words/min):": "Vitesse de lecture (mots/min) :",
    "Copy due (days before issue):": "Texte attendu (jours avant le numéro) :",
    "Create": "Créer",
    "New Placement": "Nouvel emplacement",
    "e.g. main, classified": "p. ex. main, annonce",
    "Code:": "Code :",
    "printed above the copy": "imprimé au-dessus du texte",
    "Heading:": "Intitulé :",
    "List price:": "Prix catalogue :",
    "Maximum words (0 = no limit):": "Nombre de mots maximal (0 = sans limite) :",
    "Slots per issue:": "Emplacements par numéro :",
    "Add": "Ajouter",
    "Plan Issues": "Planifier des numéros",
    "One issue is created per sending day of the publication; existing issues are kept.":
        "Un numéro est créé par jour d’envoi de la publication ; les numéros existants sont conservés.",
    "Plan": "Planifier",
    ("%zu issue planned.", "%zu issues planned."): ("%zu numéro planifié.", "%zu numéros planifiés."),
    "Issue:": "Numéro :",
    "Copy As…": "Copier en…",
    "&Save Draft": "&Enregistrer le brouillon",
    "Warnings (double-click to go to the line):": "Avertissements (double-clic pour aller à la ligne) :",
    "Copy as &HTML": "Copier en &HTML",
    "Copy as &Markdown": "Copier en &Markdown",
    "Copy as &Text": "Copier en &texte",
    "#%d — %s": "n°%d — %s",
    "No issue to show.": "Aucun numéro à afficher.",
    "%d words — reading time %d min %02d": "%d mots — temps de lecture %d min %02d",
    ("%zu warning", "%zu warnings"): ("%zu avertissement", "%zu avertissements"),
    "Line %d: %s": "Ligne %d : %s",
    "Draft saved; the previous text is kept as a revision.":
        "Brouillon enregistré ; le texte précédent est conservé comme révision.",
    "Issue copied to the clipboard.": "Numéro copié dans le presse-papiers.",
    "Open": "Ouvrir",
    "Invalid input": "Saisie invalide",
    "Not found": "Introuvable",
    "Not possible": "Impossible",
    "Storage error": "Erreur d’enregistrement",
    "Not permitted": "Non autorisé",
    "&Connect to Server…": "Se &connecter à un serveur…",
    "Open a team's SponsorDesk database on a PostgreSQL server": "Ouvrir la base SponsorDesk d’une équipe sur un serveur PostgreSQL",
    "Connect to Server": "Connexion à un serveur",
    "A team's SponsorDesk database on a PostgreSQL server, as a URI:\npostgresql://user@host/database": "La base SponsorDesk d’une équipe sur un serveur PostgreSQL, sous forme d’URI :\npostgresql://utilisateur@hôte/base",
    "Server:": "Serveur :",
    "Password:": "Mot de passe :",
    "empty: from ~/.pgpass or PGPASSWORD": "vide : depuis ~/.pgpass ou PGPASSWORD",
    "The password is not remembered.": "Le mot de passe n’est pas mémorisé.",
    "Connect": "Se connecter",
    "%s is not a server address: it starts with postgresql://": "%s n’est pas l’adresse d’un serveur : elle commence par postgresql://",
    "Your role (%s) may not do this.": "Votre rôle (%s) ne permet pas cette action.",
    "sales": "commercial",
    "editor": "rédaction",
    "finance": "comptabilité",
    "admin": "administration",
    "no role": "aucun rôle",
    "The connection to the server %s was lost: the unfinished change was not kept.": "La connexion au serveur %s a été perdue : la modification en cours n’a pas été enregistrée.",
    "Cannot connect to the database server: %s": "Impossible de se connecter au serveur de base de données : %s",
    "The database %s is empty: an administrator prepares it with `db init`.": "La base %s est vide : un administrateur doit la préparer avec `db init`.",
    "Error": "Erreur",
    "&Calendar": "&Calendrier",
    "&Bookings": "&Réservations",
    "&Sponsors": "&Annonceurs",
    "Issue &Draft": "&Brouillon du numéro",
    "SponsorDesk": "SponsorDesk",
    "&New Database…\tCtrl+N": "&Nouveau fichier…\tCtrl+N",
    "Create a new SponsorDesk file": "Créer un nouveau fichier SponsorDesk",
    "&Open Database…\tCtrl+O": "&Ouvrir un fichier…\tCtrl+O",
    "Open a SponsorDesk file": "Ouvrir un fichier SponsorDesk",
    "Open &Recent": "Fichiers &récents",
    "&Quit\tCtrl+Q": "&Quitter\tCtrl+Q",
    "&Preferences…\tCtrl+,": "&Préférences…\tCtrl+,",
    "Publisher profile, publications, placements and house ads":
        "Profil de l’éditeur, publications, emplacements et autopromotions",
    "&New Publication…": "&Nouvelle publication…",
    "Add a newsletter": "Ajouter une newsletter",
    "&Plan Issues…": "&Planifier des numéros…",
    "Create one issue per cadence day over a period": "Créer un numéro par jour d’envoi sur une période",
    "&About SponsorDesk": "À &propos de SponsorDesk",
    "&File": "&Fichier",
    "&Edit": "É&dition",
    "&View": "&Affichage",
    "&Publication": "&Publication",
    "&Help": "Aid&e",
    "Preferences": "Préférences",
    "%s — SponsorDesk": "%s — SponsorDesk",
    "No publication yet: create one to start.": "Pas encore de publication : créez-en une pour commencer.",
    "New SponsorDesk file": "Nouveau fichier SponsorDesk",
    "sponsordesk.db": "sponsordesk.db",
    "SponsorDesk files (*.db)|*.db|All files|*": "Fichiers SponsorDesk (*.db)|*.db|Tous les fichiers|*",
    "Open SponsorDesk file": "Ouvrir un fichier SponsorDesk",
    "Sponsor slots, bookings, copy and invoices for email newsletters.":
        "Emplacements sponsorisés, réservations, textes et factures pour newsletters.",
    "Publisher": "Éditeur",
    "Publications": "Publications",
    "Placements": "Emplacements",
    "House Ads": "Autopromotions",
    "Legal name:": "Raison sociale :",
    "Address:": "Adresse :",
    "SIREN/SIRET:": "SIREN/SIRET :",
    "VAT number:": "N° de TVA :",
    "IBAN:": "IBAN :",
    "BIC:": "BIC :",
    "Email:": "E-mail :",
    "Payment terms (days):": "Délai de paiement (jours) :",
    "Invoice footer:": "Pied de facture :",
    "&Save Profile": "&Enregistrer le profil",
    "Payment terms are a number of days.": "Le délai de paiement est un nombre de jours.",
    "Profile saved.": "Profil enregistré.",
    "Name": "Nom",
    "Slug": "Identifiant",
    "Language": "Langue",
    "Currency": "Devise",
    "Sent on": "Envoyée le",
    ("%d day", "%d days"): ("%d jour", "%d jours"),
    "Code": "Code",
    "Heading": "Intitulé",
    "Max words": "Mots max.",
    "Slots": "Emplacements",
    "&New Placement…": "&Nouvel emplacement…",
    "&Save House Ad": "&Enregistrer l’autopromotion",
    "Placement:": "Emplacement :",
    "Shown in the issue when every slot of the placement is unsold (Markdown):":
        "Affichée dans le numéro quand aucun emplacement n’est vendu (Markdown) :",
    "House ad saved.": "Autopromotion enregistrée.",
    "Search name, category, notes": "Rechercher nom, catégorie, notes",
    "Show archived sponsors": "Afficher les annonceurs archivés",
    "Category": "Catégorie",
    "&New Sponsor": "&Nouvel annonceur",
    "Billing address:": "Adresse de facturation :",
    "Country (ISO):": "Pays (ISO) :",
    "SIREN:": "SIREN :",
    "Category:": "Catégorie :",
    "for competitor exclusivity": "pour l’exclusivité concurrentielle",
    "VAT rate (%):": "Taux de TVA (%) :",
    "&Save": "&Enregistrer",
    "&Archive": "&Archiver",
    "Email": "E-mail",
    "Phone": "Téléphone",
    "Role": "Rôle",
    "Billing": "Facturation",
    "Creative": "Création",
    "Sales": "Commercial",
    "Other": "Autre",
    "Add &Contact": "Ajouter un &contact",
    "Contacts": "Contacts",
    "Bookings": "Réservations",
    ("%zu sponsor", "%zu sponsors"): ("%zu annonceur", "%zu annonceurs"),
    "New sponsor": "Nouvel annonceur",
    "(archived)": "(archivé)",
    "&Restore": "&Restaurer",
    "Sponsor %s saved.": "Annonceur %s enregistré.",
    "Save the sponsor before adding contacts.": "Enregistrez l’annonceur avant d’ajouter des contacts.",
    "%s archived.": "%s archivé.",
    "%s restored.": "%s restauré.",
    "Welcome to SponsorDesk": "Bienvenue dans SponsorDesk",
    "This file has no publication yet. Create your first newsletter, then add its placements and plan its issues to start selling slots.":
        "Ce fichier n’a pas encore de publication. Créez votre première newsletter, ajoutez ses emplacements et planifiez ses numéros pour commencer à vendre.",
    "Create a Publication…": "Créer une publication…",
    "view to show first: calendar, bookings, sponsors, draft, invoices, reports":
        "vue affichée d’abord : calendar, bookings, sponsors, draft, invoices, reports",
    "New Invoice": "Nouvelle facture",
    "Uninvoiced bookings (confirmed or later):": "Réservations non facturées (confirmées ou au-delà) :",
    "Create Draft": "Créer le brouillon",
    "Tick at least one booking.": "Cochez au moins une réservation.",
    "Record Payment": "Enregistrer un paiement",
    "Amount (%s):": "Montant (%s) :",
    "Received on:": "Reçu le :",
    "Invoice %s — outstanding %s": "Facture %s — reste dû %s",
    "Record": "Enregistrer",
    "&New Invoice…": "&Nouvelle facture…",
    "Number": "Numéro",
    "Due": "Échéance",
    "Net": "HT",
    "VAT": "TVA",
    "Gross": "TTC",
    "Outstanding": "Reste dû",
    "&Issue": "É&mettre",
    "Record &Payment…": "Enregistrer un &paiement…",
    "Cancel with Credit &Note…": "Annuler par un &avoir…",
    "Export P&DF…": "Exporter en P&DF…",
    "Export &XLSX…": "Exporter en &XLSX…",
    "Sponsor &Statement…": "&Relevé de l’annonceur…",
    "draft #%lld": "brouillon n°%lld",
    " (%d d)": " (%d j)",
    ("%zu invoice", "%zu invoices"): ("%zu facture", "%zu factures"),
    "outstanding %s": "reste dû %s",
    "Delete &Draft…": "Supprimer le &brouillon…",
    "Select an invoice to see its lines and payments.": "Sélectionnez une facture pour voir ses lignes et ses paiements.",
    "Credit note": "Avoir",
    "(draft)": "(brouillon)",
    "Cancels invoice %s.": "Annule la facture %s.",
    "Cancelled by credit note %s.": "Annulée par l’avoir %s.",
    "Line": "Ligne",
    "Service date": "Date de prestation",
    "Total": "Total",
    "Gross: %s": "TTC : %s",
    "Payments": "Paiements",
    "Invoice %s issued.": "Facture %s émise.",
    "Credit note %s issued.": "Avoir %s émis.",
    "Draft deleted.": "Brouillon supprimé.",
    "Delete this draft invoice? Its bookings can be invoiced again.":
        "Supprimer ce brouillon de facture ? Ses réservations pourront être refacturées.",
    "Cancel invoice %s? A credit note for its full amount will be issued.":
        "Annuler la facture %s ? Un avoir de son montant total sera émis.",
    "Cancel Invoice": "Annuler la facture",
    "Saved %s": "%s enregistré",
    "Saved %s, but no application could open it.": "%s enregistré, mais aucune application ne peut l’ouvrir.",
    "Export": "Exporter",
    "Export PDF": "Exporter en PDF",
    "Export XLSX": "Exporter en XLSX",
    "PDF files (*.pdf)|*.pdf": "Fichiers PDF (*.pdf)|*.pdf",
    "Excel workbooks (*.xlsx)|*.xlsx": "Classeurs Excel (*.xlsx)|*.xlsx",
    "Sponsor Statement": "Relevé de l’annonceur",
    "statement-%s.xlsx": "releve-%s.xlsx",
    "&Invoices": "&Factures",
    "&Reports": "&Rapports",
    "Report": "Rapport",
    "&Monthly report: bookings, revenue, sell-through, performance":
        "Rapport &mensuel : réservations, chiffre d’affaires, taux de vente, performances",
    "&Billing report: invoices and credit notes, payments, aging":
        "Rapport de &facturation : factures et avoirs, paiements, balance âgée",
    "Month:": "Mois :",
    "to": "au",
    "Period:": "Période :",
    "Save the report as": "Enregistrer le rapport sous",
    "Save as:": "Enregistrer sous :",
    "&Export": "&Exporter",
    "&Cancel": "&Annuler",
    "&Open File": "&Ouvrir le fichier",
    "All publications": "Toutes les publications",
    "Exporting…": "Export en cours…",
    "Saved %s: %lld bookings, %lld sponsors.": "%s enregistré : %lld réservations, %lld annonceurs.",
    "Saved %s: %lld invoices and credit notes.": "%s enregistré : %lld factures et avoirs.",
    "Export cancelled: nothing was written.": "Export annulé : rien n’a été écrit.",
    "Cancelling…": "Annulation…",
    "Invoices": "Factures",
    "draft": "brouillon",
    "Revisions…": "Révisions…",
    "Load an earlier saved version into the editor; Save Draft makes it current again.":
        "Charger une version enregistrée dans l’éditeur ; « Enregistrer le brouillon » la rend à nouveau courante.",
    "No saved revision yet": "Aucune révision enregistrée",
    "Revision %d — saved %s": "Révision %d — enregistrée le %s",
    "Revision %d loaded: save the draft to make it current.":
        "Révision %d chargée : enregistrez le brouillon pour la rendre courante.",
    "Load the Example Year": "Charger l’année d’exemple",
    "Fill this empty file with a realistic year: publications, sponsors, bookings in every status, drafts and invoices.":
        "Remplir ce fichier vide avec une année réaliste : publications, annonceurs, réservations de tous statuts, brouillons et factures.",
    "Example Year": "Année d’exemple",
    "List price": "Prix catalogue",
    "Amount": "Montant",
    "%s: an amount cannot be negative.": "%s : un montant ne peut pas être négatif.",
    "%s: enter an amount.": "%s : saisissez un montant.",
    "%s: “%s” is not an amount; write it as in %s.": "%s : « %s » n’est pas un montant ; écrivez-le comme %s.",
    "Writing an example year of bookings, drafts and invoices…":
        "Écriture d’une année d’exemple de réservations, brouillons et factures…",
    # The desktop app's words for the core's errors (src/gui/error_text.cpp).
    ' and ': ' et ',
    '“%s”': '« %s »',
    'This value': 'Cette valeur',
    '%s holds characters that are not valid text.': '%s contient des caractères qui ne sont pas du texte valide.',
    '%s cannot be empty.': '%s ne peut pas être vide.',
    '%s is too long: at most %lld bytes.': '%s est trop long : %lld octets au plus.',
    ('%s is too long: at most %lld character.', '%s is too long: at most %lld characters.'):
        ('%s est trop long : %lld caractère au plus.', '%s est trop long : %lld caractères au plus.'),
    '%s contains a control character.': '%s contient un caractère de contrôle.',
    '%s %s is not valid.': '%s %s n’est pas valide.',
    '%s %s is not valid: its check digits do not match.': '%s %s n’est pas valide : sa clé de contrôle ne correspond pas.',
    '%s must be between %lld and %lld.': '%s doit être compris entre %lld et %lld.',
    '%s must be at most %lld.': '%s doit valoir au plus %lld.',
    '%s must be at least %lld.': '%s doit valoir au moins %lld.',
    '%s %s is not a whole number.': '%s %s n’est pas un nombre entier.',
    '%s is not an amount: type digits, e.g. 1500 or 1 500,50.': '%s n’est pas un montant : tapez des chiffres, par exemple 1500 ou 1 500,50.',
    '%s is negative: amounts are 0 or more.': '%s est négatif : les montants valent 0 ou plus.',
    '%s is not a valid date.': '%s n’est pas une date valide.',
    '%s %s is not one of the allowed values.': '%s %s ne fait pas partie des valeurs possibles.',
    'The period from %s to %s is longer than %lld years.': 'La période du %s au %s dépasse %lld ans.',
    'The period ends (%s) before it starts (%s).': 'La période se termine (%s) avant de commencer (%s).',
    'The date %s is after today.': 'La date du %s est postérieure à aujourd’hui.',
    'The date %s is before invoice %s was issued (%s).': 'La date du %s précède l’émission de la facture %s (%s).',
    'The link %s is refused: only http, https and mailto links are allowed.': 'Le lien %s est refusé : seuls les liens http, https et mailto sont permis.',
    '%s names two different sponsors.': '%s désigne deux annonceurs différents.',
    ('The copy has %lld words; placement %s allows at most %lld word.', 'The copy has %lld words; placement %s allows at most %lld words.'):
        ('Le texte compte %lld mots ; l’emplacement %s en permet %lld au plus.', 'Le texte compte %lld mots ; l’emplacement %s en permet %lld au plus.'),
    'A new booking is either a hold or confirmed.': 'Une nouvelle réservation est soit une option, soit confirmée.',
    'Only a hold has an expiry date.': 'Seule une option a une date d’expiration.',
    'The hold cannot end in the past (%s).': 'L’option ne peut pas se terminer dans le passé (%s).',
    'The status %s needs copy: import as confirmed, then add the copy.': 'Le statut %s demande un texte : importez la réservation confirmée, puis ajoutez le texte.',
    'Placement %s is not offered by this publication.': 'L’emplacement %s n’est pas proposé par cette publication.',
    'These bookings are in %s: an invoice has one currency, so invoice each currency separately.': 'Ces réservations sont en %s : une facture n’a qu’une devise, facturez chaque devise séparément.',
    'Booking %lld is booked by %s, not by %s.': 'La réservation %lld est celle de %s, pas de %s.',
    'Booking %lld is listed twice.': 'La réservation %lld figure deux fois.',
    'Choose the bookings to invoice.': 'Choisissez les réservations à facturer.',
    'The file cannot be read: it is not in the expected format.': 'Le fichier ne peut pas être lu : il n’est pas au format attendu.',
    'No sponsor %s.': 'Aucun annonceur %s.',
    'Sponsor %lld no longer exists.': 'L’annonceur %lld n’existe plus.',
    'No publication %s.': 'Aucune publication %s.',
    'This publication no longer exists.': 'Cette publication n’existe plus.',
    'No placement %s in this publication.': 'Aucun emplacement %s dans cette publication.',
    'This placement no longer exists.': 'Cet emplacement n’existe plus.',
    'No issue on %s.': 'Aucun numéro le %s.',
    'This issue no longer exists.': 'Ce numéro n’existe plus.',
    'Booking %lld no longer exists.': 'La réservation %lld n’existe plus.',
    'This invoice no longer exists.': 'Cette facture n’existe plus.',
    'The draft has no revision %lld.': 'Le brouillon n’a pas de révision %lld.',
    '%s has no bookings left to invoice in this month.': '%s n’a plus de réservation à facturer ce mois-ci.',
    'Cannot read %s.': 'Impossible de lire %s.',
    'Nobody at this sponsor has an email address.': 'Personne chez cet annonceur n’a d’adresse e-mail.',
    'Every slot of %s is taken in this issue.': 'Tous les emplacements %s de ce numéro sont pris.',
    'Every slot of %s is taken in this issue, by %s.': 'Tous les emplacements %s de ce numéro sont pris, par %s.',
    ('%s, a competitor in the category “%s”, is already booked in this issue.', '%s, competitors in the category “%s”, are already booked in this issue.'):
        ('%s, concurrent de la catégorie « %s », est déjà réservé dans ce numéro.', '%s, concurrents de la catégorie « %s », sont déjà réservés dans ce numéro.'),
    'Booking %lld is already %s.': 'La réservation %lld est déjà au statut %s.',
    'Booking %lld is %s: its status can no longer change.': 'La réservation %lld est au statut %s : il ne peut plus changer.',
    'Booking %lld cannot go back from %s to %s.': 'La réservation %lld ne peut pas revenir de %s à %s.',
    'Booking %lld has no copy yet: save its copy before marking it %s.': 'La réservation %lld n’a pas encore de texte : enregistrez-le avant de passer au statut %s.',
    'Booking %lld is %s: only approved copy can be published.': 'La réservation %lld est au statut %s : seul un texte validé peut être publié.',
    'Booking %lld is %s: its copy can no longer change.': 'La réservation %lld est au statut %s : son texte ne peut plus changer.',
    'Booking %lld is on invoice %s: cancel the invoice first.': 'La réservation %lld figure sur la facture %s : annulez d’abord la facture.',
    '%s is archived: restore the sponsor before booking.': '%s est archivé : restaurez l’annonceur avant de réserver.',
    'Placement %s is no longer offered.': 'L’emplacement %s n’est plus proposé.',
    'The issue of %s is already sent.': 'Le numéro du %s est déjà envoyé.',
    'The name %s is already taken.': 'Le nom %s est déjà pris.',
    'The short name %s is already taken.': 'L’identifiant %s est déjà pris.',
    'The code %s is already used in this publication.': 'Le code %s est déjà utilisé dans cette publication.',
    'There is already an issue on %s (#%lld).': 'Il y a déjà un numéro le %s (n° %lld).',
    'This publication has bookings priced in %s: its currency cannot change.': 'Cette publication a des réservations en %s : sa devise ne peut pas changer.',
    'A booking holds slot %lld: the placement cannot offer fewer slots.': 'Une réservation occupe l’emplacement %lld : l’emplacement ne peut pas en offrir moins.',
    '%s has bookings or invoices: archive it instead.': '%s a des réservations ou des factures : archivez-le plutôt.',
    'This file is not empty: the example year goes only into an empty file.': 'Ce fichier n’est pas vide : l’année d’exemple ne va que dans un fichier vide.',
    'Booking %lld is cancelled: there is nothing to invoice.': 'La réservation %lld est annulée : il n’y a rien à facturer.',
    'Booking %lld is a hold: confirm it before invoicing it.': 'La réservation %lld est une option : confirmez-la avant de la facturer.',
    'Invoice %s is already issued.': 'La facture %s est déjà émise.',
    'Numbers follow dates: one is already dated %s, so this one cannot be dated %s.': 'Les numéros suivent les dates : une pièce est déjà datée du %s, celle-ci ne peut donc pas être datée du %s.',
    '%s is a credit note: payments are recorded on invoices.': '%s est un avoir : les paiements s’enregistrent sur les factures.',
    'Invoice %s is a draft: issue it before recording a payment.': 'La facture %s est un brouillon : émettez-la avant d’enregistrer un paiement.',
    'Invoice %s is cancelled: no payment can be recorded on it.': 'La facture %s est annulée : aucun paiement ne peut y être enregistré.',
    'The payment of %s is more than the %s outstanding on invoice %s.': 'Le paiement de %s dépasse les %s restant dus sur la facture %s.',
    '%s is a credit note: it cannot be cancelled.': '%s est un avoir : il ne peut pas être annulé.',
    'Invoice %s is already cancelled.': 'La facture %s est déjà annulée.',
    'A draft invoice has no number yet: issue it before exporting it.': 'Un brouillon de facture n’a pas encore de numéro : émettez-le avant de l’exporter.',
    'The database file is locked by another program.': 'Le fichier de base de données est verrouillé par un autre programme.',
    'The disk is full: nothing was written.': 'Le disque est plein : rien n’a été écrit.',
    'This file is not a SponsorDesk database.': 'Ce fichier n’est pas une base SponsorDesk.',
    'Cannot write %s.': 'Impossible d’écrire %s.',
    'The file could not be read or written: %s': 'Le fichier n’a pas pu être lu ou écrit : %s',
    'Legal name': 'Raison sociale',
    'Address': 'Adresse',
    'Country': 'Pays',
    'SIREN': 'SIREN',
    'VAT number': 'Numéro de TVA',
    'Payment terms': 'Délai de paiement',
    'VAT rate': 'Taux de TVA',
    'Notes': 'Notes',
    'IBAN': 'IBAN',
    'BIC': 'BIC',
    'Invoice footer': 'Pied de facture',
    'Short name': 'Identifiant',
    'Sending days': 'Jours d’envoi',
    'Reading speed': 'Vitesse de lecture',
    'Copy deadline': 'Délai de remise du texte',
    'Maximum words': 'Nombre de mots maximal',
    'Slots per issue': 'Emplacements par numéro',
    'Copy': 'Texte',
    'Link': 'Lien',
    'House ad': 'Autopromotion',
    'Title': 'Titre',
    'Audience': 'Audience',
    'Opens': 'Ouvertures',
    'Clicks': 'Clics',
    'Date': 'Date',
    'Hold until': 'Option jusqu’au',
    'Line %lld: %s': 'Ligne %lld : %s',
    # Campaign results (issue 13): the import's and the sponsor report's errors.
    '%s is not UTF-8 text: export it again, or save it as “CSV UTF-8”.': '%s n’est pas du texte UTF-8 : exportez-le à nouveau, ou enregistrez-le au format « CSV UTF-8 ».',
    'The file has no column %s. Its columns are %s.': 'Le fichier n’a pas de colonne %s. Ses colonnes sont %s.',
    'The issue of %s is already in the file, on line %lld.': 'Le numéro du %s figure déjà dans le fichier, à la ligne %lld.',
    '%s has no booked slot in the issues from %s to %s.': '%s n’a aucun emplacement réservé dans les numéros du %s au %s.',
}


# draft warnings (src/gui/draft_warning_text.cpp): the desktop app's words
# for DraftWarning codes. Kept in their own block so that branches adding
# other entries merge cleanly.
FR.update({
    "%s (booking #%lld)": "%s (réservation n° %lld)",
    "the house ad of %s": "l’autopromotion de l’emplacement %s",
    "the call-to-action link of %s": "le lien d’appel à l’action de %s",
    "the copy of %s": "le texte de %s",
    "HTML written in the draft is left out of the HTML copy.": "Le HTML écrit dans le brouillon est omis de la copie HTML.",
    "%s is left as written: a slot placeholder must stand alone on its line.":
        "%s est laissé tel quel : une balise d’emplacement doit être seule sur sa ligne.",
    "%s: this publication has no placement with the code %s.":
        "%s : cette publication n’a pas d’emplacement de code %s.",
    "Unknown placeholder %s, left as written.": "Balise inconnue %s, laissée telle quelle.",
    "Placement %s appears more than once: its copy is repeated.":
        "L’emplacement %s apparaît plusieurs fois : son texte est répété.",
    "Placement %s has no booking and no house ad: nothing is shown.":
        "L’emplacement %s n’a ni réservation ni autopromotion : rien n’est affiché.",
    "The copy of %s in %s is not approved (%s): a marker is shown instead.":
        "Le texte de %s dans %s n’est pas validé (%s) : un repère est affiché à sa place.",
    "The approved copy of %s is empty.": "Le texte validé de %s est vide.",
    "An image in %s is replaced by its text.": "Une image dans %s est remplacée par son texte.",
    "The link %s in %s is removed: only http, https and mailto links are allowed.":
        "Le lien %s dans %s est supprimé : seuls les liens http, https et mailto sont acceptés.",
    "HTML written in %s is removed.": "Le HTML écrit dans %s est supprimé.",
    "The link %s in %s could not be read: no UTM tags added.":
        "Le lien %s dans %s est illisible : aucun paramètre UTM n’est ajouté.",
    "The call-to-action link of %s, %s, is left out: only http, https and mailto links are allowed.":
        "Le lien d’appel à l’action de %s, %s, est omis : seuls les liens http, https et mailto sont acceptés.",
    ("Placement %s has %d live booking but the draft has no %s.",
     "Placement %s has %d live bookings but the draft has no %s."):
        ("L’emplacement %s a %d réservation active mais le brouillon n’a pas de %s.",
         "L’emplacement %s a %d réservations actives mais le brouillon n’a pas de %s."),
})

# Campaign results in the desktop app (issue 13): File ▸ Import Campaign
# Results, and the campaign report in the Reports view.
FR.update({
    "&Import Campaign Results…": "&Importer des résultats de campagne…",
    "Read the issue statistics or link clicks your sending platform exported (CSV)":
        "Lire les statistiques des numéros ou les clics des liens exportés par votre plateforme d’envoi (CSV)",
    "Import Campaign Results": "Importer des résultats de campagne",
    "Nothing is written before Import.": "Rien n’est écrit avant Importer.",
    "&Link clicks (a row per link)": "C&lics des liens (une ligne par lien)",
    "Issue &statistics (a row per issue)": "&Statistiques des numéros (une ligne par numéro)",
    "Choose the CSV file": "Choisir le fichier CSV",
    "CSV files (*.csv)|*.csv;*.CSV;*.txt|All files|*": "Fichiers CSV (*.csv)|*.csv;*.CSV;*.txt|Tous les fichiers|*",
    "CSV file:": "Fichier CSV :",
    "Columns:": "Colonnes :",
    "The column of the file read for this figure: found by its header, change it if needed.":
        "La colonne du fichier lue pour ce chiffre : trouvée par son en-tête, changez-la au besoin.",
    "Send date:": "Date d’envoi :",
    "Audience:": "Audience :",
    "Opens:": "Ouvertures :",
    "Unique clicks:": "Clics uniques :",
    "Clicks:": "Clics :",
    "(not read)": "(non lue)",
    "&Import": "&Importer",
    "No publication yet: create one (Publication ▸ New Publication…), then import its results.":
        "Aucune publication : créez-en une (Publication ▸ Nouvelle publication…), puis importez ses résultats.",
    "This publication has no booking yet: no link can go to a booking, every link will be listed as unmatched.":
        "Cette publication n’a encore aucune réservation : aucun lien ne peut être associé, tous seront listés comme non associés.",
    "Choose the CSV file your sending platform exported: the preview shows what will be imported.":
        "Choisissez le fichier CSV exporté par votre plateforme d’envoi : l’aperçu montre ce qui sera importé.",
    "Reading the file for the preview…": "Lecture du fichier pour l’aperçu…",
    "Preview cancelled: choose the file again to see it.": "Aperçu annulé : choisissez à nouveau le fichier pour le voir.",
    "semicolon": "point-virgule",
    "tab": "tabulation",
    "comma": "virgule",
    "Separator: %s.": "Séparateur : %s.",
    "Separator: %s. Header on line %d. First rows of the file:":
        "Séparateur : %s. En-tête à la ligne %d. Premières lignes du fichier :",
    "Choose the columns above.": "Choisissez les colonnes ci-dessus.",
    "Where the first links go:": "Où vont les premiers liens :",
    "Goes to": "Va à",
    "%s — %s, %s": "%s — %s, %s",
    "no booking: %s": "aucune réservation : %s",
    "not a web link": "pas un lien web",
    "no UTM tags (utm_source, utm_campaign, utm_content)": "aucune balise UTM (utm_source, utm_campaign, utm_content)",
    "tagged for another publication (utm_source)": "balisé pour une autre publication (utm_source)",
    "no issue of the publication on that date": "aucun numéro de la publication à cette date",
    "the row's date is not the date of the tagged issue": "la date de la ligne n’est pas celle du numéro balisé",
    "no placement of the publication has that code (utm_content)":
        "aucun emplacement de la publication n’a ce code (utm_content)",
    "no booked slot in that placement of the issue": "aucun emplacement réservé à cet emplacement du numéro",
    "not a link of the sponsor booked there": "pas un lien de l’annonceur réservé à cet emplacement",
    "several bookings of the slot link to that site": "plusieurs réservations de cet emplacement renvoient vers ce site",
    "In the whole file: %s; %s, %s.": "Dans tout le fichier : %s ; %s, %s.",
    ("%s link row", "%s link rows"): ("%s ligne de lien", "%s lignes de liens"),
    ("%s goes to a booking", "%s go to bookings"): ("%s va à une réservation", "%s vont à des réservations"),
    ("%s matches none", "%s match none"): ("%s ne va à aucune", "%s ne vont à aucune"),
    "Nothing can be imported until the file is corrected.": "Rien ne peut être importé tant que le fichier n’est pas corrigé.",
    "The issues the first rows update:": "Les numéros que mettent à jour les premières lignes :",
    "Send date": "Date d’envoi",
    "issue of %s": "numéro du %s",
    "not imported: %s": "non importée : %s",
    ("%s issue row", "%s issue rows"): ("%s ligne de numéro", "%s lignes de numéros"),
    ("%s issue to update", "%s issues to update"): ("%s numéro à mettre à jour", "%s numéros à mettre à jour"),
    ("%s date without an issue", "%s dates without an issue"): ("%s date sans numéro", "%s dates sans numéro"),
    "Importing the file…": "Import du fichier…",
    "Import cancelled: nothing was written.": "Import annulé : rien n’a été écrit.",
    "Imported: %s, %s (%s), %s.": "Importé : %s, %s (%s), %s.",
    ("%s link row read", "%s link rows read"): ("%s ligne de lien lue", "%s lignes de liens lues"),
    ("%s matched to a booking", "%s matched to bookings"):
        ("%s associée à une réservation", "%s associées à des réservations"),
    ("%s link stored", "%s links stored"): ("%s lien enregistré", "%s liens enregistrés"),
    ("%s unmatched", "%s unmatched"): ("%s non associée", "%s non associées"),
    "Every link went to a booking.": "Chaque lien est allé à une réservation.",
    "Links that match no booking (not imported):": "Liens associés à aucune réservation (non importés) :",
    "Why": "Pourquoi",
    "Imported: %s, %s, %s.": "Importé : %s, %s, %s.",
    ("%s issue row read", "%s issue rows read"): ("%s ligne de numéro lue", "%s lignes de numéros lues"),
    ("%s issue updated", "%s issues updated"): ("%s numéro mis à jour", "%s numéros mis à jour"),
    "Every date went to an issue.": "Chaque date est allée à un numéro.",
    "Dates with no issue of the publication (not imported):":
        "Dates sans numéro de la publication (non importées) :",
    "&Campaign report of a sponsor: audience, opens, clicks, CTR, cost per click (PDF, Excel)":
        "Bilan de &campagne d’un annonceur : audience, ouvertures, clics, CTR, coût par clic (PDF, Excel)",
    "P&DF with a chart": "P&DF avec un graphique",
    "E&xcel workbook": "Classeur E&xcel",
    "Documents:": "Documents :",
    "Excel workbooks (*.xlsx)|*.xlsx|PDF documents (*.pdf)|*.pdf":
        "Classeurs Excel (*.xlsx)|*.xlsx|Documents PDF (*.pdf)|*.pdf",
    "Choose the sponsor of the campaign report (add sponsors in the Sponsors view).":
        "Choisissez l’annonceur du bilan de campagne (ajoutez des annonceurs dans la vue Annonceurs).",
    "Tick the PDF, the Excel workbook, or both.": "Cochez le PDF, le classeur Excel, ou les deux.",
    "Saved %s: campaign of %s, %s.": "%s enregistré : campagne de %s, %s.",
    "%s is not a date SponsorDesk reads: export the dates as YYYY-MM-DD (or 2026-03-03T08:00, or “Mar 3, 2026”); 03/04/2026 is refused, its day and month could be either.":
        "%s n’est pas une date que SponsorDesk sait lire : exportez les dates au format AAAA-MM-JJ (ou 2026-03-03T08:00, ou « Mar 3, 2026 ») ; 03/04/2026 est refusée, le jour et le mois pourraient être inversés.",
    "This row has fewer fields than the header.": "Cette ligne a moins de champs que l’en-tête.",
    "Unique clicks": "Clics uniques",
})

# Short words whose French depends on what they name: (context, msgid).
FR["Issue draft"] = "Brouillon du numéro"
FR["The hold cannot end after the issue (%s): choose %s at the latest."] = "L’option ne peut pas se terminer après le numéro (%s) : choisissez le %s au plus tard."
FR["%s is not a file that can be read."] = "%s n’est pas un fichier lisible."
FR["%s is too large: at most %lld bytes."] = "%s est trop volumineux : %lld octets au plus."

# 2026 invoice service (issuing checks, euro rate, refunds, originals)
FR.update({
    "The invoice cannot be issued yet.": "La facture ne peut pas encore être émise.",
    "The publisher profile lacks: %s (Preferences ▸ Publisher).": "Il manque au profil de l’éditeur : %s (Préférences ▸ Éditeur).",
    "Sponsor %s lacks: %s (Sponsors view).": "Il manque à l’annonceur %s : %s (vue Annonceurs).",
    "This invoice is in %s: give the euros per %s of the issue date.": "Cette facture est en %s : indiquez le nombre d’euros pour 1 %s à la date d’émission.",
    "This invoice is in euros: no exchange rate is needed.": "Cette facture est en euros : aucun taux de change n’est nécessaire.",
    "%s is not a credit note: money paid back is recorded on the credit note.": "%s n’est pas un avoir : un remboursement s’enregistre sur l’avoir.",
    "At most %s can be paid back on credit note %s.": "Au plus %s peut être remboursé sur l’avoir %s.",
    "%s was issued before Factur-X invoices: it has no e-invoice XML.": "%s a été émise avant les factures Factur-X : elle n’a pas de XML de facture électronique.",
    "Euros per %s:": "Euros pour 1 %s :",
    "e.g. 0,9235": "par ex. 0,9235",
    "Type the euros per unit as a number above 0, e.g. 0,9235.": "Saisissez le nombre d’euros pour une unité, supérieur à 0, par ex. 0,9235.",
    "This invoice covers %s, which has ended: a monthly invoice is due by the end of the month (art. 289 I-3 CGI).": "Cette facture porte sur %s, qui est terminé : une facture mensuelle doit être émise au plus tard à la fin du mois (art. 289 I-3 du CGI).",
    "Saved %s: a plain PDF, as issued before Factur-X (no e-invoice XML).": "%s enregistré : un PDF simple, tel qu’émis avant Factur-X (sans XML de facture électronique).",
})

# 2026 invoice fields
FR.update({
    "Legal form:": "Forme juridique :",
    "Share capital (EUR):": "Capital social (EUR) :",
    "Registry:": "Immatriculation :",
    "RCS Paris, RM 75, or Dispensé d'immatriculation": "RCS Paris, RM 75, ou Dispensé d’immatriculation",
    "Street:": "Rue :",
    "Address line 2:": "Complément d’adresse :",
    "Postcode:": "Code postal :",
    "City:": "Ville :",
    "Address (free text):": "Adresse (texte libre) :",
    "SIRET:": "SIRET :",
    "E-invoicing address:": "Adresse e-facture :",
    "Default: the SIREN": "Par défaut : le SIREN",
    "Default: SIREN or billing email": "Par défaut : SIREN ou e-mail de facturation",
    "Normal (VAT charged)": "Normal (TVA facturée)",
    "Franchise (art. 293 B, no VAT)": "Franchise en base (art. 293 B, sans TVA)",
    "VAT regime:": "Régime de TVA :",
    "Pay VAT on debits (option chosen)": "Option pour le paiement de la taxe d’après les débits",
    "Business:": "Entreprise :",
    "Untick for a private person (no SIREN needed)": "Décochez pour un particulier (pas de SIREN requis)",
    "Buyer reference:": "Référence acheteur :",
    "Share capital": "Capital social",
    "SIRET": "SIRET",
    "Street": "Rue",
    "Address line 2": "Complément d’adresse",
    "Postcode": "Code postal",
    "City": "Ville",
    "Legal form": "Forme juridique",
    "Registry": "Immatriculation",
    "E-invoicing address": "Adresse e-facture",
    "Buyer reference": "Référence acheteur",
    "Order reference": "Référence de commande",
    "VAT regime": "Régime de TVA",
    "Business": "Entreprise",
    "%s has 14 digits: that is a SIRET. Type it in the SIRET field; the SIREN is its first 9 digits.":
        "%s a 14 chiffres : c’est un SIRET. Saisissez-le dans le champ SIRET ; le SIREN en est les 9 premiers chiffres.",
    "The SIRET %s does not begin with the SIREN %s.": "Le SIRET %s ne commence pas par le SIREN %s.",
    "The VAT number %s is not that of the SIREN %s.": "Le numéro de TVA %s n’est pas celui du SIREN %s.",
})

FR.update({
    "Skip French public holidays": "Sauter les jours fériés français",
    "1 January, Easter Monday, 1 and 8 May, Ascension, Whit Monday, 14 July, 15 August, 1 and 11 November, 25 December":
        "1er janvier, lundi de Pâques, 1er et 8 mai, Ascension, lundi de Pentecôte, 14 juillet, 15 août, "
        "1er et 11 novembre, 25 décembre",
})

# Deals in the desktop app (issue 13): several issues booked at once, a
# booking dragged to another slot, the price edited in the booking dialog.
FR.update({
    "Save &Price": "Enregistrer le &prix",
    "The copy and the price of this booking have changes that are not saved.":
        "Le texte et le prix de cette réservation ont des modifications non enregistrées.",
    "The price of this booking has a change that is not saved.":
        "Le prix de cette réservation a une modification non enregistrée.",
    "Copy due: %s": "Texte attendu le : %s",
    "On invoice %s: the price can no longer change (cancel the invoice to change it).":
        "Sur la facture %s : le prix ne peut plus changer (annulez la facture pour le modifier).",
    "List price: %s": "Prix catalogue : %s",
    "Price not saved: %s": "Prix non enregistré : %s",
    "Book &Selected Slots…": "Réserver la &sélection…",
    "Books the open slots selected in the calendar (Ctrl+click or drag to select several), in one go":
        "Réserve en une fois les emplacements libres sélectionnés dans le calendrier (Ctrl+clic ou glisser pour en sélectionner plusieurs)",
    "Book a Se&ries…": "Réserver une &série…",
    "Books every issue on some weekdays over a period, in one go":
        "Réserve en une fois chaque numéro de certains jours de la semaine sur une période",
    "Click: book · Ctrl+click or drag: select several · Double-click: open · Drag a booking: move it":
        "Clic : réserver · Ctrl+clic ou glisser : en sélectionner plusieurs · Double-clic : ouvrir · Glisser une réservation : la déplacer",
    "Drop the booking on an open slot to move it; Escape or a drop elsewhere leaves it.":
        "Déposez la réservation sur un emplacement libre pour la déplacer ; Échap ou un dépôt ailleurs la laisse en place.",
    "No open slot is selected: click an open slot, or Ctrl+click several.":
        "Aucun emplacement libre n’est sélectionné : cliquez sur un emplacement libre, ou Ctrl+clic sur plusieurs.",
    "The selected slots are in several placements: one booking over several issues is in one placement. Select open slots of one placement, then book them.":
        "Les emplacements sélectionnés relèvent de plusieurs types d’emplacement : une réservation sur plusieurs numéros porte sur un seul. Sélectionnez des emplacements libres d’un même type, puis réservez-les.",
    "Book Selected Slots": "Réserver la sélection",
    ("%zu booking made.", "%zu bookings made."): ("%zu réservation faite.", "%zu réservations faites."),
    "Not moved: that slot is taken by %s. Drop the booking on an open slot.":
        "Non déplacée : cet emplacement est pris par %s. Déposez la réservation sur un emplacement libre.",
    "Not moved: the booking is already in this issue and placement.":
        "Non déplacée : la réservation est déjà dans ce numéro et cet emplacement.",
    "Move the booking of %s from issue #%d of %s (%s) to issue #%d of %s (%s)?":
        "Déplacer la réservation de %s du numéro %d du %s (%s) au numéro %d du %s (%s) ?",
    "Its price (%s), copy and status stay as they are; its old slot becomes free.":
        "Son prix (%s), son texte et son statut restent les mêmes ; son ancien emplacement redevient libre.",
    "Move Booking": "Déplacer la réservation",
    "&Move": "&Déplacer",
    "&Leave It": "&La laisser",
    "A competitor is already booked in that issue:\n%s\n\nMove anyway?":
        "Un concurrent est déjà réservé dans ce numéro :\n%s\n\nDéplacer quand même ?",
    "Not moved: %s": "Non déplacée : %s",
    "Booking %lld moved to issue #%d of %s.": "Réservation %lld déplacée au numéro %d du %s.",
    ("&Book the %zu Selected Slot…", "&Book the %zu Selected Slots…"):
        ("&Réserver %zu emplacement sélectionné…", "&Réserver les %zu emplacements sélectionnés…"),
    "Book Several Issues": "Réserver plusieurs numéros",
    "%s — %s": "%s — %s",
    "Book a Series": "Réserver une série",
    "%s — every issue on the chosen weekdays": "%s — chaque numéro des jours choisis",
    "Price per issue (%s):": "Prix par numéro (%s) :",
    "Every:": "Chaque :",
    "Issues to book:": "Numéros à réserver :",
    "Tick the weekdays to book.": "Cochez les jours à réserver.",
    "The period ends before it starts.": "La période se termine avant de commencer.",
    "No issue on %s in this period: choose other weekdays or dates.":
        "Aucun numéro le %s sur cette période : choisissez d’autres jours ou d’autres dates.",
    "%s %s — issue #%d": "%s %s — numéro %d",
    "Total: nothing to book": "Total : rien à réserver",
    ("Total: %zu issue × a price to type", "Total: %zu issues × a price to type"):
        ("Total : %zu numéro × un prix à saisir", "Total : %zu numéros × un prix à saisir"),
    ("Total: %zu issue × %s = %s", "Total: %zu issues × %s = %s"):
        ("Total : %zu numéro × %s = %s", "Total : %zu numéros × %s = %s"),
    ("&Book %zu Issue", "&Book %zu Issues"): ("&Réserver %zu numéro", "&Réserver %zu numéros"),
    "No issue to book: tick the weekdays and choose the period.":
        "Aucun numéro à réserver : cochez les jours et choisissez la période.",
    "No issue to book.": "Aucun numéro à réserver.",
    "no open slot": "complet",
    "already sent": "déjà envoyé",
    "%s\n\nA competitor is already booked in these issues. Book anyway?":
        "%s\n\nUn concurrent est déjà réservé dans ces numéros. Réserver quand même ?",
})

# Default file names of the desktop's exports (ASCII, no spaces).
FR.update({
    "sponsordesk-campaign-%s%s-%s.%s": "sponsordesk-bilan-%s%s-%s.%s",
    "sponsordesk-monthly-%04d-%02d.xlsx": "sponsordesk-mensuel-%04d-%02d.xlsx",
    "sponsordesk-billing-%s-%s.xlsx": "sponsordesk-facturation-%s-%s.xlsx",
})

# The history of a booking, a sponsor or an invoice (activity log, issue 12).
FR.update({
    "History": "Historique",
    "Booking": "Réservation",
    "Details": "Détails",
    "User": "Utilisateur",
    "Action": "Action",
    "Summary": "Résumé",
})

FR_CTX = {
    # A free slot in the calendar legend: "Libre", not "Ouvrir" (the command).
    ("slot state", "Open"): "Libre",
    ("booking status", "Hold"): "Option",
    ("booking status", "Expired hold"): "Option expirée",
    ("booking status", "Confirmed"): "Confirmée",
    ("booking status", "Copy received"): "Texte reçu",
    ("booking status", "Approved"): "Validée",
    ("booking status", "Published"): "Publiée",
    ("booking status", "Cancelled"): "Annulée",
    ("invoice status", "Draft"): "Brouillon",
    ("invoice status", "Issued"): "Émise",
    ("invoice status", "Paid"): "Payée",
    ("invoice status", "Overdue"): "En retard",
    ("invoice status", "Cancelled"): "Annulée",
    ("verb", "Book"): "Réserver",
    # The column holding an invoice's date of issue.
    ("column", "Issued"): "Émise le",
    ("weekday", "Mon"): "lun.",
    ("weekday", "Tue"): "mar.",
    ("weekday", "Wed"): "mer.",
    ("weekday", "Thu"): "jeu.",
    ("weekday", "Fri"): "ven.",
    ("weekday", "Sat"): "sam.",
    ("weekday", "Sun"): "dim.",
}

HEADER = """# French translation of the SponsorDesk desktop application.
# Regenerate with resources/locale/update_po.py (see its docstring).
msgid ""
msgstr ""
"Project-Id-Version: SponsorDesk 0.1\\n"
"Report-Msgid-Bugs-To: \\n"
"PO-Revision-Date: 2026-11-29 12:00+0100\\n"
"Last-Translator: SponsorDesk team\\n"
"Language-Team: French\\n"
"Language: fr\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\\n"
"""

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PO = os.path.join(ROOT, "resources", "locale", "fr", "sponsordesk.po")
KEYWORDS = ["-k_", "-kwxPLURAL:1,2", "-kwxGETTEXT_IN_CONTEXT:1c,2"]

ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def unquote(literal):
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), m.group(1)), literal[1:-1])


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


class Entry:
    def __init__(self):
        self.comments = []  # "#." "#:" "#," lines as extracted
        self.ctx = None
        self.msgid = None
        self.plural = None
        self.strs = {}  # index -> text ("msgstr" is index 0)
        self.fuzzy = False
        self.obsolete = False

    def key(self):
        return (self.ctx, self.msgid)

    def describe(self):
        where = " ".join(c[3:] for c in self.comments if c.startswith("#:"))
        ctx = "[%s] " % self.ctx if self.ctx is not None else ""
        return "%s%r%s" % (ctx, self.msgid, " (" + where + ")" if where else "")

    def translated(self):
        wanted = 2 if self.plural is not None else 1
        return all(self.strs.get(i) for i in range(wanted))


def parse_po(text):
    entries, cur, field = [], None, None
    for raw in text.splitlines() + [""]:
        line = raw.strip()
        if not line:
            if cur is not None and cur.msgid is not None:
                entries.append(cur)
            cur, field = None, None
            continue
        if cur is None:
            cur = Entry()
        if line.startswith("#~"):
            cur.obsolete = True
            line = line[2:].strip()
            if not line or line.startswith("#"):
                continue
        elif line.startswith("#"):
            if line.startswith("#,") and "fuzzy" in line:
                cur.fuzzy = True
            cur.comments.append(line)
            continue
        m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$', line)
        if m:
            field = (m.group(1), int(m.group(2)) if m.group(2) else 0)
            value = unquote(m.group(3))
        elif line.startswith('"') and field:
            value = unquote(line)
        else:
            raise SystemExit("cannot read the .po line: %r" % raw)
        name, index = field
        if name == "msgctxt":
            cur.ctx = (cur.ctx or "") + value
        elif name == "msgid":
            cur.msgid = (cur.msgid or "") + value
        elif name == "msgid_plural":
            cur.plural = (cur.plural or "") + value
        else:
            cur.strs[index] = cur.strs.get(index, "") + value
    return entries


def extract(xgettext):
    sources = sorted(
        os.path.join("src", "gui", f) for f in os.listdir(os.path.join(ROOT, "src", "gui"))
        if f.endswith((".cpp", ".h")))
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "sponsordesk.pot")
        cmd = [xgettext, "--from-code=UTF-8", "--language=C++", "--add-comments=TRANSLATORS:",
               "--no-wrap", "--add-location=file", "--package-name=SponsorDesk", "-o", pot] + KEYWORDS + sources
        subprocess.run(cmd, cwd=ROOT, check=True)
        with open(pot, encoding="utf-8") as f:
            return [e for e in parse_po(f.read()) if e.msgid != ""]


def seeded(e):
    """The French FR / FR_CTX give for an extracted entry, or None."""
    if e.ctx is not None:
        tr = FR_CTX.get((e.ctx, e.msgid) if e.plural is None else (e.ctx, e.msgid, e.plural))
    else:
        tr = FR.get(e.msgid if e.plural is None else (e.msgid, e.plural))
    if tr is None:
        return None
    return {0: tr} if e.plural is None else {0: tr[0], 1: tr[1]}


def current_po():
    if not os.path.exists(PO):
        return []
    with open(PO, encoding="utf-8") as f:
        return parse_po(f.read())


def update(xgettext):
    old = {e.key(): e for e in current_po() if not e.obsolete and e.msgid != ""}
    out, missing = [HEADER], []
    for e in extract(xgettext):
        strs = seeded(e)
        prev = old.get(e.key())
        if strs is None and prev and not prev.fuzzy and prev.plural == e.plural and prev.translated():
            strs = prev.strs
        if strs is None:
            missing.append(e)
            strs = {0: "", 1: ""} if e.plural is not None else {0: ""}
        block = [c for c in e.comments if c.startswith(("#.", "#:", "#,"))]
        if e.ctx is not None:
            block.append("msgctxt " + quote(e.ctx))
        block.append("msgid " + quote(e.msgid))
        if e.plural is not None:
            block.append("msgid_plural " + quote(e.plural))
            block += ["msgstr[%d] %s" % (i, quote(strs[i])) for i in (0, 1)]
        else:
            block.append("msgstr " + quote(strs[0]))
        out.append("\n".join(block) + "\n")
    with open(PO, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    for e in missing:
        print("untranslated:", e.describe(), file=sys.stderr)
    return 0


def check(xgettext):
    po = [e for e in current_po() if e.msgid != ""]
    live = {e.key(): e for e in po if not e.obsolete}
    problems = []
    header = next((e for e in current_po() if e.msgid == ""), None)
    if header is None or "Plural-Forms: nplurals=2; plural=(n > 1);" not in header.strs.get(0, ""):
        problems.append("the header lacks French plural forms (Plural-Forms: nplurals=2; plural=(n > 1);)")
    extracted = extract(xgettext)
    for e in extracted:
        p = live.get(e.key())
        if p is None:
            problems.append("missing from the catalogue: " + e.describe())
        elif p.plural != e.plural:
            problems.append("plural form differs from the source: " + e.describe())
    for e in po:
        if e.obsolete:
            continue
        if e.fuzzy:
            problems.append("fuzzy: " + e.describe())
        elif not e.translated():
            problems.append("untranslated: " + e.describe())
    wanted = {e.key() for e in extracted}
    stale = [e for e in po if not e.obsolete and e.key() not in wanted]
    for e in stale:
        print("note: no longer in the sources (update_po.py drops it):", e.describe())
    for p in problems:
        print(p)
    print("%d strings in src/gui, %d entries in %s, %d problems" % (
        len(extracted), len([e for e in po if not e.obsolete]), os.path.relpath(PO, ROOT), len(problems)))
    if problems:
        print("translate them in resources/locale/update_po.py (FR / FR_CTX), then run it")
    return 1 if problems else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="report problems, change nothing")
    ap.add_argument("--xgettext", default="xgettext", help="the xgettext program")
    args = ap.parse_args()
    try:
        return check(args.xgettext) if args.check else update(args.xgettext)
    except (OSError, subprocess.CalledProcessError) as err:
        print("cannot extract the strings:", err, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
