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

/**
 * Prints what ingest would store, without a database and without starting Quarkus. Results stream out as
 * they are found, so a large archive prints its first articles at once and never sits whole in memory.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Print what ingest would store for each file, without touching the database.")
public class ExtractCommand implements Callable<Integer> {

    @Option(names = "--json", description = "JSON Lines: one object per article found.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files or folders to read (any mix of formats).")
    List<Path> files;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        Extraction extraction = Extraction.standard();
        int[] failed = {0};
        for (Input input : new InputFiles(files)) {
            extraction.extract(input, result -> {
                failed[0] += result.isOk() ? 0 : 1;
                report(out, result);
            });
        }
        out.flush();
        return failed[0] == 0 ? 0 : 1;
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
