package dev.banyan.synthcity;

import dev.banyan.synthcity.output.DatasetSpec;
import dev.banyan.synthcity.output.WrittenDataset;
import dev.banyan.synthcity.people.Snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes {@code README.txt} (说明): what the city is, what each folder holds, and how to use the ground truth. */
final class Readme {

    static final String FILE = "README.txt";

    private Readme() {
    }

    static void write(Path dir, GenerationOptions options, int enterprises, List<Manifest.Entry> entries,
                      List<DatasetFile> groundTruth) throws IOException {
        StringBuilder b = new StringBuilder(8_192);
        b.append("榕城 Rongcheng — a synthetic Fuzhou-like city for Banyan\n");
        b.append("=========================================================\n\n");
        b.append("本目录中的全部数据均为合成数据：人员、企业、身份证号码、统一社会信用代码和各部门记录都是生成的，与真实人员和单位无关。\n");
        b.append("Everything here is SYNTHETIC: people, companies, identity numbers, credit codes and records are\n");
        b.append("generated and describe no real person or organisation.\n\n");
        b.append("Generator: banyan-synthcity ").append(Manifest.GENERATOR_VERSION)
                .append("; seed ").append(options.seed())
                .append("; profile ").append(options.profile())
                .append("; ").append(options.persons()).append(" residents, ").append(enterprises)
                .append(" market entities; data as of ").append(Snapshot.DATE).append(".\n\n");
        b.append("The geography is Fuzhou's (福州市, 350100): its 13 county-level divisions, their streets and towns,\n");
        b.append("communities and villages, roads, and 15-digit grid cells (6 district + 3 street + 3 community +\n");
        b.append("3 grid). Identity numbers carry the GB/T 2260 county code in force when they were issued, so older\n");
        b.append("people may have retired codes (e.g. 350126 长乐县, 350182 长乐市).\n\n");
        b.append("Departments (one folder each; every record has a stable record_id)\n");
        b.append("------------------------------------------------------------------\n");
        for (Manifest.Entry e : entries) {
            var d = e.department();
            b.append('\n').append(d.code()).append("/  ").append(d.nameZh()).append("  ").append(d.nameEn());
            if (d.servedAs().equals("database")) {
                b.append("  [served as a live database]");
            }
            b.append('\n').append("    ").append(d.descriptionZh()).append('\n');
            b.append("    ").append(d.descriptionEn()).append('\n');
            for (WrittenDataset w : e.datasets()) {
                DatasetSpec s = w.spec();
                b.append("    - ").append(s.fileName()).append("  ").append(s.titleZh()).append(" / ").append(s.titleEn())
                        .append("  (").append(s.format().label()).append(", ").append(s.encodingLabel())
                        .append(s.bom() ? " with BOM" : "").append(s.crlf() ? ", CRLF" : "")
                        .append(", ").append(w.rows()).append(" rows, subject ").append(s.subject().label())
                        .append(")\n");
            }
        }
        b.append("\nRealistic mess\n--------------\n");
        b.append("Apart from the household register and the enterprise register, departments make the mistakes real\n");
        b.append("systems contain, at rates listed per department in manifest.json (mess_rates): homophone and\n");
        b.append("look-alike typos in names (陈→程, 黄→王), traditional characters (陳, 黃), swapped given-name\n");
        b.append("characters, spaces and full-width characters, missing identity numbers, 15-digit numbers for people\n");
        b.append("born before 1985, transposed or mistyped digits (caught by the check character), old organisation\n");
        b.append("codes and 15-character tax numbers for companies, several date and phone formats, former names,\n");
        b.append("addresses from before a move, deaths not yet reflected, and records entered twice.\n");
        b.append("Profile HARD makes all of this several times more frequent.\n");
        b.append("\nFormats: CSV in UTF-8 (housing: with BOM and CRLF), civil-affairs/ in GBK with CRLF, provident-fund/ tab-separated,\n");
        b.append("medical-insurance/ NDJSON, education/pupils.xlsx an Excel workbook, transport/ the three tables of a database.\n");
        b.append("\nThe transport database\n----------------------\n");
        b.append("transport/*.csv are UTF-8 CSV dumps of the tables transport.operators, transport.vehicles and\n");
        b.append("transport.drivers. dev.banyan.synthcity.DepartmentDatabase.load(connection, cityDir) creates the\n");
        b.append("schema with typed columns in PostgreSQL and loads them with COPY; loading again replaces them.\n");
        b.append("\nGround truth (for evaluation only; no department sees it)\n");
        b.append("---------------------------------------------------------\n");
        for (DatasetFile f : groundTruth) {
            b.append("    - ").append(f.relativePath()).append("  (").append(f.rows()).append(" rows)\n");
        }
        b.append("persons.csv and companies.csv map every record of every person or company dataset\n");
        b.append("(department, dataset, record_id) to its true person_id or company_id, exactly once; right_holders\n");
        b.append("records are in one or the other depending on the holder. Two records belong to the same entity iff\n");
        b.append("they map to the same id: use this to measure pairwise precision, recall and F1 of record linkage.\n");
        b.append("persons_master.csv and companies_master.csv hold the true attributes (the ideal golden records).\n");
        Files.writeString(dir.resolve(FILE), b.toString(), StandardCharsets.UTF_8);
    }
}
