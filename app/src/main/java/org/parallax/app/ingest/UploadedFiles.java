package org.parallax.app.ingest;

import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.parallax.ingest.extract.Input;

/** Uploaded parts as pipeline inputs, shared by the upload page and {@code POST /api/ingest}. */
final class UploadedFiles {

    private UploadedFiles() {
    }

    /** Parts without a file (an empty file input still sends one, with no name) are not inputs. */
    static List<FileUpload> chosen(List<FileUpload> files) {
        return files == null ? List.of()
                : files.stream().filter(f -> f.uploadedFile() != null && f.fileName() != null && !f.fileName().isBlank()).toList();
    }

    static List<Input> inputs(List<FileUpload> files) {
        return files.stream().map(f -> Input.ofFile(f.fileName(), f.uploadedFile())).toList();
    }

    /** How the run is recorded in {@code ingest_run}: the files' names. */
    static String origin(List<FileUpload> files) {
        return "upload: " + files.stream().map(FileUpload::fileName).collect(Collectors.joining(", "));
    }
}
