#include "sponsordesk/services/demo_service.h"

#include <array>
#include <random>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/invoice_service.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/services/sponsor_service.h"
#include "sponsordesk/storage/booking_repository.h"
#include "sponsordesk/storage/catalog_repository.h"
#include "sponsordesk/storage/sponsor_repository.h"

namespace sponsordesk {
namespace {

struct DemoSponsor {
    const char* name;
    const char* legal;
    const char* street;
    const char* postcode;
    const char* city;
    const char* country;
    const char* siren;  // French companies: Luhn-valid
    const char* siret;  // their establishment invoiced, beginning with the SIREN
    const char* vat;    // French ones carry the SIREN and its key
    bool business;      // false: a private person, invoiced without SIREN
    const char* category;
    const char* pitch;  // what they sell, used in copy
    const char* site;
};

// Forty advertisers of a French tech and business newsletter, in categories
// that compete with each other (two banks never share an issue): French
// companies with valid identifiers, European and American companies with
// their own postcodes, and two private persons.
constexpr std::array<DemoSponsor, 40> kSponsors = {{
    {"Qonto Pro", "Qonto Pro SAS", "3 rue de la République", "75001", "Paris", "FR", "834257628", "83425762800018",
     "FR42834257628", true, "banque", "le compte pro en ligne", "qonto-pro.example"},
    {"Banque Lumen", "Banque Lumen SA", "10 boulevard Haussmann", "69002", "Lyon", "FR", "552120222", "55212022200021",
     "FR27552120222", true, "banque", "le crédit aux indépendants", "lumen-banque.example"},
    {"Alan Santé", "Alan Santé SA", "17 rue du Faubourg Saint-Antoine", "75003", "Paris", "FR", "814217311",
     "81421731100038", "FR79814217311", true, "assurance", "la mutuelle des équipes", "alan-sante.example"},
    {"Assur'Up", "Assur'Up SAS", "24 avenue de France", "44000", "Nantes", "FR", "512345679", "51234567900017",
     "FR75512345679", true, "assurance", "l'assurance des freelances", "assurup.example"},
    {"Nuage Souverain", "Nuage Souverain SAS", "31 rue Oberkampf", "59100", "Roubaix", "FR", "424761419",
     "42476141900029", "FR22424761419", true, "cloud", "le cloud hébergé en France", "nuage-souverain.example"},
    {"Scaleway Lab", "Scaleway Lab SAS", "38 quai de Valmy", "75006", "Paris", "FR", "433115904", "43311590400032",
     "FR35433115904", true, "cloud", "les GPU à la demande", "scaleway-lab.example"},
    {"Pennylane Compta", "Pennylane Compta SAS", "45 rue de Rivoli", "75007", "Paris", "FR", "851678318",
     "85167831800011", "FR64851678318", true, "comptabilite", "la comptabilité en temps réel",
     "pennylane-compta.example"},
    {"Tiime", "Tiime SAS", "52 avenue Jean Jaurès", "59000", "Lille", "FR", "822108353", "82210835300027",
     "FR64822108353", true, "comptabilite", "la facturation gratuite", "tiime.example"},
    {"Swile", "Swile SAS", "59 rue de la République", "34000", "Montpellier", "FR", "807466339", "80746633900031",
     "FR84807466339", true, "avantages", "la carte titres-restaurant", "swile.example"},
    {"Lemlist", "Lemlist SAS", "66 boulevard Haussmann", "75010", "Paris", "FR", "838491413", "83849141300012",
     "FR23838491413", true, "prospection", "la prospection par email", "lemlist.example"},
    {"Brevo", "Brevo SAS", "73 rue du Faubourg Saint-Antoine", "75011", "Paris", "FR", "498019298", "49801929800021",
     "FR80498019298", true, "emailing", "l'emailing transactionnel", "brevo.example"},
    {"Malt", "Malt Community SAS", "80 avenue de France", "75012", "Paris", "FR", "802112318", "80211231800034",
     "FR57802112318", true, "recrutement", "les freelances vérifiés", "malt.example"},
    {"Julie Marchand", "Julie Marchand", "87 rue Oberkampf", "75013", "Paris", "FR", "", "", "", false, "coaching",
     "ses ateliers de prise de parole", "julie-marchand.example"},
    {"Doctolib Pro", "Doctolib Pro SAS", "94 quai de Valmy", "92300", "Levallois", "FR", "794598813", "79459881300028",
     "FR14794598813", true, "sante", "l'agenda des soignants", "doctolib-pro.example"},
    {"Back Market", "Back Market SAS", "101 rue de Rivoli", "75015", "Paris", "FR", "804049377", "80404937700034",
     "FR61804049377", true, "materiel", "les ordinateurs reconditionnés", "backmarket.example"},
    {"LDLC Pro", "LDLC Pro SA", "108 avenue Jean Jaurès", "69760", "Limonest", "FR", "403554181", "40355418100012",
     "FR26403554181", true, "materiel", "le matériel informatique des PME", "ldlc-pro.example"},
    {"Ledger Vault", "Ledger SAS", "115 rue de la République", "75017", "Paris", "FR", "794737221", "79473722100026",
     "FR78794737221", true, "crypto", "la sécurité des actifs numériques", "ledger-vault.example"},
    {"Mistral Studio", "Mistral Studio SAS", "122 boulevard Haussmann", "75018", "Paris", "FR", "952418325",
     "95241832500033", "FR95952418325", true, "ia", "les modèles d'IA ouverts", "mistral-studio.example"},
    {"Dataiku", "Dataiku SAS", "129 rue du Faubourg Saint-Antoine", "75019", "Paris", "FR", "793434374",
     "79343437400013", "FR55793434374", true, "ia", "la data science collaborative", "dataiku.example"},
    {"OVH Domaines", "OVH Domaines SAS", "136 avenue de France", "59100", "Roubaix", "FR", "537407926",
     "53740792600022", "FR79537407926", true, "domaines", "les noms de domaine", "ovh-domaines.example"},
    {"Payfit", "Payfit SAS", "143 rue Oberkampf", "75001", "Paris", "FR", "807487434", "80748743400035",
     "FR28807487434", true, "paie", "la paie automatisée", "payfit.example"},
    {"Agicap", "Agicap SAS", "150 quai de Valmy", "69004", "Lyon", "FR", "824155675", "82415567500013", "FR87824155675",
     true, "tresorerie", "la trésorerie prévisionnelle", "agicap.example"},
    {"Spendesk", "Spendesk SAS", "157 rue de Rivoli", "75003", "Paris", "FR", "817867385", "81786738500020",
     "FR68817867385", true, "depenses", "les cartes de dépenses", "spendesk.example"},
    {"Livestorm", "Livestorm SAS", "164 avenue Jean Jaurès", "75004", "Paris", "FR", "821611217", "82161121700034",
     "FR31821611217", true, "evenements", "les webinaires", "livestorm.example"},
    {"Contentsquare", "Contentsquare SAS", "171 rue de la République", "75005", "Paris", "FR", "752389841",
     "75238984100012", "FR02752389841", true, "analytics", "l'analyse de parcours", "contentsquare.example"},
    {"AB Tasty", "AB Tasty SAS", "178 boulevard Haussmann", "75006", "Paris", "FR", "801231234", "80123123400023",
     "FR55801231234", true, "analytics", "les tests A/B", "abtasty.example"},
    {"Le Wagon", "Le Wagon SAS", "185 rue du Faubourg Saint-Antoine", "75007", "Paris", "FR", "798251708",
     "79825170800037", "FR27798251708", true, "formation", "les bootcamps de code", "lewagon.example"},
    {"OpenClassrooms", "OpenClassrooms SAS", "192 avenue de France", "75008", "Paris", "FR", "493861223",
     "49386122300011", "FR55493861223", true, "formation", "les formations diplômantes", "openclassrooms.example"},
    {"Claire Dumas", "Claire Dumas", "199 rue Oberkampf", "75009", "Paris", "FR", "", "", "", false, "",
     "son livre sur le management des équipes", "claire-dumas.example"},
    {"Ulule", "Ulule SAS", "206 quai de Valmy", "75010", "Paris", "FR", "520411232", "52041123200033", "FR84520411232",
     true, "financement", "le financement participatif", "ulule.example"},
    {"Berliner Cloud", "Berliner Cloud GmbH", "Friedrichstraße 68", "10117", "Berlin", "DE", "", "", "DE811907980",
     true, "cloud", "the sovereign European cloud", "berliner-cloud.example"},
    {"Nordic Analytics", "Nordic Analytics AB", "Drottninggatan 33", "111 51", "Stockholm", "SE", "", "",
     "SE556703748501", true, "analytics", "privacy-first analytics", "nordic-analytics.example"},
    {"Iberia Talent", "Iberia Talent SL", "Calle de Alcalá 21", "28014", "Madrid", "ES", "", "", "ESB12345674", true,
     "recrutement", "remote developers", "iberia-talent.example"},
    {"Amsterdam Pay", "Amsterdam Pay BV", "Herengracht 182", "1016 BR", "Amsterdam", "NL", "", "", "NL853746333B01",
     true, "paiement", "online payments", "amsterdam-pay.example"},
    {"Stripe Atlas", "Stripe Atlas LLC", "548 Market Street", "94104", "San Francisco", "US", "", "", "", true,
     "paiement", "company formation", "stripe-atlas.example"},
    {"Notion Labs", "Notion Labs Inc.", "548 Market Street", "94104", "San Francisco", "US", "", "", "", true,
     "productivite", "the connected workspace", "notion-labs.example"},
    {"Linear", "Linear Orbit Inc.", "548 Market Street", "94104", "San Francisco", "US", "", "", "", true,
     "productivite", "issue tracking for teams", "linear.example"},
    {"Swiss Vault", "Swiss Vault AG", "Bahnhofstrasse 45", "8001", "Zurich", "CH", "", "", "CHE123456789", true,
     "crypto", "cold storage", "swiss-vault.example"},
    {"London Legal", "London Legal Ltd", "30 Old Street", "EC1V 9AB", "London", "GB", "", "", "GB123456789", true,
     "juridique", "contracts for startups", "london-legal.example"},
    {"Captain Contrat", "Captain Contrat SAS", "276 avenue Jean Jaurès", "75020", "Paris", "FR", "821421146",
     "82142114600019", "FR81821421146", true, "juridique", "les statuts en ligne", "captaincontrat.example"},
}};

constexpr std::array<const char*, 6> kFirstNames = {"Camille", "Julien", "Sarah", "Thomas", "Inès", "Karim"};
constexpr std::array<const char*, 6> kLastNames = {"Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Nguyen"};

std::string slugify(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c))
            out += static_cast<char>(std::tolower(c));
        else if (!out.empty() && out.back() != '.')
            out += '.';
    }
    while (!out.empty() && out.back() == '.') out.pop_back();
    return out;
}

