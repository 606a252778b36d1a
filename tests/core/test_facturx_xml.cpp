// The Factur-X XML checked by the official validation files
// (tests/data/facturx, FNFE-MPE, Apache-2.0): the Factur-X EN 16931 XSD with
// xmllint, then the Factur-X profile rules, the CEN EN 16931 rules and the
// French reform's BR-FR rules with Saxon-HE, one JVM per rule set over every
// sample at once. Any fatal failed assertion fails the test, printed.
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "facturx_samples.h"
#include "test_support.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/export/facturx.h"

using namespace sponsordesk;
using namespace sponsordesk::test;
namespace fs = std::filesystem;

namespace {

const std::string kData = SPONSORDESK_TEST_DATA "/facturx";
const char* const kSaxonJar = "/usr/share/java/Saxon-HE.jar";

bool have_program(const std::string& name) {
    int status = 0;
    run_command("command -v " + name + " >/dev/null 2>&1", &status);
    return status == 0;
}

std::string attribute(xmlNodePtr node, const char* name) {
    xmlChar* v = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (!v) return {};
    std::string s(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return s;
}

std::string text_of(xmlNodePtr node) {
    xmlChar* v = xmlNodeGetContent(node);
    std::string s = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    std::string out;
    for (char c : s) {
        const bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!blank || (!out.empty() && out.back() != ' ')) out += blank ? ' ' : c;
    }
    return out;
}

struct Failure {
    std::string flag, id, text;
};

struct Report {
    int fired_rules = 0;  // 0: the rules never matched the document
    std::vector<Failure> failures;
};

void collect(xmlNodePtr node, Report& out) {
    for (xmlNodePtr n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        const std::string name = reinterpret_cast<const char*>(n->name);
        if (name == "failed-assert") out.failures.push_back({attribute(n, "flag"), attribute(n, "id"), text_of(n)});
        if (name == "fired-rule") ++out.fired_rules;
        collect(n->children, out);
    }
}

// An SVRL report read as XML (attributes may span lines).
Report read_svrl(const std::string& svrl_path) {
    Report out;
    xmlDocPtr doc = xmlReadFile(svrl_path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
    if (!doc) {
        out.failures.push_back({"fatal", "unreadable", "no SVRL report at " + svrl_path});
        return out;
    }
    collect(xmlDocGetRootElement(doc), out);
    xmlFreeDoc(doc);
    return out;
}

bool is_warning(const Failure& f) { return f.flag == "warning" || f.flag == "information"; }

}  // namespace

TEST(FacturxXml, EverySamplePassesTheXsdAndTheThreeRuleSets) {
    if (!have_program("java") || !fs::exists(kSaxonJar) || !have_program("xmllint"))
        GTEST_SKIP() << "java, Saxon-HE (" << kSaxonJar << ") or xmllint is missing: "
                     << "scripts/install-deps --test installs them; the Factur-X rules were NOT checked";
    const auto start = std::chrono::steady_clock::now();
    TempDir dir;
    const fs::path in = fs::path(dir.path()) / "in";
    fs::create_directories(in);
    std::string files;
    const auto samples = fx_samples();
    for (const auto& [name, doc] : samples) {
        const std::string path = (in / (name + ".xml")).string();
        write_facturx_xml(doc, path);
        files += " '" + path + "'";
    }

    // A control the rules must reject (an unknown document type code), so
    // that a rule set that checks nothing cannot pass.
    {
        std::string broken = facturx_cii_xml(fx_french_invoice());
        const std::string code = "<ram:TypeCode>380</ram:TypeCode>";
        broken.replace(broken.find(code), code.size(), "<ram:TypeCode>999</ram:TypeCode>");
        std::ofstream((in / "control_broken.xml").string(), std::ios::binary) << broken;
    }

    int status = 0;
    const std::string xsd = kData + "/factur-x-en16931/1xsd/Factur-X_EN16931.xsd";
    const std::string lint = run_command("xmllint --noout --schema '" + xsd + "'" + files + " 2>&1", &status);
    EXPECT_EQ(status, 0) << lint;

    const std::vector<std::pair<std::string, std::string>> rule_sets = {
        {"factur-x", kData + "/factur-x-en16931/2xslt/FACTUR-X_EN16931.xslt"},
        {"en16931", kData + "/cii-en16931/2xslt/EN16931-CII-validation.xslt"},
        {"br-fr", kData + "/factur-x-en16931/2xslt/BR-FR-Flux2-Schematron-CII.xslt"},
    };
    for (const auto& [set, xslt] : rule_sets) {
        const fs::path out = fs::path(dir.path()) / set;
        fs::create_directories(out);
        const std::string log =
            run_command(fmt::format("java -cp {} net.sf.saxon.Transform -s:'{}' -xsl:'{}' -o:'{}' 2>&1", kSaxonJar,
                                    in.string(), xslt, out.string()),
                        &status);
        ASSERT_EQ(status, 0) << set << ": Saxon failed\n" << log;
        for (const auto& sample : samples) {
            const std::string& name = sample.first;
            const Report report = read_svrl((out / (name + ".xml")).string());
            EXPECT_GT(report.fired_rules, 0) << set << " " << name << ": no rule fired";
            for (const auto& f : report.failures) {
                // Warnings are printed, not failed: they are advice.
                if (is_warning(f))
                    std::cout << fmt::format("[{} {}] warning {}: {}\n", set, name, f.id, f.text);
                else
                    ADD_FAILURE() << fmt::format("[{} {}] {} {}: {}", set, name, f.flag, f.id, f.text);
            }
        }
        const Report control = read_svrl((out / "control_broken.xml").string());
        EXPECT_TRUE(std::any_of(control.failures.begin(), control.failures.end(),
                                [](const Failure& f) { return !is_warning(f); }))
            << set << " accepted a document of type 999";
    }
    // SPONSORDESK_FACTURX_KEEP=folder keeps the documents and reports to look at.
    if (const char* keep = std::getenv("SPONSORDESK_FACTURX_KEEP"))
        fs::copy(dir.path(), keep, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    std::cout << fmt::format("validated {} documents in {:.1f} s\n", samples.size(),
                             std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
}
