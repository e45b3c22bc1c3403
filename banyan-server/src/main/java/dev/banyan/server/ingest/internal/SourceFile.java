package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.SourceErrorCode;
import dev.banyan.server.ingest.SourceException;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** A file source's location, checked before reading (源文件). */
final class SourceFile {

    private SourceFile() {
    }

    /** The location as a readable regular file, or a {@link SourceErrorCode#NOT_READABLE} explaining why not. */
    static Path readableFile(String location) {
        Path path;
        try {
            path = Path.of(location);
        } catch (InvalidPathException e) {
            throw new SourceException(SourceErrorCode.NOT_READABLE, location, null, "not a valid file path: " + e.getReason(),
                    "give the path of the file to read.", e);
        }
        if (!Files.exists(path)) {
            throw new SourceException(SourceErrorCode.NOT_READABLE, location, null, "the file does not exist",
                    "check the path (relative paths are taken from " + Path.of("").toAbsolutePath() + ").");
        }
        if (!Files.isRegularFile(path)) {
            throw new SourceException(SourceErrorCode.NOT_READABLE, location, null, "not a regular file",
                    "give the path of one file, not a directory.");
        }
        if (!Files.isReadable(path)) {
            throw new SourceException(SourceErrorCode.NOT_READABLE, location, null, "the file is not readable",
                    "give the Banyan process permission to read it.");
        }
        return path;
    }
}