std::string main_copy(const DemoSponsor& s, bool french, int variant) {
    if (french) {
        static const char* kHooks[] = {"Vous cherchez", "Simplifiez-vous", "Découvrez", "Essayez"};
        return fmt::format(
            "{} **{}** : {} pensé pour les équipes qui avancent vite. Ouverture en quelques minutes, "
            "accompagnement humain et tarif clair, sans engagement.\n\n"
            "Plus de 20 000 entreprises l'utilisent déjà. [Essayer gratuitement](https://{}/essai)",
            kHooks[variant % 4], s.name, s.pitch, s.site);
    }
    return fmt::format(
        "**{}** brings you {}: set up in minutes, clear pricing, real people when you need help.\n\n"
        "Join thousands of teams. [Start free](https://{}/start)",
        s.name, s.pitch, s.site);
}

std::string classified_copy(const DemoSponsor& s, bool french) {
    if (french) return fmt::format("**{}** — {}. [En savoir plus](https://{})", s.name, s.pitch, s.site);
    return fmt::format("**{}**: {}. [Learn more](https://{})", s.name, s.pitch, s.site);
}

// The example year, built step by step in one transaction. The steps run
// in this order and draw from one random sequence seeded by today, so the
// same day always gives the same data.
class DemoYear {
public:
    DemoYear(Database& db, const Progress& progress)
        : db_(db), progress_(progress), today_(Date::today()), rng_(20260101u + static_cast<unsigned>(today_.days())) {}

