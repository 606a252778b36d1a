#include "sponsordesk/services/demo_service.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/drafts/copy_rules.h"
#include "sponsordesk/drafts/utm.h"
#include "sponsordesk/io/output_file.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/invoice_service.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/services/results_service.h"
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

Month add_months(const Month& m, int n) {
    const int months = m.year * 12 + (m.month - 1) + n;
    return Month{months / 12, months % 12 + 1};
}

std::vector<IssueId> ids_of(const std::vector<Issue>& issues) {
    std::vector<IssueId> ids;
    for (const Issue& is : issues) ids.push_back(IssueId{is.id});
    return ids;
}

// A field of a CSV line, quoted when it holds the separator, a quote or a
// line end.
std::string csv_field(const std::string& value, char separator) {
    if (value.find_first_of(std::string(1, separator) + "\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string csv_line(const std::vector<std::string>& fields, char separator) {
    std::string line;
    for (size_t i = 0; i < fields.size(); ++i)
        line += (i ? std::string(1, separator) : "") + csv_field(fields[i], separator);
    return line + "\r\n";
}

// A sending platform's export, written where temporary files go for an
// import to read, and removed afterwards.
class TempCsv {
public:
    TempCsv(const std::string& name, const std::string& bytes) {
        static std::atomic<unsigned> serial{0};
        std::error_code ec;
        std::filesystem::path folder = std::filesystem::temp_directory_path(ec);
        if (ec) folder = "/tmp";
        path_ = (folder / fmt::format("sponsordesk-demo-{}-{}-{}.csv", static_cast<long>(::getpid()), serial++, name))
                    .string();
        OutputFile::write(path_, "example export", bytes);
    }
    ~TempCsv() {
        std::error_code ec;
        std::filesystem::remove(path_, ec);
    }
    TempCsv(const TempCsv&) = delete;
    TempCsv& operator=(const TempCsv&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// How a publication's sending platform writes its two exports: the daily's
// with semicolons and ISO dates, the weekly's with commas and English month
// names, each with headers the importer knows by default.
enum class ExportShape { Semicolons, Commas };

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
        sign_deals();
        move_bookings();
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

    struct Fee {  // a free line of an invoice
        std::string description;
        Minor amount = 0;
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

    // Multi-issue deals, signed before the slots go on open sale (what book
    // --every and book --dates do): a bank takes the daily's main slot every
    // Tuesday of a quarter at a package price, an AI company four issues of
    // the weekly that it chose for its launch, a coding school the daily's
    // classifieds every Monday and Thursday of the coming six weeks (from
    // tomorrow: its first copy is already late).
    void sign_deals() {
        IssueService issues(db_);
        const Month quarter = add_months(first_month_, 3);
        deal(kDealBank, daily_, main_fr_,
             ids_of(
                 issues.on_weekdays(PublicationId{daily_.id}, quarter.first(), add_months(quarter, 2).last(), 1u << 1)),
             main_fr_.price - main_fr_.price * 15 / 100,
             "Forfait trimestriel : sponsor principal de tous les mardis, 15 % de remise.");
        // Every other issue over two months, as the sponsor picked them.
        const Date launch = add_months(first_month_, 6).first();
        std::vector<IssueId> chosen;
        int k = 0;
        for (const Issue& is : weekly_issues_)
            if (!(is.date < launch) && chosen.size() < 4 && k++ % 2 == 0) chosen.push_back(IssueId{is.id});
        deal(kDealLaunch, weekly_, main_en_, chosen, std::nullopt,
             "Forfait lancement : quatre numéros choisis par le sponsor.");
        deal(kDealSchool, daily_, class_fr_,
             ids_of(issues.on_weekdays(PublicationId{daily_.id}, today_.add_days(1), today_.add_days(42),
                                       (1u << 0) | (1u << 3))),
             std::nullopt, "Campagne d'inscriptions : petite annonce tous les lundis et jeudis pendant six semaines.");
    }

    void deal(size_t sponsor, const Publication& pub, const Placement& pl, const std::vector<IssueId>& issues,
              std::optional<Minor> price, const std::string& notes) {
        BookManyRequest r;
        r.sponsor = SponsorId{all_[sponsor].id};
        r.issues = issues;
        r.placement = PlacementId{pl.id};
        r.price = price;
        r.status = BookingStatus::Confirmed;
        r.notes = notes;
        const std::vector<BookingView> booked = BookingService(db_).book_many(r);
        ++sum_.deals;
        const Date first = booked.front().issue_date;
        deal_starts_.emplace_back(all_[sponsor].id, Month{first.year, first.month}.iso());
        int variant = 0;
        for (const BookingView& v : booked) run_up(v, pub, pl, sponsor, variant++);
    }

    // Two bookings that moved, each a week later: one at the sponsor's
    // request before it ran (its launch slipped), one of the coming weeks at
    // the publisher's (a special issue), its price lowered for the trouble.
    // Their notes say where they were booked first.
    void move_bookings() {
        IssueService issues(db_);
        const Month m = add_months(first_month_, 1);
        const auto wednesdays = issues.on_weekdays(PublicationId{daily_.id}, m.first(), m.last(), 1u << 2);
        move(kMovedBySponsor, wednesdays[0], wednesdays[1], std::nullopt,
             "Prévu le {} ; décalé d'une semaine à la demande du sponsor (lancement repoussé).");
        const auto fridays =
            issues.on_weekdays(PublicationId{daily_.id}, today_.add_days(12), today_.add_days(30), 1u << 4);
        move(kMovedByUs, fridays[0], fridays[1], main_fr_.price - main_fr_.price * 20 / 100,
             "Prévu le {} ; décalé d'une semaine à notre demande (numéro spécial), avec 20 % de remise.");
    }

    void move(size_t sponsor, const Issue& from, const Issue& to, std::optional<Minor> new_price, const char* notes) {
        BookingService bookings(db_);
        BookRequest r;
        r.sponsor = SponsorId{all_[sponsor].id};
        r.issue = IssueId{from.id};
        r.placement = PlacementId{main_fr_.id};
        r.status = BookingStatus::Confirmed;
        r.notes = fmt::format(fmt::runtime(notes), from.date.iso());
        BookingView v = bookings.book(r);
        MoveRequest there;
        there.issue = IssueId{to.id};
        v = bookings.move(v.id(), there);
        if (new_price) v = bookings.set_price(v.id(), *new_price);
        ++sum_.moved;
        run_up(v, daily_, main_fr_, sponsor, 1);
    }

    // A booking sold before the open sale: run when past (copy approved,
    // published), copy still awaited when ahead (the school's first
    // classified is late with it). Its slot is not offered again.
    void run_up(const BookingView& v, const Publication& pub, const Placement& pl, size_t sponsor, int variant) {
        ++pre_sold_[{v.booking.issue_id, v.booking.placement_id}];
        sold_to_.insert({v.booking.issue_id, v.booking.placement_id, v.booking.sponsor_id});
        ++sum_.bookings;
        if (!(v.issue_date < today_)) return;
        BookingService bookings(db_);
        const DemoSponsor& d = kSponsors[sponsor];
        const bool french = pub.language == "fr";
        bookings.set_copy(v.id(), pl.slots == 1 ? main_copy(d, french, variant) : classified_copy(d, french),
                          std::nullopt);
        bookings.change_status(v.id(), BookingStatus::Approved);
        bookings.change_status(v.id(), BookingStatus::Published);
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
            if (auto sold = pre_sold_.find({o.issue->id, o.pl->id}); sold != pre_sold_.end() && sold->second > 0) {
                --sold->second;  // taken by a deal
                continue;
            }
            const long ahead = o.issue->date.days() - today_.days();
            const int sell = ahead < 0 ? 74 : ahead < 21 ? 70 : ahead < 45 ? 48 : 25;
            if (!chance(sell)) continue;
            for (int attempt = 0; attempt < 4; ++attempt) {
                const Sponsor& s = all_[pick(all_.size())];
                if (s.archived || (attempt == 0 && s.id == all_[kArchived].id)) continue;
                // Nobody buys two classifieds of one issue: its readers would
                // see the same link twice.
                if (sold_to_.count({o.issue->id, o.pl->id, s.id})) continue;
                if (sell_to(o, s, ahead)) {
                    sold_to_.insert({o.issue->id, o.pl->id, s.id});
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

    // How an issue's audience grows and opens; click rates of its links are
    // in units of 1/10,000 of the audience.
    struct Readership {
        std::int64_t audience;  // at the first issue
        int growth;             // up to this many more readers an issue
        int open_pct, open_spread;
        int main_lo, main_hi, classified_lo, classified_hi;
        const char* house_link;  // the house ad of the main placement
        std::array<const char*, 2> articles;
    };

    // Issues already sent. Their figures come back as the sending platform
    // exports them, one CSV of the issues (audience, opens, clicks) and one
    // of the clicks per link, read by the importer (`import stats`, `import
    // clicks`). Every sponsor link that ran carries the UTM tags the draft
    // renderer puts on it (drafts/utm.h); the house ads, the articles and
    // the newsletter's own tagged link match no booking and are listed.
    void send_past_issues() {
        progress_.step(0.83);
        send(daily_, daily_issues_,
             {38'000,
              60,
              41,
              9,
              45,
              110,
              10,
              35,
              "https://video.media-matin.example/brief",
              {"https://www.media-matin.example/brief/{}/levees-de-fonds",
               "https://www.media-matin.example/brief/{}/ia-pme"}},
             ExportShape::Semicolons);
        send(weekly_, weekly_issues_,
             {12'500,
              90,
              48,
              8,
              80,
              180,
              15,
              45,
              "https://video.media-matin.example/growth",
              {"https://growth.media-matin.example/p/{}-pricing-pages",
               "https://growth.media-matin.example/p/{}-founder-interviews"}},
             ExportShape::Commas);
    }

    void send(const Publication& pub, const std::vector<Issue>& planned, const Readership& r, ExportShape shape) {
        static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        const char sep = shape == ExportShape::Semicolons ? ';' : ',';
        const bool semicolons = shape == ExportShape::Semicolons;
        std::string stats =
            semicolons
                ? csv_line({"Campaign name", "Sent at", "Recipients", "Unique opens", "Clicks", "Unsubscribes"}, sep)
                : csv_line({"Title", "Subject", "Send Date", "Total Recipients", "Unique Opens", "Total Clicks"}, sep);
        std::string clicks = semicolons
                                 ? csv_line({"Campaign name", "Send date", "Link", "Clicks", "Unique clicks"}, sep)
                                 : csv_line({"Title", "URL", "Total Clicks", "Unique Clicks"}, sep);

        // What ran in each issue: its published bookings, by placement.
        BookingQuery q;
        q.publication = PublicationId{pub.id};
        q.to = today_.add_days(-1);
        q.status = BookingStatus::Published;
        std::map<std::pair<Id, Id>, std::vector<BookingView>> ran;
        for (BookingView& v : BookingService(db_).list(q))
            ran[{v.booking.issue_id, v.booking.placement_id}].push_back(std::move(v));
        std::vector<Placement> placements = CatalogService(db_).placements(pub.slug);

        IssueService issues(db_);
        std::int64_t audience = r.audience;
        for (const auto& is : planned) {
            if (is.date >= today_) break;
            issues.set_status(pub.slug, is.date, IssueStatus::Sent);
            audience += static_cast<std::int64_t>(rng_() % static_cast<unsigned>(r.growth));
            const std::int64_t opens =
                audience * (r.open_pct + static_cast<std::int64_t>(rng_() % static_cast<unsigned>(r.open_spread))) /
                100;
            const std::string title =
                semicolons ? fmt::format("{} n°{}", pub.name, is.number) : fmt::format("{} #{}", pub.name, is.number);
            std::int64_t total = 0;
            auto link = [&](const std::string& url, int lo, int hi) {
                const std::int64_t n =
                    audience * (lo + static_cast<std::int64_t>(rng_() % static_cast<unsigned>(hi - lo + 1))) / 10000;
                const std::int64_t unique = n * (75 + static_cast<std::int64_t>(rng_() % 18)) / 100;
                total += n;
                clicks += semicolons
                              ? csv_line({title, is.date.iso(), url, std::to_string(n), std::to_string(unique)}, sep)
                              : csv_line({title, url, std::to_string(n), std::to_string(unique)}, sep);
            };
            for (const Placement& pl : placements) {
                const auto it = ran.find({is.id, pl.id});
                if (it == ran.end()) {
                    // The house ad stands in; the classifieds' is a mailto: link.
                    if (pl.slots == 1) link(add_utm(r.house_link, pub.slug, is.date, pl.code), 4, 15);
                    continue;
                }
                for (const BookingView& v : it->second) {
                    std::vector<std::string> urls = copy_links(v.booking.copy);
                    if (!v.booking.link.empty()) urls.push_back(v.booking.link);
                    for (const std::string& url : urls)
                        link(add_utm(url, pub.slug, is.date, pl.code), pl.slots == 1 ? r.main_lo : r.classified_lo,
                             pl.slots == 1 ? r.main_hi : r.classified_hi);
                }
            }
            link(fmt::format(fmt::runtime(r.articles[0]), is.date.iso()), 90, 220);
            link(fmt::format(fmt::runtime(r.articles[1]), is.date.iso()), 40, 120);
            // The newsletter tags its own referral link: no placement of ours.
            link(add_utm("https://www.media-matin.example/parrainage", pub.slug, is.date, "referral"), 3, 12);
            if (semicolons)
                stats += csv_line(
                    {title, fmt::format("{} 07:00", is.date.iso()), std::to_string(audience), std::to_string(opens),
                     std::to_string(total), std::to_string(audience * static_cast<std::int64_t>(rng_() % 8) / 10000)},
                    sep);
            else
                stats += csv_line(
                    {title, "This week: pricing pages that convert",
                     fmt::format("{} {:02}, {} 08:00 am", kMonths[is.date.month - 1], is.date.day, is.date.year),
                     std::to_string(audience), std::to_string(opens), std::to_string(total)},
                    sep);
        }

        ResultsService results(db_);
        TempCsv stats_file(pub.slug + "-campaigns", stats);
        StatsImportRequest sr;
        sr.publication = pub.slug;
        sr.csv_path = stats_file.path();
        sum_.issues_with_results += results.import_stats(sr).issues;
        TempCsv clicks_file(pub.slug + "-clicks", clicks);
        ClicksImportRequest cr;
        cr.publication = pub.slug;
        cr.csv_path = clicks_file.path();
        const ClicksImportResult c = results.import_clicks(cr);
        sum_.links_matched += c.matched;
        sum_.links_unmatched += static_cast<int>(c.unmatched.size());
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
        struct Mistake {  // cancelled a few days later
            InvoiceId invoice;
            SponsorId sponsor;
            std::vector<Fee> fees;
        };
        std::vector<Mistake> mistakes;
        for (const auto& s : all_) {
            if (invoices.uninvoiced_bookings(SponsorId{s.id}, m).empty()) continue;
            InvoiceView draft = invoices.create_for_month(SponsorId{s.id}, m);
            const std::vector<Fee> fees = fees_for(s, m, draft.invoice.language);
            add_fees(invoices, draft.id(), fees);
            InvoiceView inv = invoices.issue(InvoiceId{draft.invoice.id}, issue_date);
            ++sum_.invoices;
            const Date due = inv.invoice.due_date ? *inv.invoice.due_date : issue_date.add_days(30);
            const int r = static_cast<int>(rng_() % 100);
            if (r < 5 && due.add_days(10) < today_) {
                mistakes.push_back({InvoiceId{inv.invoice.id}, SponsorId{s.id}, fees});
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
        for (const auto& [id, sponsor, fees] : mistakes) {
            invoices.cancel(id, fix_date);
            ++sum_.credit_notes;
            InvoiceView again = invoices.create_for_month(sponsor, m);
            add_fees(invoices, again.id(), fees);
            InvoiceView fixed = invoices.issue(InvoiceId{again.invoice.id}, fix_date);
            ++sum_.invoices;
            const Date paid_on = fix_date.add_days(20);
            if (paid_on <= today_) {
                invoices.pay(InvoiceId{fixed.invoice.id}, fixed.invoice.gross, paid_on);
                ++sum_.payments;
            }
        }
    }

    // Fees beyond the bookings, added to the draft as free lines before it
    // is issued: the production of a deal's ads on its first month's
    // invoice, now and then an ad written for a sponsor, rarely a rush.
    std::vector<Fee> fees_for(const Sponsor& s, const Month& m, const std::string& language) {
        const bool fr = language == "fr";
        std::vector<Fee> fees;
        if (std::find(deal_starts_.begin(), deal_starts_.end(), std::make_pair(s.id, m.iso())) != deal_starts_.end())
            fees.push_back({fr ? "Frais de production : rédaction et mise en page des annonces du forfait"
                               : "Production fee: copywriting and layout of the package's ads",
                            fr ? Minor{35000} : Minor{50000}});
        else if (chance(4))
            fees.push_back(
                {fr ? "Frais de production : rédaction de l'annonce" : "Production fee: copywriting of the ad",
                 15000 + 5000 * static_cast<Minor>(pick(5))});
        if (chance(2))
            fees.push_back({fr ? "Frais d'urgence : annonce remplacée moins de 24 h avant l'envoi"
                               : "Rush fee: ad replaced less than 24 hours before sending",
                            Minor{15000}});
        return fees;
    }

    void add_fees(InvoiceService& invoices, InvoiceId draft, const std::vector<Fee>& fees) {
        for (const Fee& f : fees) {
            invoices.add_line(draft, f.description, f.amount);
            ++sum_.free_lines;
        }
    }

    static constexpr size_t kArchived = 28;  // a former sponsor
    // The sponsors of the deals and of the moved bookings.
    static constexpr size_t kDealBank = 0, kDealLaunch = 17, kDealSchool = 26;
    static constexpr size_t kMovedBySponsor = 13, kMovedByUs = 14;

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
    std::set<std::tuple<Id, Id, Id>> sold_to_;             // (issue, placement, sponsor) sold, cancelled or not
    std::map<std::pair<Id, Id>, int> pre_sold_;            // (issue, placement) → slots sold before the open sale
    std::vector<std::pair<Id, std::string>> deal_starts_;  // (sponsor, month) of each deal's first issue
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
