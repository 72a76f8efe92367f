package org.parallax.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parallax.core.article.ArticleDraft;
import org.parallax.ingest.extract.ExtractJson;
import org.parallax.ingest.extract.Extraction;
import org.parallax.ingest.extract.ExtractionResult;
import org.parallax.ingest.extract.Input;
import org.parallax.ingest.extract.InputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Print what ingest would store for each file, without touching the database.")
public class ExtractCommand implements Callable<Integer> {

    static final long MAX_INPUT_BYTES = 64L * 1024 * 1024;

    @Option(names = "--json", description = "JSON Lines: one object per article found.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files or folders to read.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        Extraction extraction = Extraction.standard();
        InputFiles inputs = new InputFiles(files, MAX_INPUT_BYTES);
        int failed = 0;
        for (String problem : inputs.problems()) {
            failed++;
            report(out, ExtractionResult.failed(problem.substring(0, problem.indexOf(':')), problem));
        }
        for (Input input : inputs) {
            for (ExtractionResult result : extraction.extract(input)) {
                failed += result.isOk() ? 0 : 1;
                report(out, result);
            }
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private void report(PrintStream out, ExtractionResult result) {
        if (json) {
            out.println(ExtractJson.line(result));
            return;
        }
        if (!result.isOk()) {
            out.println("✗ " + result.error());
            return;
        }
        ArticleDraft a = result.article();
        out.println("✓ " + result.source());
        out.println("  headline:  " + a.headline() + (a.headlineDerived() ? "  (derived)" : ""));
        if (a.dek() != null) {
            out.println("  dek:       " + a.dek());
        }
        out.println("  outlet:    " + (a.outlet() == null ? "unknown" : a.outlet()));
        out.println("  byline:    " + (a.byline() == null ? "-" : a.byline()));
        out.println("  published: " + (a.publishedAt() == null ? "unknown" : a.publishedAt()));
        out.println("  language:  " + (a.language() == null ? "unknown" : a.language()));
        out.println("  body:      " + a.paragraphs().size() + " paragraphs, confidence " + a.confidence());
        for (String warning : a.warnings()) {
            out.println("  warning:   " + warning);
        }
    }
}