    DemoSummary build() {
        set_publisher();
        add_publications();
        add_sponsors();
        plan_issues();
        sell_slots();
        lapse_some_holds();
        send_past_issues();
        write_drafts();
        invoice_past_months();
        return sum_;
    }

private:
    struct Offer {  // one slot of one issue, offered for sale
        const Publication* pub;
        const Placement* pl;
        const Issue* issue;
    };

    bool chance(int percent) { return static_cast<int>(rng_() % 100) < percent; }
    size_t pick(size_t n) { return static_cast<size_t>(rng_() % n); }

    void set_publisher() {
        PublisherChanges pc;
        pc.name = "Média Matin SAS";
        pc.address = "12 rue des Petites-Écuries\n75010 Paris";  // what invoices issued before 2026 printed
        pc.address_line1 = "12 rue des Petites-Écuries";
        pc.postcode = "75010";
        pc.city = "Paris";
        pc.country = "FR";
        pc.siren = "853123453";
        pc.siret = "85312345300013";
        pc.vat_number = "FR54853123453";
        pc.legal_form = "SAS";
        pc.share_capital = 1000000;  // 10 000 €
        pc.registry = "RCS Paris";
        pc.iban = "FR7630006000011234567890189";
        pc.bic = "AGRIFRPP";
        pc.email = "facturation@media-matin.example";
        pc.payment_terms_days = 30;
        pc.footer = "Média Matin — la newsletter des équipes qui avancent vite";
        CatalogService(db_).update_publisher(pc);
    }

