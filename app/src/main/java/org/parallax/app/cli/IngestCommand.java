package org.parallax.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parallax.ingest.extract.InputFiles;
import org.parallax.ingest.pipeline.IngestPipeline;
import org.parallax.ingest.pipeline.IngestSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read files and folders into PostgreSQL, one transaction per article. Safe to re-run.")
public class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to ingest.")
    List<Path> paths;

    private final IngestPipeline pipeline;

    public IngestCommand(IngestPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public Integer call() {
        InputFiles inputs = new InputFiles(paths, ExtractCommand.MAX_INPUT_BYTES);
        inputs.problems().forEach(problem -> System.err.println("✗ " + problem));
        IngestSummary summary = pipeline.ingest(String.join(" ", paths.stream().map(Path::toString).toList()),
                inputs);
        summary.errors().forEach(error -> System.err.println("✗ " + error));
        System.out.println("Ingested " + inputs.size() + " file(s): " + summary.line());
        return summary.hasFailures() || !inputs.problems().isEmpty() ? 1 : 0;
    }
}
