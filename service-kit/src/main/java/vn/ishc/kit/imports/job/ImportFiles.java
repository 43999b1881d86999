package vn.ishc.kit.imports.job;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ishc.kit.imports.table.Cell;
import vn.ishc.kit.imports.table.ReadOptions;
import vn.ishc.kit.imports.table.RowHandler;
import vn.ishc.kit.imports.table.TableFile;
import vn.ishc.kit.imports.table.TableFileException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads an uploaded file as rows of a kind's columns, handing them on in chunks. */
@ApplicationScoped
public class ImportFiles {

    /** Takes a chunk of rows; the first chunk also carries which columns were matched and ignored. */
    public interface Chunks {
        void accept(Object columns, List<RowCells> rows);
    }

    /**
     * Reads the file once without checking its rows, so that everything wrong with the file as a
     * whole (its kind, a password, a zip bomb, the headers, merged header cells, too many rows or
     * columns) is known before a job exists: the upload is refused at once and nothing is kept.
     */
    public void inspect(Path file, ImportKind kind) {
        read(file, kind, (columns, rows) -> {
        }, 10_000);
    }

    public void read(Path file, ImportKind kind, Chunks chunks, int chunkSize) {
        HeaderMap[] headers = {null};
        boolean[] described = {false};
        List<RowCells> chunk = new ArrayList<>(chunkSize);
        try {
            TableFile.read(file, ReadOptions.defaults().preferringSheets(kind.sheetName()), new RowHandler() {
            @Override
            public void header(List<String> names) {
                headers[0] = HeaderMap.of(names, kind.columns());
            }

            @Override
            public void row(int rowNumber, List<Cell> cells) {
                chunk.add(new RowCells(rowNumber, cells, headers[0]));
                if (chunk.size() == chunkSize) {
                    chunks.accept(described[0] ? null : headers[0].describe(), List.copyOf(chunk));
                    described[0] = true;
                    chunk.clear();
                }
            }
        });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (headers[0] == null) {
            throw TableFileException.content("imports.file.empty");
        }
        chunks.accept(described[0] ? null : headers[0].describe(), List.copyOf(chunk));
    }
}