    Placement add_placement(const Publication& pub, const char* code, const char* name, const char* heading,
                            Minor price, int max_words, int slots) {
        Placement p;
        p.code = code;
        p.name = name;
        p.heading = heading;
        p.price = price;
        p.max_words = max_words;
        p.slots = slots;
        return CatalogService(db_).add_placement(pub.slug, p);
    }

    // A French daily and an English weekly, each with a main slot and
    // classifieds, and house ads for three of the four placements.
    void add_publications() {
        CatalogService catalog(db_);
        Publication daily;
        daily.name = "Le Brief Matin";
        daily.slug = "brief-matin";
        daily.language = "fr";
        daily.cadence = cadence_from_text("mon,tue,wed,thu,fri");
        daily.words_per_minute = 230;
        daily.copy_deadline_days = 3;
        daily_ = catalog.add_publication(daily);
        Publication weekly;
        weekly.name = "The Growth Memo";
        weekly.slug = "growth-memo";
        weekly.language = "en";
        weekly.cadence = cadence_from_text("thu");
        weekly.words_per_minute = 250;
        weekly.copy_deadline_days = 5;
        weekly_ = catalog.add_publication(weekly);
        sum_.publications = 2;

        main_fr_ = add_placement(daily_, "MAIN", "Sponsor principal", "UN MOT DE NOTRE SPONSOR", 120000, 80, 1);
        class_fr_ = add_placement(daily_, "ANNONCES", "Petites annonces", "PETITES ANNONCES", 15000, 30, 4);
        main_en_ = add_placement(weekly_, "PRIMARY", "Primary sponsor", "A WORD FROM OUR SPONSOR", 250000, 100, 1);
        class_en_ = add_placement(weekly_, "CLASSIFIED", "Classifieds", "CLASSIFIEDS", 30000, 30, 3);
        catalog.set_house_ad(daily_.slug, "MAIN",
                             "**Le Brief en vidéo** : chaque vendredi, l'actu tech décryptée en 10 minutes sur notre "
                             "chaîne. [Abonnez-vous](https://video.media-matin.example/brief)");
        catalog.set_house_ad(
            daily_.slug, "ANNONCES",
            "Votre annonce ici ? Écrivez-nous : [pub@media-matin.example](mailto:pub@media-matin.example)");
        catalog.set_house_ad(weekly_.slug, "PRIMARY",
                             "**Growth Memo Live**: our monthly video session with founders. "
                             "[Watch the replays](https://video.media-matin.example/growth)");
    }

