#!/usr/bin/python3
"""Regenerates resources/locale/fr/sponsordesk.po from the GUI sources.

    xgettext --from-code=UTF-8 -k_ -kwxPLURAL:1,2 --add-comments=TRANSLATORS: \
        -o /tmp/sponsordesk.pot src/gui/*.cpp src/gui/*.h
    resources/locale/update_po.py /tmp/sponsordesk.pot

Translations live in FR below (one place to review them); a msgid without a
French entry is written untranslated and listed on stderr.
"""
import re
import sys

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
    "Confirmed": "Confirmée",
    "Hold": "Option",
    "Status:": "Statut :",
    "Hold until:": "Option jusqu’au :",
    "Notes:": "Notes :",
    "Book": "Réserver",
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
    "Copy not saved: %s": "Texte non enregistré : %s",
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
    "Mon": "Lun", "Tue": "Mar", "Wed": "Mer", "Thu": "Jeu", "Fri": "Ven", "Sat": "Sam", "Sun": "Dim",
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
    "Expired hold": "Option expirée",
    "Copy received": "Texte reçu",
    "Approved": "Validée",
    "Published": "Publiée",
    "Cancelled": "Annulée",
    "Invalid input": "Saisie invalide",
    "Not found": "Introuvable",
    "Not possible": "Impossible",
    "Storage error": "Erreur d’enregistrement",
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
    "Draft": "Brouillon",
    "Issued": "Émise",
    "Paid": "Payée",
    "Overdue": "En retard",
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
    "Revision %d — saved %s UTC": "Révision %d — enregistrée le %s UTC",
    "Revision %d loaded: save the draft to make it current.":
        "Révision %d chargée : enregistrez le brouillon pour la rendre courante.",
    "Load the Example Year": "Charger l’année d’exemple",
    "Fill this empty file with a realistic year: publications, sponsors, bookings in every status, drafts and invoices.":
        "Remplir ce fichier vide avec une année réaliste : publications, annonceurs, réservations de tous statuts, brouillons et factures.",
    "Example Year": "Année d’exemple",
    "Writing an example year of bookings, drafts and invoices…":
        "Écriture d’une année d’exemple de réservations, brouillons et factures…",
}

HEADER = '''# French translation of the SponsorDesk desktop application.
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
'''


def unquote(block):
    return "".join(re.findall(r'"(.*)"', block)).encode().decode("unicode_escape").encode("latin-1").decode("utf-8")


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def main(pot_path, po_path):
    pot = open(pot_path, encoding="utf-8").read()
    entries = pot.split("\n\n")[1:]
    out = [HEADER]
    missing = []
    for e in entries:
        refs = "\n".join(l for l in e.splitlines() if l.startswith("#"))
        m = re.search(r'^msgid ((?:".*"\n?)+)', e, re.M)
        p = re.search(r'^msgid_plural ((?:".*"\n?)+)', e, re.M)
        flags = re.search(r"^#, (.*)$", e, re.M)
        if not m:
            continue
        msgid = unquote(m.group(1))
        block = (refs + "\n" if refs else "")
        if p:
            plural = unquote(p.group(1))
            tr = FR.get((msgid, plural))
            if not tr:
                missing.append(msgid)
                tr = ("", "")
            block += "msgid %s\nmsgid_plural %s\nmsgstr[0] %s\nmsgstr[1] %s\n" % (
                quote(msgid), quote(plural), quote(tr[0]), quote(tr[1]))
        else:
            tr = FR.get(msgid)
            if tr is None:
                missing.append(msgid)
                tr = ""
            block += "msgid %s\nmsgstr %s\n" % (quote(msgid), quote(tr))
        out.append(block)
    open(po_path, "w", encoding="utf-8").write("\n".join(out))
    for m in missing:
        print("untranslated:", repr(m), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else __file__.rsplit("/", 1)[0] + "/fr/sponsordesk.po")