    // The forty advertisers, each with a creative and a billing contact;
    // one former sponsor archived.
    void add_sponsors() {
        SponsorService sponsors(db_);
        for (size_t i = 0; i < kSponsors.size(); ++i) {
            const auto& d = kSponsors[i];
            Sponsor s;
            s.name = d.name;
            s.legal_name = d.legal;
            s.postal = {d.street, "", d.postcode, d.city, d.country};
            s.country = d.country;
            s.siren = d.siren;
            s.siret = d.siret;
            s.vat_number = d.vat;
            s.business = d.business;
            s.category = d.category;
            // Some sponsors' accounts payable ask for their own reference.
            if (d.business && i % 7 == 3) s.buyer_reference = fmt::format("MKT-{:03}", 100 + i);
            s.payment_terms_days = i % 5 == 0 ? 45 : 30;
            s = sponsors.add(s);
            const std::string domain = std::string(d.site);
            for (int k = 0; k < 2; ++k) {
                Contact c;
                c.name = fmt::format("{} {}", kFirstNames[(i + static_cast<size_t>(k) * 3) % kFirstNames.size()],
                                     kLastNames[(i * 5 + static_cast<size_t>(k)) % kLastNames.size()]);
                c.email = slugify(c.name) + "@" + domain;
                c.role = k == 0 ? ContactRole::Creative : ContactRole::Billing;
                c.phone =
                    fmt::format("+33 1 {:02} {:02} {:02} {:02}", 40 + i % 50, (i * 7) % 100, (i * 13) % 100, 10 + k);
                sponsors.add_contact(SponsorId{s.id}, c);
            }
            all_.push_back(s);
            ++sum_.sponsors;
        }
        sponsors.archive(SponsorId{all_[kArchived].id});
    }

    // The year: nine months back, three ahead.
    void plan_issues() {
        const int months = today_.year * 12 + (today_.month - 1) - 9;
        first_month_ = Month{months / 12, months % 12 + 1};
        IssueService issues(db_);
        daily_issues_ = issues.plan(daily_.slug, first_month_.first(), today_.add_days(92));
        weekly_issues_ = issues.plan(weekly_.slug, first_month_.first(), today_.add_days(92));
        sum_.issues = static_cast<int>(daily_issues_.size() + weekly_issues_.size());
    }

    // Every slot of every issue is offered once; sell-through falls off for
    // issues far ahead, as in real life.
    void sell_slots() {
        std::vector<Offer> offers;
        for (const auto& is : daily_issues_) {
            offers.push_back({&daily_, &main_fr_, &is});
            for (int k = 0; k < class_fr_.slots; ++k) offers.push_back({&daily_, &class_fr_, &is});
        }
        for (const auto& is : weekly_issues_) {
            offers.push_back({&weekly_, &main_en_, &is});
            for (int k = 0; k < class_en_.slots; ++k) offers.push_back({&weekly_, &class_en_, &is});
        }
        size_t done = 0;
        for (const auto& o : offers) {
            if (++done % 64 == 0) progress_.step(0.8 * static_cast<double>(done) / static_cast<double>(offers.size()));
            const long ahead = o.issue->date.days() - today_.days();
            const int sell = ahead < 0 ? 74 : ahead < 21 ? 70 : ahead < 45 ? 48 : 25;
            if (!chance(sell)) continue;
            for (int attempt = 0; attempt < 4; ++attempt) {
                const Sponsor& s = all_[pick(all_.size())];
                if (s.archived || (attempt == 0 && s.id == all_[kArchived].id)) continue;
                if (sell_to(o, s, ahead)) {
                    ++sum_.bookings;
                    break;
                }
            }
        }
    }

    // Books the offer for the sponsor and takes it along the pipeline as far
    // as its date makes likely. False when a competitor or a full placement
    // refuses it: the savepoint of the refused booking leaves nothing behind,
    // and the offer goes to someone else.
    bool sell_to(const Offer& o, const Sponsor& s, long ahead) {
        BookingService bookings(db_);
        const bool french = o.pub->language == "fr";
        BookRequest r;
        r.sponsor = SponsorId{s.id};
        r.issue = IssueId{o.issue->id};
        r.placement = PlacementId{o.pl->id};
        // Negotiated discounts on a fifth of the deals.
        if (chance(20)) r.price = o.pl->price - o.pl->price / 10;
        const DemoSponsor& d = kSponsors[static_cast<size_t>(&s - all_.data())];
        const std::string copy =
            o.pl->slots == 1 ? main_copy(d, french, static_cast<int>(rng_() % 4)) : classified_copy(d, french);
        try {
            if (ahead < 0) {
                r.status = BookingStatus::Confirmed;
                BookingView v = bookings.book(r);
                if (chance(3)) {
                    bookings.change_status(BookingId{v.booking.id}, BookingStatus::Cancelled);
                } else {
                    bookings.set_copy(BookingId{v.booking.id}, copy, std::nullopt);
                    bookings.change_status(BookingId{v.booking.id}, BookingStatus::Approved);
                    bookings.change_status(BookingId{v.booking.id}, BookingStatus::Published);
                }
                return true;
            }
            const int roll = static_cast<int>(rng_() % 100);
            if (roll < 12 && ahead > 2) {
                r.status = BookingStatus::Hold;
                r.hold_until = today_.add_days(std::min<long>(ahead, 3 + static_cast<long>(rng_() % 10)));
                bookings.book(r);
                return true;
            }
            r.status = BookingStatus::Confirmed;
            BookingView v = bookings.book(r);
            if (roll < 18) {
                bookings.change_status(BookingId{v.booking.id}, BookingStatus::Cancelled);
            } else if (ahead < 10 ? roll < 80 : roll < 45) {
                bookings.set_copy(BookingId{v.booking.id}, copy, std::nullopt);
                if (ahead < 10 ? roll < 70 : roll < 35)
                    bookings.change_status(BookingId{v.booking.id}, BookingStatus::Approved);
            }
            return true;
        } catch (const Conflict&) {
            return false;
        }
    }

    // Expired holds: a few options that lapsed in the last days, on issues
    // still ahead. Their slot is free again but they stay visible as expired.
    void lapse_some_holds() {
        progress_.step(0.82);
        BookingFilter f;
        f.today = today_;
        f.from = today_;
        f.status = BookingStatus::Hold;
        BookingRepository repo(db_);
        int lapsed = 0;
        for (const auto& v : repo.list(f))
            if (lapsed < 8 && v.booking.id % 3 == 0) {
                repo.set_hold_until(v.booking.id, today_.add_days(-1 - lapsed % 5));
                ++lapsed;
            }
    }

    // Issues already sent, with their audience figures (opens and clicks in
    // per cent and per mille of the audience).
    void send_past_issues() {
        send(daily_, daily_issues_, 38'000, 60, 41, 9, 20, 25);
        send(weekly_, weekly_issues_, 12'500, 90, 48, 8, 30, 30);
    }

    void send(const Publication& pub, const std::vector<Issue>& planned, std::int64_t audience, int growth,
              int open_pct, int open_spread, int click_permille, int click_spread) {
        IssueService issues(db_);
        for (const auto& is : planned) {
            if (is.date >= today_) break;
            audience += static_cast<std::int64_t>(rng_() % static_cast<unsigned>(growth));
            const std::int64_t opens =
                audience * (open_pct + static_cast<std::int64_t>(rng_() % static_cast<unsigned>(open_spread))) / 100;
            const std::int64_t clicks =
                audience * (click_permille + static_cast<std::int64_t>(rng_() % static_cast<unsigned>(click_spread))) /
                1000;
            issues.set_stats(pub.slug, is.date, audience, opens, clicks);
            issues.set_status(pub.slug, is.date, IssueStatus::Sent);
        }
    }

    // Drafts of the next issues, with their sponsored blocks in place.
    void write_drafts() {
        IssueService issues(db_);
        int drafted = 0;
        for (const auto& is : daily_issues_) {
            if (is.date < today_ || drafted >= 5) continue;
            ++drafted;
            issues.set_draft(
                daily_.slug, is.date,
                "# Le Brief Matin n°{{issue_number}}\n\n*{{issue_date}} — {{reading_time}} de lecture*\n\n"
                "Bonjour ! Au menu ce matin : la rentrée des levées de fonds, l'IA dans les PME et un outil "
                "qui fait gagner une heure par semaine aux équipes commerciales.\n\n{{slot:MAIN}}\n\n"
                "## Les levées de la semaine\n\nTrois jeunes pousses françaises ont bouclé leur tour de table : "
                "une fintech lyonnaise, un éditeur de logiciels pour les artisans et une start-up de la santé "
                "connectée. Toutes les trois misent sur l'international dès l'an prochain.\n\n"
                "## L'IA dans les PME\n\nSelon une étude publiée hier, une PME sur trois utilise déjà un assistant "
                "conversationnel au quotidien, c'est-à-dire deux fois plus qu'il y a un an.\n\n{{slot:ANNONCES}}\n\n"
                "À demain !\n");
        }
        issues.set_draft(
            weekly_.slug, weekly_issues_.back().date,
            "# The Growth Memo #{{issue_number}}\n\n{{issue_date}} · {{reading_time}} read\n\n"
            "This week: pricing pages that convert, and what we learned from 40 founder interviews.\n\n"
            "{{slot:PRIMARY}}\n\n## Pricing pages\n\nShow the plan most people pick first.\n\n{{slot:CLASSIFIED}}\n");
    }

    // Invoices: every sponsor's bookings of each past month, issued on the
    // month's last day (art. 289 I-3 CGI: a monthly invoice is due by the
    // end of the month), most of them paid.
    void invoice_past_months() {
        progress_.step(0.85);
        for (Month m = first_month_; m.last() < today_;) {
            Month next = m.month == 12 ? Month{m.year + 1, 1} : Month{m.year, m.month + 1};
            const Date issue_date = m.last();
            if (issue_date > today_) break;
            invoice_month(m, issue_date);
            m = next;
        }
    }

    void invoice_month(const Month& m, const Date& issue_date) {
        InvoiceService invoices(db_);
        std::vector<std::pair<InvoiceId, SponsorId>> mistakes;  // cancelled a few days later
        for (const auto& s : all_) {
            if (invoices.uninvoiced_bookings(SponsorId{s.id}, m).empty()) continue;
            InvoiceView draft = invoices.create_for_month(SponsorId{s.id}, m);
            InvoiceView inv = invoices.issue(InvoiceId{draft.invoice.id}, issue_date);
            ++sum_.invoices;
            const Date due = inv.invoice.due_date ? *inv.invoice.due_date : issue_date.add_days(30);
            const int r = static_cast<int>(rng_() % 100);
            if (r < 5 && due.add_days(10) < today_) {
                mistakes.emplace_back(InvoiceId{inv.invoice.id}, SponsorId{s.id});
                continue;
            }
            Date paid_on = issue_date.add_days(10 + static_cast<long>(rng_() % 35));
            // Old invoices are nearly all settled; recent ones less so.
            const int paid_share = issue_date.add_days(100) < today_ ? 96 : 80;
            if (r < paid_share && paid_on <= today_) {
                invoices.pay(InvoiceId{inv.invoice.id}, inv.invoice.gross, paid_on);
                ++sum_.payments;
            } else if (r < paid_share + 8 && paid_on <= today_) {
                invoices.pay(InvoiceId{inv.invoice.id}, inv.invoice.gross / 2, paid_on);
                ++sum_.payments;
            }
            // The rest stays unpaid: overdue once past its due date.
        }
        // Billing mistakes: cancelled by a credit note and invoiced again the
        // same day, still within the month.
        const Date fix_date = issue_date;
        for (const auto& [id, sponsor] : mistakes) {
            invoices.cancel(id, fix_date);
            ++sum_.credit_notes;
            InvoiceView again = invoices.create_for_month(sponsor, m);
            InvoiceView fixed = invoices.issue(InvoiceId{again.invoice.id}, fix_date);
            ++sum_.invoices;
            const Date paid_on = fix_date.add_days(20);
            if (paid_on <= today_) {
                invoices.pay(InvoiceId{fixed.invoice.id}, fixed.invoice.gross, paid_on);
                ++sum_.payments;
            }
        }
    }

    static constexpr size_t kArchived = 28;  // a former sponsor

    Database& db_;
    const Progress& progress_;
    const Date today_;
    std::mt19937 rng_;
    DemoSummary sum_;
    Publication daily_, weekly_;
    Placement main_fr_, class_fr_, main_en_, class_en_;
    std::vector<Sponsor> all_;
    Month first_month_;
    std::vector<Issue> daily_issues_, weekly_issues_;
};

}  // namespace

bool DemoService::database_is_empty() {
    return CatalogRepository(db_).publications().empty() && SponsorRepository(db_).list("", false).empty() &&
           SponsorRepository(db_).list("", true).empty();
}

DemoSummary DemoService::fill(const Progress& progress) {
    WriteTransaction tx(db_);
    if (!database_is_empty())
        throw Conflict({ErrorCode::NotEmpty, "", {}},
                       "the database is not empty: demo fills only an empty database (use --db with a new file)");
    DemoSummary sum = DemoYear(db_, progress).build();
    tx.commit();
    progress.step(1.0);
    return sum;
}

}  // namespace sponsordesk
